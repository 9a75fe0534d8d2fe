package io.github.wso2ports.testing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A JVM started with arguments of a test's choosing, as a running server stands for its home; it sleeps until closed. */
public final class JavaProcess implements AutoCloseable {

    private final Process process;

    private JavaProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code java <jvmArgs> -cp <test classes> JavaProcess$Sleep}. */
    public static JavaProcess start(String... jvmArgs) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(List.of(jvmArgs));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Sleep.class.getName());
        return new JavaProcess(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** As {@link #start}, the process listening on 127.0.0.1 at each of {@code ports}, once this returns. */
    public static JavaProcess listening(List<Integer> ports, String... jvmArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(jvmArgs));
        args.add("-Dlisten=" + String.join(",", ports.stream().map(String::valueOf).toList()));
        JavaProcess p = start(args.toArray(new String[0]));
        for (int port : ports) {
            long until = System.currentTimeMillis() + 20_000;
            while (!listens(port)) {
                if (System.currentTimeMillis() > until || !p.process.isAlive()) {
                    p.close();
                    throw new IOException("the test process did not listen on " + port);
                }
                Thread.sleep(50);
            }
        }
        return p;
    }

    private static boolean listens(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The program the process runs: it listens where -Dlisten says, and sleeps. */
    public static final class Sleep {
        public static void main(String[] args) throws Exception {
            List<java.net.ServerSocket> open = new ArrayList<>();
            for (String port : System.getProperty("listen", "").split(",")) {
                if (!port.isBlank()) {
                    open.add(new java.net.ServerSocket(Integer.parseInt(port), 50,
                            java.net.InetAddress.getLoopbackAddress()));
                }
            }
            Thread.sleep(120_000);
            for (java.net.ServerSocket s : open) {
                s.close();
            }
        }
    }
}
