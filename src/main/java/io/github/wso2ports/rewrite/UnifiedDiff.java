package io.github.wso2ports.rewrite;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;

/** A unified diff (as {@code diff -u} or {@code git diff} print it) of two versions of a file. */
public final class UnifiedDiff {

    private UnifiedDiff() {
    }

    /** The diff lines, with {@code a/path} and {@code b/path} headers and 3 lines of context. */
    public static List<String> of(String path, byte[] before, byte[] after, Charset charset, int bomLength) {
        List<String> a = lines(new String(before, bomLength, before.length - bomLength, charset));
        List<String> b = lines(new String(after, bomLength, after.length - bomLength, charset));
        Patch<String> patch = DiffUtils.diff(a, b);
        return UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, a, patch, 3);
    }

    private static List<String> lines(String text) {
        // line breaks are not shown; a CR before LF would only clutter the output
        return Arrays.asList(text.split("\r?\n|\r", -1));
    }
}
