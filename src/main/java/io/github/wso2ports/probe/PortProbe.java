package io.github.wso2ports.probe;

import io.github.wso2ports.Port;
import io.github.wso2ports.Unexpected;
import io.github.wso2ports.apply.RunningServer;
import io.github.wso2ports.check.RuntimeInstance;
import io.github.wso2ports.distribution.DistributionSource;
import io.github.wso2ports.ports.PortUse;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether the ports the instances of this host will listen on are free now: for each, free, held by that instance (a
 * Java process whose command line names its home), held by another process (its PID and command line), or in use by
 * an owner this user cannot see (found by binding it, where the sockets or their holders cannot be read). For an
 * instance that runs (its PID file names a live JVM of its home), what it listens on is compared with what the model
 * predicts. It opens no connection, binds only to test a port it releases at once, and signals nothing.
 */
public final class PortProbe {

    public enum State { FREE, THIS_INSTANCE, OTHER_PROCESS, UNSEEN }

    /**
     * One port an instance needs, as found.
     *
     * @param pid    the holder's PID, or 0 when none is known
     * @param holder the holder's command line, or why the owner cannot be seen
     */
    public record Row(RuntimeInstance instance, PortUse port, int number, State state, long pid, String holder) {

        public String describe() {
            String needs = instance.id() + " needs it (" + port.entry().purpose() + ", " + port.provenance() + ")";
            return instance.host() + " " + port.entry().protocol() + "/" + number + " " + switch (state) {
                case FREE -> "free: " + needs;
                case THIS_INSTANCE -> "held by " + instance.id() + " itself (PID " + pid + ")";
                case OTHER_PROCESS -> "in use: " + needs + ", but PID " + pid + " holds it: " + holder;
                case UNSEEN -> "in use by an owner this user cannot see (" + holder + "): " + needs;
            };
        }
    }

    /**
     * @param modelDiffers for each running instance, the ports it listens on that the model does not predict and the
     *                     predicted ones it does not listen on
     */
    public record Result(List<Row> rows, List<String> modelDiffers) {

        /** True when a port an instance needs is held by another process. */
        public boolean fails() {
            return rows.stream().anyMatch(r -> r.state() == State.OTHER_PROCESS);
        }
    }

    private static final int SHOWN = 200;

    private PortProbe() {
    }

    public static Result probe(List<RuntimeInstance> instances, Host host, RunningServer.Processes processes) {
        Optional<List<Socket>> sockets = host.sockets();
        List<Row> rows = new ArrayList<>();
        List<String> differs = new ArrayList<>();
        for (RuntimeInstance i : instances) {
            Path home = i.config().distribution().source().path("");
            Set<Long> ownPids = new TreeSet<>();
            for (PortUse p : i.config().ports()) {
                long number = p.effective(i.offset());
                if (!p.listens() || !Port.isValid(number)) {
                    continue;
                }
                Row row = row(i, p, (int) number, home, sockets, host);
                if (row.state() == State.THIS_INSTANCE) {
                    ownPids.add(row.pid());
                }
                rows.add(row);
            }
            differs.addAll(modelDiffers(i, sockets, host, processes, ownPids));
        }
        rows.sort(Comparator.comparing((Row r) -> r.instance().host()).thenComparingInt(Row::number)
                .thenComparing(r -> r.instance().id()));
        return new Result(rows, differs);
    }

    private static Row row(RuntimeInstance i, PortUse p, int number, Path home, Optional<List<Socket>> sockets,
            Host host) {
        String protocol = p.entry().protocol();
        if (sockets.isEmpty()) {
            Host.Bind bind = host.bind(protocol, number);
            return bind == Host.Bind.TAKEN ? new Row(i, p, number, State.UNSEEN, 0, "no /proc/net to tell who: a bind "
                    + "test failed") : new Row(i, p, number, State.FREE, 0, bind == Host.Bind.CANNOT_TELL
                            ? "below 1024: this user may not bind it, so it could not be tested" : null);
        }
        for (Socket s : sockets.get()) {
            if (s.port() != number || !s.protocol().equals(protocol)) {
                continue;
            }
            OptionalLong pid = host.holder(s.inode());
            if (pid.isEmpty()) {
                return new Row(i, p, number, State.UNSEEN, 0, "socket inode " + s.inode() + " on " + s.address()
                        + " is held by a process of another user");
            }
            Optional<List<String>> line = host.commandLine(pid.getAsLong());
            if (line.isPresent() && !line.get().isEmpty() && home != null && RunningServer.isJava(line.get().get(0))
                    && RunningServer.namesHome(line.get(), home)) {
                return new Row(i, p, number, State.THIS_INSTANCE, pid.getAsLong(), String.join(" ", line.get()));
            }
            return new Row(i, p, number, State.OTHER_PROCESS, pid.getAsLong(), line.map(PortProbe::shown)
                    .orElse("(its command line cannot be read)"));
        }
        return new Row(i, p, number, State.FREE, 0, null);
    }

    private static String shown(List<String> commandLine) {
        String all = String.join(" ", commandLine);
        return all.length() <= SHOWN ? all : all.substring(0, SHOWN) + "...";
    }

    /**
     * What a running instance listens on against the model: its process from its PID file (or the one JVM of its home
     * found holding its ports), its sockets against the ports predicted. Ports in the ephemeral range the JVM opens
     * for itself (RMI, debuggers) are not news.
     */
    private static List<String> modelDiffers(RuntimeInstance i, Optional<List<Socket>> sockets, Host host,
            RunningServer.Processes processes, Set<Long> ownPids) {
        if (sockets.isEmpty()) {
            return List.of();
        }
        DistributionSource source = i.config().distribution().source();
        long pid = 0;
        if (source.path("") != null) {
            RunningServer.Status status = RunningServer.of(source, RunningServer.pidFile(i.config().runtime()),
                    processes);
            pid = status.state() == RunningServer.State.RUNNING ? status.pid() : 0;
        }
        if (pid == 0 && ownPids.size() == 1) {
            pid = ownPids.iterator().next();
        }
        if (pid == 0) {
            return List.of();
        }
        Set<String> actual = new LinkedHashSet<>();
        for (Socket s : sockets.get()) {
            if (host.holder(s.inode()).orElse(-1) == pid && !(s.port() >= Port.Range.EPHEMERAL.from()
                    && s.port() <= Port.Range.EPHEMERAL.to())) {
                actual.add(s.protocol() + "/" + s.port());
            }
        }
        List<String> out = new ArrayList<>();
        Set<String> predicted = new LinkedHashSet<>();
        for (PortUse p : i.config().ports()) {
            long n = p.effective(i.offset());
            if (p.listens() && Port.isValid(n)) {
                String key = p.entry().protocol() + "/" + n;
                predicted.add(key);
                if (!actual.contains(key)) {
                    out.add(i.host() + " " + key + " model differs: " + i.id() + " (PID " + pid + ") does not listen "
                            + "there, though the model predicts " + p.entry().purpose() + " (" + p.provenance() + ")");
                }
            }
        }
        for (String a : actual) {
            if (!predicted.contains(a)) {
                out.add(i.host() + " " + a + " model differs: " + i.id() + " (PID " + pid + ") listens there, which "
                        + "the model does not predict");
            }
        }
        if (!out.isEmpty()) {
            out.add("  (a model that differs is worth a report: send these lines, the product and version and the "
                    + "files named to " + Unexpected.REPORT_URL + ")");
        }
        return out;
    }
}
