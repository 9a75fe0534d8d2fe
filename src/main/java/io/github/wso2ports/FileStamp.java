package io.github.wso2ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;

/**
 * A file's size and modification time ({@code size@nanos}): equal stamps mean an unchanged file, as git and make
 * take it, with the file system's nanosecond times. Taken before a read, so a change during the read shows.
 */
public final class FileStamp {

    private FileStamp() {
    }

    /** The stamp, or {@code unreadable} when the file cannot be stat'ed. */
    public static String of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.size() + "@" + a.lastModifiedTime().to(TimeUnit.NANOSECONDS);
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
