package io.github.wso2ports.probe;

import io.github.wso2ports.Printer;
import io.github.wso2ports.apply.RunningServer;
import io.github.wso2ports.check.RuntimeInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The probe of this host as the goal and the command print it: the instances of other hosts named and left out, a
 * line per port (an error for a port another process holds, a warning for an owner that cannot be seen), the ways the
 * running instances differ from the model, and the summary.
 */
public record ProbeReport(PortProbe.Result result, List<Printer.Line> lines, String summary) {

    /** Probes the instances of this host (localhost, a loopback address or this machine's name). */
    public static ProbeReport of(List<RuntimeInstance> instances, Host host, RunningServer.Processes processes) {
        Set<String> here = names();
        List<RuntimeInstance> local = new ArrayList<>();
        List<Printer.Line> lines = new ArrayList<>();
        Set<String> elsewhere = new TreeSet<>();
        for (RuntimeInstance i : instances) {
            if (here.contains(i.host().toLowerCase(Locale.ROOT))) {
                local.add(i);
            } else {
                elsewhere.add(i.id() + " (" + i.host() + ")");
            }
        }
        if (!elsewhere.isEmpty()) {
            lines.add(new Printer.Line(Printer.Level.INFO, "Not on this host, not probed: " + String.join(", ",
                    elsewhere)));
        }
        PortProbe.Result result = PortProbe.probe(local, host, processes);
        int free = 0;
        int own = 0;
        int other = 0;
        int unseen = 0;
        for (PortProbe.Row r : result.rows()) {
            switch (r.state()) {
                case FREE -> free++;
                case THIS_INSTANCE -> own++;
                case OTHER_PROCESS -> other++;
                case UNSEEN -> unseen++;
            }
            Printer.Level level = r.state() == PortProbe.State.OTHER_PROCESS ? Printer.Level.ERROR
                    : r.state() == PortProbe.State.UNSEEN ? Printer.Level.WARN : Printer.Level.INFO;
            lines.add(new Printer.Line(level, r.describe()));
        }
        result.modelDiffers().forEach(l -> lines.add(new Printer.Line(Printer.Level.INFO, l)));
        String summary = "wso2-ports:probe: " + other + (other == 1 ? " port" : " ports") + " held by another process, "
                + unseen + " in use by an owner it cannot see, " + own + " held by their instance, " + free + " free, of "
                + local.size() + (local.size() == 1 ? " instance" : " instances") + " on this host";
        return new ProbeReport(result, lines, summary);
    }

    /** The names this machine answers to, lower case: read from the kernel, never looked up (no network). */
    private static Set<String> names() {
        Set<String> out = new TreeSet<>(Set.of("localhost", "127.0.0.1", "::1", "[::1]"));
        for (String file : List.of("/proc/sys/kernel/hostname", "/etc/hostname")) {
            try {
                String name = Files.readString(Path.of(file)).strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    out.add(name);
                    out.add(name.contains(".") ? name.substring(0, name.indexOf('.')) : name);
                }
            } catch (IOException | SecurityException e) {
                // not Linux: localhost is here, and the host names of the pom are elsewhere
            }
        }
        return out;
    }
}
