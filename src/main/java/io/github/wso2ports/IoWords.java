package io.github.wso2ports;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * An I/O failure in words a user can act on, never a Java exception's name: "the disk is full", "the file system is
 * read-only", "the file is marked immutable (or append-only)", with what to do about it.
 *
 * @param problem what went wrong
 * @param fix     what to do, or null
 */
public record IoWords(String problem, String fix) {

    /** @param folder true when the failure is the folder's (a file could not be created in it), not the file's */
    public static IoWords of(IOException e, boolean folder) {
        String reason = reason(e);
        if (reason.contains("No space left on device")) {
            return new IoWords("the disk is full", "Free some space on it and run again");
        }
        if (reason.contains("Disk quota exceeded")) {
            return new IoWords("the disk quota of this user is used up", "Free some space or raise the quota and run "
                    + "again");
        }
        if (reason.contains("Read-only file system")) {
            return new IoWords("the file system is read-only", "Remount it read-write, or work on a writable copy of "
                    + "the distribution");
        }
        if (reason.contains("Operation not permitted")) {
            // what root meets on a file or folder with the immutable or append-only attribute
            return new IoWords(folder ? "its folder is marked immutable (or append-only), so no file can be put in it"
                    : "the file is marked immutable (or append-only)", "If it should change, clear the flag (chattr -i, "
                            + "or chattr -a, as root) and run again");
        }
        if (e instanceof AccessDeniedException || reason.contains("Permission denied")) {
            return new IoWords("permission denied", "Give this user the permission it needs and run again");
        }
        if (e instanceof FileSystemLoopException || reason.contains("Too many levels of symbolic links")) {
            return new IoWords("symbolic links here form a loop", "Replace the looping link with the file or folder "
                    + "it should point at");
        }
        if (e instanceof NoSuchFileException) {
            return new IoWords("it does not exist", null);
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException
                || reason.contains("Not a directory")) {
            return new IoWords("a file is in the way where a folder should be", "Move the file away or point elsewhere");
        }
        if (reason.contains("Input/output error")) {
            return new IoWords("the disk reports an input/output error (it may be failing)", "Check the disk");
        }
        return new IoWords(reason, null);
    }

    /** The operating system's reason, without the exception's class or the path (the caller names the file). */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException f) {
            // without a reason its message is the path, which says nothing
            return f.getReason() != null ? f.getReason().strip() : "an input/output error";
        }
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return "an input/output error";
        }
        // the JDK appends the OS reason to some messages: "/a/b: Read-only file system"
        return m.strip();
    }
}
