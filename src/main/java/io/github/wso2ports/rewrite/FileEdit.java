package io.github.wso2ports.rewrite;

import io.github.wso2ports.Location;
import io.github.wso2ports.text.TextFile;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A planned change of one file: its bytes as read and as they will be written. Planned edits are checked
 * before anything is written, so a run that must refuse one file writes none.
 *
 * @param path     the file on disk
 * @param location how the file (and the changed line) is shown to the user
 * @param file     the file as read
 * @param after    the bytes to write; equal to the original bytes when nothing changes
 * @param stamp    the file's size and time just before it was read ({@link io.github.wso2ports.FileStamp}), or null:
 *                 while it still has them, the write need not read the file again to know it is unchanged
 */
public record FileEdit(Path path, Location location, TextFile file, byte[] after, String stamp) {

    public FileEdit(Path path, Location location, TextFile file, byte[] after) {
        this(path, location, file, after, null);
    }

    public byte[] before() {
        return file.bytes();
    }

    public boolean changes() {
        return !Arrays.equals(file.bytes(), after);
    }

    /** A unified diff of the change, for dry runs. */
    public List<String> diff() {
        return UnifiedDiff.of(location.file(), file.bytes(), after, file.charset(), file.bomLength());
    }
}
