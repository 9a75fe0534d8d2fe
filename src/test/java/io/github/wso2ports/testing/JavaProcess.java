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

    /** The program the process runs. */
    public static final class Sleep {
        public static void main(String[] args) throws InterruptedException {
            Thread.sleep(120_000);
        }
    }
}
