package io.github.wso2ports.rewrite;

import io.github.wso2ports.FileStamp;
import io.github.wso2ports.IoWords;
import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Writes a file so that a crash at any moment leaves either the old or the new bytes: the new bytes go to
 * a temporary file in the same folder, are forced to disk, get the old file's permissions and are then
 * renamed over the old file in one step. A symbolic link is followed: its target is written, the link stays.
 */
public final class AtomicWriter {

    /** The steps of a write, in order; crash tests stop a JVM at each. */
    enum Step { LOCKED, TEMP_CREATED, TEMP_WRITTEN, TEMP_FORCED, TEMP_ATTRIBUTES, MOVED, FOLDER_SYNCED }

    private static final String TMP_SUFFIX = ".wso2-ports.tmp";

    /** Called at each step; a no-op except in crash tests. */
    static volatile Consumer<Step> steps = step -> { };

    /**
     * One writer per file inside this JVM (a parallel reactor); FileLock covers other processes. A POSIX lock belongs
     * to the process and falls when any descriptor of the file is closed, so under it the file is only read through
     * the locked channel.
     */
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

    private AtomicWriter() {
    }

    /**
     * Checks that {@code path} can be written safely, without writing anything: a regular file (after
     * following links) that has a write permission bit. Builds often run as root, where the OS would let
     * any write through, so a file without write bits is refused here on purpose.
     */
    public static Path checkWritable(Path path, Location location) {
        Path real = realPath(path, location);
        if (!Files.isRegularFile(real)) {
            throw new Wso2PortsException(location, "is not a regular file", "Point at the file itself");
        }
        PosixFileAttributes posix = posixAttributes(real);
        if (posix != null) {
            Set<PosixFilePermission> p = posix.permissions();
            if (!p.contains(PosixFilePermission.OWNER_WRITE) && !p.contains(PosixFilePermission.GROUP_WRITE)
                    && !p.contains(PosixFilePermission.OTHERS_WRITE)) {
                throw new Wso2PortsException(location, "is read-only (mode " + mode(p) + "), so it is not changed",
                        "If it should change, make it writable (chmod u+w) and run again");
            }
        } else if (!Files.isWritable(real)) {
            throw new Wso2PortsException(location, "is read-only, so it is not changed",
                    "If it should change, make it writable and run again");
        }
        // open it for writing (and write nothing): what would stop the write (a read-only file system, an immutable
        // file, another owner) stops it now, before any file of the run is written
        try (FileChannel probe = FileChannel.open(real, StandardOpenOption.WRITE)) {
            probe.size();
        } catch (IOException e) {
            throw failure(location, real, e);
        }
        if (!Files.isWritable(real.getParent())) {
            throw new Wso2PortsException(location, "its folder is not writable, so the file cannot be replaced in one "
                    + "step", "Make the folder writable (or, if it is marked immutable, chattr -i it) and run again");
        }
        return real;
    }

    /** A failed write in plain words; writes are atomic, so whatever failed changed nothing. */
    static Wso2PortsException failure(Location location, Path real, IOException e) {
        // the folder's fault when the folder failed, or the temp file could not be made in it (a failed rename names
        // the file it replaces too)
        boolean folder = e instanceof FileSystemException f && f.getFile() != null
                && (Path.of(f.getFile()).equals(real.getParent())
                        || f.getFile().endsWith(TMP_SUFFIX) && f.getOtherFile() == null);
        IoWords words = IoWords.of(e, folder);
        String problem = words.fix() == null ? "it cannot be written: " + words.problem() : words.problem();
        return new Wso2PortsException(location, problem + ", so the file was not changed", words.fix(), e);
    }

    /**
     * Replaces the file's bytes with {@code content}, provided they are still {@code expected} (another run
     * may have changed them since they were read).
     */
    public static void write(Path path, Location location, byte[] expected, byte[] content) {
        write(path, location, expected, null, content);
    }

    /**
     * As {@link #write(Path, Location, byte[], byte[])}, where {@code stamp} is the file's stamp from just before
     * {@code expected} was read: while the file still has it, it is not read again.
     */
    public static void write(Path path, Location location, byte[] expected, String stamp, byte[] content) {
        Path real = checkWritable(path, location);
        ReentrantLock local = LOCAL.computeIfAbsent(real, p -> new ReentrantLock());
        local.lock();
        try {
            while (true) {
                // the lock is on the file being replaced, which the winner renames away: a run that waited on the old
                // file finds the path holding another file, and locks that one instead (then sees new bytes, refuses)
                Object before = fileKey(real);
                try (FileChannel channel = FileChannel.open(real, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                    Object opened = fileKey(real);
                    if (!Objects.equals(before, opened)) {
                        continue;
                    }
                    try (FileLock ignored = channel.lock()) {
                        if (!Objects.equals(opened, fileKey(real))) {
                            continue;
                        }
                        steps.accept(Step.LOCKED);
                        replace(real, channel, location, expected, stamp, content);
                        return;
                    }
                }
            }
        } catch (IOException e) {
            throw failure(location, real, e);
        } finally {
            local.unlock();
        }
    }

    /** The file's identity (device and inode where the platform has them), to tell a replaced file from the same. */
    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    private static void replace(Path real, FileChannel locked, Location location, byte[] expected, String stamp,
            byte[] content) throws IOException {
        Path tmp = null;
        try {
            // read through the locked channel: closing any other descriptor of this file would drop the POSIX lock
            boolean unchanged = stamp != null && stamp.equals(FileStamp.of(real))
                    || Arrays.equals(readAll(locked), expected);
            if (!unchanged) {
                throw new Wso2PortsException(location, "changed while this run was working on it, so it is not "
                        + "changed again", "Run again");
            }
            PosixFileAttributes posix = posixAttributes(real);
            removeLeftovers(real);
            tmp = Files.createTempFile(real.getParent(), "." + real.getFileName() + ".", TMP_SUFFIX);
            steps.accept(Step.TEMP_CREATED);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                steps.accept(Step.TEMP_WRITTEN);
                ch.force(true);
                steps.accept(Step.TEMP_FORCED);
            }
            if (posix != null) {
                Files.setPosixFilePermissions(tmp, posix.permissions());
                copyOwnership(tmp, posix);
            }
            steps.accept(Step.TEMP_ATTRIBUTES);
            Files.move(tmp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
            steps.accept(Step.MOVED);
            syncFolder(real.getParent());
            steps.accept(Step.FOLDER_SYNCED);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the temp file is hidden and named after its target; leaving it is harmless
                }
            }
        }
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IOException("too large");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        while (buf.hasRemaining() && channel.read(buf, buf.position()) >= 0) {
            // read until full or at the end
        }
        return Arrays.copyOf(buf.array(), buf.position());
    }

    /**
     * Temp files a killed run left next to this file. Only a writer of this file makes them, and this one holds the
     * file's lock, so any that exist are leftovers.
     */
    private static void removeLeftovers(Path real) {
        String prefix = "." + real.getFileName() + ".";
        try (DirectoryStream<Path> left = Files.newDirectoryStream(real.getParent(),
                p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(TMP_SUFFIX))) {
            for (Path p : left) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a leftover is hidden and harmless; failing to tidy it is no reason to refuse the write
        }
    }

    private static Path realPath(Path path, Location location) {
        try {
            return path.toRealPath();
        } catch (NoSuchFileException e) {
            throw new Wso2PortsException(location, "does not exist", null, e);
        } catch (FileSystemException e) {
            throw new Wso2PortsException(location, "cannot be resolved: " + IoWords.of(e, false).problem(),
                    "Fix the path or the links pointing to it", e);
        } catch (IOException e) {
            throw new Wso2PortsException(location, "cannot be resolved: " + IoWords.of(e, false).problem(), null, e);
        }
    }

    private static PosixFileAttributes posixAttributes(Path real) {
        PosixFileAttributeView view = Files.getFileAttributeView(real, PosixFileAttributeView.class);
        if (view == null) {
            return null;
        }
        try {
            return view.readAttributes();
        } catch (IOException e) {
            return null;
        }
    }

    private static void copyOwnership(Path tmp, PosixFileAttributes original) {
        PosixFileAttributeView view = Files.getFileAttributeView(tmp, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        try {
            PosixFileAttributes now = view.readAttributes();
            if (!now.owner().equals(original.owner())) {
                view.setOwner(original.owner());
            }
            if (!now.group().equals(original.group())) {
                view.setGroup(original.group());
            }
        } catch (IOException | SecurityException e) {
            // only root can give a file away; a file we created belongs to us, which is the best we can do
        }
    }

    private static void syncFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can sync a folder; the rename itself is already atomic
        }
    }

    private static String mode(Set<PosixFilePermission> p) {
        return java.nio.file.attribute.PosixFilePermissions.toString(p);
    }
}
