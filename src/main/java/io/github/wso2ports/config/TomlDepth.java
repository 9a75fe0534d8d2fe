package io.github.wso2ports.config;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.text.TextFile;

/**
 * Limits on how deep a deployment.toml nests, checked before it is parsed: tomlj parses arrays and inline tables
 * recursively (2,000 levels overflow its stack) and a key of thousands of dotted parts makes a table as deep. A WSO2
 * deployment.toml nests three or four levels; the limits are far beyond that and far below what recursion survives.
 */
final class TomlDepth {

    /** How deep arrays and inline tables may nest. */
    static final int MAX_NESTING = 64;

    /** How many dotted parts a key or a table header may have. */
    static final int MAX_KEY_PARTS = 64;

    private TomlDepth() {
    }

    /** Scans the text (strings and comments skipped) and refuses it when it nests or dots beyond the limits. */
    static void check(TextFile file) {
        String t = file.text();
        char[] open = new char[MAX_NESTING + 1];
        int depth = 0;
        int parts = 1;
        boolean inKey = true;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '#') {
                i = endOfLine(t, i) - 1;
            } else if (c == '"' || c == '\'') {
                i = endOfString(t, i);
            } else if (c == '[' || c == '{') {
                if (depth == MAX_NESTING) {
                    throw tooDeep(file, i, "arrays and tables nest deeper than " + MAX_NESTING + " levels");
                }
                open[depth++] = c;
                // a table header ([a.b], [[a.b]]) or an inline table holds keys; an array holds values
                inKey = c == '{' || atLineStart(t, i) || (inKey && t.charAt(i - 1) == '[');
                parts = 1;
            } else if (c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            } else if (c == '=') {
                inKey = false;
                parts = 1;
            } else if (c == ',' && depth > 0) {
                inKey = open[depth - 1] == '{';
                parts = 1;
            } else if (c == '\n') {
                inKey = depth == 0;
                parts = 1;
            } else if (c == '.' && inKey && ++parts > MAX_KEY_PARTS) {
                throw tooDeep(file, i, "a key has more than " + MAX_KEY_PARTS + " dotted parts");
            }
        }
    }

    private static boolean atLineStart(String t, int i) {
        int lineStart = t.lastIndexOf('\n', i - 1) + 1;
        return t.substring(lineStart, i).isBlank();
    }

    private static int endOfLine(String t, int i) {
        int nl = t.indexOf('\n', i);
        return nl < 0 ? t.length() : nl;
    }

    /** The index of a string's closing quote (multi-line strings and escapes included); the text's end if unclosed. */
    private static int endOfString(String t, int i) {
        char q = t.charAt(i);
        String triple = String.valueOf(q).repeat(3);
        if (t.startsWith(triple, i)) {
            int end = t.indexOf(triple, i + 3);
            while (q == '"' && end > 0 && escaped(t, end)) {
                end = t.indexOf(triple, end + 1);
            }
            return end < 0 ? t.length() : end + 2;
        }
        for (int j = i + 1; j < t.length(); j++) {
            char c = t.charAt(j);
            if (c == '\n') {
                return j - 1; // unclosed: tomlj says so
            }
            if (c == '\\' && q == '"') {
                j++;
            } else if (c == q) {
                return j;
            }
        }
        return t.length();
    }

    private static boolean escaped(String t, int quote) {
        int backslashes = 0;
        for (int k = quote - 1; k >= 0 && t.charAt(k) == '\\'; k--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static Wso2PortsException tooDeep(TextFile file, int at, String what) {
        return new Wso2PortsException(file.location().atLine(file.lineOf(at)), what + ", which no WSO2 "
                + "deployment.toml does", "Restore the file from the distribution, or write the keys as [tables]");
    }
}
