package io.github.wso2ports.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Disks that fail writes the way real ones do: a small tmpfs to fill up, a file system remounted read-only, files and
 * folders marked immutable (chattr +i). They need Linux and root (CI runs as root); elsewhere the tests are skipped.
 */
public final class HostileDisks {

    private HostileDisks() {
    }

    private static boolean run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void need(boolean ok, String what) {
        Assumptions.assumeTrue(ok, "needs Linux and root to " + what);
    }

    /** A tmpfs of {@code bytes} mounted at {@code at}, unmounted when closed. */
    public static AutoCloseable tmpfs(Path at, long bytes) throws IOException {
        Files.createDirectories(at);
        need(run("mount", "-t", "tmpfs", "-o", "size=" + bytes, "tmpfs", at.toString()), "mount a tmpfs");
        return () -> run("umount", "-l", at.toString());
    }

    /** Remounts the tmpfs at {@code at} read-only. */
    public static void readOnly(Path at) {
        need(run("mount", "-o", "remount,ro", at.toString()), "remount a file system read-only");
    }

    /** Fills the file system of {@code dir} to the last byte. */
    public static void fill(Path dir) throws IOException {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(dir.resolve("filler"))) {
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // the disk is full
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve("filler"), java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException full) {
            // to the last byte
        }
    }

    /** Marks the files and folders immutable (chattr +i) until closed. */
    public static AutoCloseable immutable(Path... paths) {
        List<String> cmd = new ArrayList<>(List.of("chattr", "+i"));
        for (Path p : paths) {
            cmd.add(p.toString());
        }
        need(run(cmd.toArray(String[]::new)), "mark a file immutable (chattr +i)");
        return () -> {
            cmd.set(1, "-i");
            run(cmd.toArray(String[]::new));
        };
    }
}
