package io.github.wso2ports.distribution;

import io.github.wso2ports.FileStamp;
import io.github.wso2ports.IoWords;
import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Every fact about the file system that a check relied on: which paths were files, folders or absent, what a folder
 * listed, what a file held (by hash). A later build whose facts all still hold would read exactly the same, so it
 * can repeat the earlier result instead. Collected from several threads.
 */
public final class InputRecord {

    /** What was asked of a path. */
    public enum Kind { FILE, DIRECTORY, EXISTS, LIST, CONTENT, ARCHIVE }

    /**
     * @param path  the absolute path
     * @param value what it was: true/false, the sorted names, a file's size, time and SHA-256, an archive's size and
     *              time
     */
    public record Fact(Kind kind, String path, String value) {
    }

    private final List<Fact> facts = new ArrayList<>();

    public synchronized void add(Kind kind, Path path, String value) {
        facts.add(new Fact(kind, path.toAbsolutePath().normalize().toString(), value));
    }

    /**
     * Notes what a file held when it was read: its stamp from just before the read (a change during the read leaves a
     * stamp that no longer matches, so the next build reads again) and the bytes read, null when it could not be read.
     */
    public void addContent(Path path, String stampBefore, byte[] bytes) {
        add(Kind.CONTENT, path, bytes == null ? "unreadable:unreadable" : stampBefore + ":" + hash(bytes));
    }

    /**
     * A file the user named, read whole; the record, when there is one, notes what it held. Missing, a folder or
     * unreadable: an error at {@code where} with the fix given for it.
     */
    public static byte[] read(Path file, Location where, String fixMissing, String fixFolder, InputRecord record) {
        String stamp = FileStamp.of(file);
        byte[] bytes = null;
        try {
            if (!Files.exists(file)) {
                throw new Wso2PortsException(where, "does not exist", fixMissing);
            }
            if (Files.isDirectory(file)) {
                throw new Wso2PortsException(where, "is a folder, not a file", fixFolder);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new Wso2PortsException(where, "cannot be read: " + IoWords.of(e, false).problem(), fixMissing);
        } finally {
            if (record != null) {
                record.addContent(file, stamp, bytes);
            }
        }
        return bytes;
    }

    /** The facts in the order they were observed, without repeats. */
    public synchronized List<Fact> facts() {
        return facts.stream().distinct().toList();
    }

    /** The fact as the file system has it now. */
    public static String observe(Kind kind, Path path) {
        // (CONTENT: size@mtime:sha256)
        return switch (kind) {
            case FILE -> String.valueOf(Files.isRegularFile(path));
            case DIRECTORY -> String.valueOf(Files.isDirectory(path));
            case EXISTS -> String.valueOf(Files.exists(path, LinkOption.NOFOLLOW_LINKS));
            case LIST -> list(path);
            case CONTENT -> content(path);
            case ARCHIVE -> archive(path);
        };
    }

    /** True when every fact still holds; stops at the first that does not. */
    public static boolean stillHolds(List<Fact> facts) {
        for (Fact f : facts) {
            Path path = Path.of(f.path());
            boolean holds = f.kind() == Kind.CONTENT ? sameContent(f.value(), path)
                    : Objects.equals(f.value(), observe(f.kind(), path));
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /**
     * A file whose size and modification time are unchanged is taken as unchanged (as git and make do, with the
     * file system's nanosecond times); otherwise its content decides, so a file touched but not changed still holds.
     */
    private static boolean sameContent(String recorded, Path file) {
        int colon = recorded.indexOf(':');
        if (colon > 0 && recorded.substring(0, colon).equals(FileStamp.of(file))) {
            return true;
        }
        String now = content(file);
        return now.substring(now.indexOf(':') + 1).equals(recorded.substring(colon + 1));
    }

    static String list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        try (Stream<Path> s = Files.list(dir)) {
            return String.join("/", s.map(p -> p.getFileName().toString()).sorted().toList());
        } catch (IOException e) {
            return "unlistable";
        }
    }

    public static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code size@mtime:sha256} of a file as it is on disk now. */
    static String content(Path file) {
        String stamp = FileStamp.of(file);
        try {
            return stamp + ":" + hash(Files.readAllBytes(file));
        } catch (IOException | OutOfMemoryError e) {
            return "unreadable:unreadable";
        }
    }

    /** An archive is not hashed (a release zip may be hundreds of MB): its size and time stand for it. */
    public static String archive(Path file) {
        try {
            return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
