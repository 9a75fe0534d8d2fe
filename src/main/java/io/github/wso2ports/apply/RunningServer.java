package io.github.wso2ports.apply;

import io.github.wso2ports.distribution.DistributionSource;
import io.github.wso2ports.distribution.ProductRuntime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a runtime's server runs now. A Carbon 4 server (and Micro Integrator) writes its PID to
 * {@code <runtime home>/wso2carbon.pid} (kernel {@code Main.writePID}), a Carbon 5.2+ launcher to
 * {@code wso2/<runtime>/runtime.pid}, a Carbon 5.0/5.1 one to {@code carbon.pid} in its home; a PID is taken for the
 * server only when that process is alive, is a JVM and its
 * command line names this home ({@code -Dcarbon.home=<home>}, the bootstrap jars under it): a stale file's PID may have
 * been reused by any program, a copied home's file names the original's server. When the command line cannot be read
 * (another user's process where /proc hides it), nothing can be told, and that is what is said.
 */
public final class RunningServer {

    /** Where a running Carbon 4 server keeps its PID, relative to its home (kernel {@code Main.writePID}, MI too). */
    public static final String PID_FILE = "wso2carbon.pid";

    /** The PID file of a runtime, relative to the distribution's home. */
    public static String pidFile(ProductRuntime runtime) {
        String file = switch (runtime.format()) {
            case DEPLOYMENT_YAML -> "runtime.pid";
            case CARBON_YML -> "carbon.pid";
            default -> PID_FILE;
        };
        return runtime.runtimeHome().isEmpty() ? file : runtime.runtimeHome() + "/" + file;
    }

    /** What is known of the server: it runs, it may run (could not tell), or nothing says it does. */
    public enum State { RUNNING, UNKNOWN, NOT_RUNNING }

    /** The state and, unless NOT_RUNNING, the PID the file names. */
    public record Status(State state, long pid) {

        static final Status NOT_RUNNING = new Status(State.NOT_RUNNING, 0);
    }

    /** A process as this JVM can see it: alive or not, and its command line when it can be read. */
    public interface Processes {

        boolean alive(long pid);

        /** True when the system hides other users' processes (/proc mounted with hidepid): "not alive" may be hidden. */
        boolean hidesOthers();

        /** The command line, program first; empty when it cannot be read. */
        Optional<List<String>> commandLine(long pid);
    }

    /** The processes of this machine: /proc where it is (it shows another user's command line too), else the JDK. */
    public static final Processes SYSTEM = new Processes() {
        @Override
        public boolean alive(long pid) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }

        @Override
        public boolean hidesOthers() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/mounts"))) {
                    String[] f = line.split(" ");
                    if (f.length > 3 && f[1].equals("/proc") && f[2].equals("proc")
                            && f[3].matches(".*\\bhidepid=(1|2|invisible|noaccess)\\b.*")) {
                        return true;
                    }
                }
            } catch (IOException | SecurityException e) {
                // not Linux: nothing says processes are hidden
            }
            return false;
        }

        @Override
        public Optional<List<String>> commandLine(long pid) {
            Optional<List<String>> proc = RunningServer.commandLine(Path.of("/proc", Long.toString(pid), "cmdline"));
            if (proc.isPresent()) {
                return proc;
            }
            // no /proc (not Linux) or hidden (hidepid): ask the JDK, which may know no more
            return ProcessHandle.of(pid).map(ProcessHandle::info).flatMap(info -> info.command()
                    .map(c -> {
                        List<String> line = new java.util.ArrayList<>();
                        line.add(c);
                        line.addAll(Arrays.asList(info.arguments().orElse(new String[0])));
                        return line;
                    }));
        }
    };

    private RunningServer() {
    }

    /** A process's command line as a {@code /proc/<pid>/cmdline} file holds it; empty when it cannot be read. */
    public static Optional<List<String>> commandLine(Path cmdline) {
        try {
            byte[] raw = Files.readAllBytes(cmdline);
            if (raw.length > 0) {
                return Optional.of(Arrays.asList(new String(raw, StandardCharsets.UTF_8).split("\0")));
            }
        } catch (IOException | SecurityException e) {
            // gone, hidden or not Linux
        }
        return Optional.empty();
    }

    public static Status of(DistributionSource source, String pidFile, Processes processes) {
        Path home = source.path("");
        if (home == null || !source.isFile(pidFile)) {
            return Status.NOT_RUNNING; // an archive runs nothing
        }
        // the kernel writes "echo $PPID" output from a 100-byte buffer, so NULs may follow the number
        String text = new String(source.read(pidFile), StandardCharsets.ISO_8859_1).replace('\0', ' ').strip();
        String first = text.lines().findFirst().orElse("").strip();
        if (!first.matches("[0-9]{1,18}")) {
            return Status.NOT_RUNNING;
        }
        long pid = Long.parseLong(first);
        if (!processes.alive(pid)) {
            // gone, or another user's process that /proc hides from this one
            return processes.hidesOthers() ? new Status(State.UNKNOWN, pid) : Status.NOT_RUNNING;
        }
        Optional<List<String>> line = processes.commandLine(pid);
        if (line.isEmpty() || line.get().isEmpty()) {
            return new Status(State.UNKNOWN, pid);
        }
        return isJava(line.get().get(0)) && namesHome(line.get(), home) ? new Status(State.RUNNING, pid)
                : Status.NOT_RUNNING;
    }

    public static boolean isJava(String program) {
        String name = program.substring(Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\')) + 1);
        return name.toLowerCase(Locale.ROOT).startsWith("java");
    }

    /** True when an argument, or a path inside one ({@code -Dx=path}, a class path), is the home or under it. */
    public static boolean namesHome(List<String> commandLine, Path home) {
        List<Path> homes = forms(home.toString());
        for (String arg : commandLine.subList(1, commandLine.size())) {
            String value = arg.startsWith("-D") && arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : arg;
            for (String part : value.split("[:;]")) {
                if (part.isEmpty() || !(part.startsWith("/") || part.matches("[A-Za-z]:[\\\\/].*"))) {
                    continue;
                }
                for (Path p : forms(part.replace("\"", ""))) {
                    for (Path h : homes) {
                        if (p.startsWith(h)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** A path as written and as the file system resolves it (a home reached through a symbolic link). */
    private static List<Path> forms(String path) {
        Path absolute;
        try {
            absolute = Path.of(path).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            return List.of(); // not a path on this system
        }
        try {
            Path real = absolute.toRealPath();
            return real.equals(absolute) ? List.of(absolute) : List.of(absolute, real);
        } catch (IOException | SecurityException e) {
            return List.of(absolute);
        }
    }
}
