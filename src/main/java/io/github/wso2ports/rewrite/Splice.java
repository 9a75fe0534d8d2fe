package io.github.wso2ports.rewrite;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.text.TextFile;

import java.util.Arrays;

/**
 * Replaces one span of a file's text and encodes the result exactly as the file was encoded. The bytes
 * before and after the span are checked to be the original bytes: nothing else can change.
 */
public final class Splice {

    private Splice() {
    }

    /** The new text with {@code [start, end)} replaced. */
    public static String text(TextFile file, int start, int end, String replacement) {
        String text = file.text();
        if (start < 0 || end < start || end > text.length()) {
            throw new IllegalArgumentException("span [" + start + "," + end + ") of " + text.length());
        }
        return text.substring(0, start) + replacement + text.substring(end);
    }

    /** The new bytes with {@code [start, end)} of the text replaced. */
    public static byte[] bytes(TextFile file, int start, int end, String replacement) {
        byte[] before = file.bytes();
        byte[] after = file.encode(text(file, start, end, replacement));
        int head = file.encode(file.text().substring(0, start)).length;
        int tail = file.encode(file.text().substring(end)).length - file.bomLength();
        boolean sameHead = Arrays.equals(before, 0, head, after, 0, head);
        boolean sameTail = tail <= before.length && tail <= after.length
                && Arrays.equals(before, before.length - tail, before.length, after, after.length - tail, after.length);
        if (!sameHead || !sameTail) {
            throw new Wso2PortsException(file.location(), "the edit would change bytes outside the value in "
                    + file.charset().name(), "Please report this file; nothing was changed");
        }
        return after;
    }
}
