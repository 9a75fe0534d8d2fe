package io.github.wso2ports.config;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.text.TextFile;

/**
 * Prepares a deployment.toml for tomlj in one pass over the text (strings and comments recognised):
 * <ul>
 * <li>refuses nesting tomlj would overflow its stack on: it parses arrays and inline tables recursively (2,000 levels
 * overflow it) and a key of thousands of dotted parts makes a table as deep. A WSO2 deployment.toml nests three or four
 * levels; the limits are far beyond that and far below what recursion survives;</li>
 * <li>shortens long string values: tomlj lexes a string one character at a time, so a 2 MB string takes seconds.
 * What is removed is valid anywhere in that kind of string on its own (plain characters, surrogate pairs, well-formed
 * escapes); line breaks and anything that could make the string invalid or end it are kept, so the shortened text is
 * valid TOML exactly when the file is, and lines keep their numbers. Only such long values differ, and no port or
 * offset is one; keys are kept whole.</li>
 * </ul>
 */
final class TomlPrescan {

    /** How deep arrays and inline tables may nest. */
    static final int MAX_NESTING = 64;

    /** How many dotted parts a key or a table header may have. */
    static final int MAX_KEY_PARTS = 64;

    /** A string value longer than this is shortened. */
    static final int LONG_STRING = 1024;

    /** How many units of each run of valid units a shortened string keeps. */
    static final int KEEP = 64;

    private TomlPrescan() {
    }

    /**
     * What to give tomlj.
     *
     * @param text            the text to parse
     * @param shortEscapeLine the line of the first \\u or \\U escape with too few hex digits, 0 when there is none:
     *                        tomlj reports it as invalid, but with assertions on (-ea) fails an assert on it instead
     */
    record Prepared(String text, int shortEscapeLine) {
    }

    /** Prepares the text for tomlj; refuses the file when it nests or dots beyond the limits. */
    static Prepared forParser(TextFile file) {
        String t = file.text();
        StringBuilder out = null; // made only when a string has a run to shorten
        int copied = 0;
        char[] open = new char[MAX_NESTING + 1];
        int depth = 0;
        int parts = 1;
        boolean inKey = true;
        int shortEscape = -1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '#') {
                i = endOfLine(t, i) - 1;
            } else if (c == '"' || c == '\'') {
                int end = endOfString(t, i);
                if (shortEscape < 0 && c == '"') {
                    shortEscape = shortUnicodeEscape(t, i, end);
                }
                if (!inKey && end - i > LONG_STRING) {
                    // shorten a long value (never a key: two long keys could become one)
                    out = out == null ? new StringBuilder(t.length() / 2) : out;
                    out.append(t, copied, i);
                    shorten(t, i, end, out);
                    copied = end;
                }
                i = end;
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
        return new Prepared(out == null ? t : out.append(t, copied, t.length()).toString(),
                shortEscape < 0 ? 0 : file.lineOf(shortEscape));
    }

    /**
     * Appends the string from its opening quote {@code start} to before its closing quote {@code end}, leaving out,
     * after its first {@link #KEEP}, the units valid anywhere in such a string (a plain character, a surrogate pair, a
     * well-formed escape) that sit between two such units: what is left joins valid units to valid units, so nothing
     * else (a line break, a quote, a control character, a doubtful escape) meets anything new.
     */
    private static void shorten(String t, int start, int end, StringBuilder out) {
        boolean basic = t.charAt(start) == '"';
        int i = start;
        int quotes = 0;
        while (i < end && t.charAt(i) == t.charAt(start) && quotes < 3) {
            out.append(t.charAt(i++));
            quotes++;
        }
        int units = 0;
        boolean afterUnit = false;
        int unit = validUnit(t, i, end, basic);
        while (i < end) {
            if (unit > 0) {
                int next = validUnit(t, i + unit, end, basic);
                if (units++ < KEEP || !afterUnit || next == 0) {
                    out.append(t, i, i + unit);
                }
                afterUnit = true;
                i += unit;
                unit = next;
            } else {
                // a doubtful escape is kept whole, its letter and the up to 8 digits that decide it (in a literal
                // string too, where a backslash is plain: tomlj recovering from an error may lex it as an escape)
                int kept = t.charAt(i) == '\\' ? Math.min(end - i, 10) : 1;
                out.append(t, i, i + kept);
                i += kept;
                afterUnit = false;
                unit = validUnit(t, i, end, basic);
            }
        }
    }

    /** The index of the first \\u or \\U escape in the basic string with fewer hex digits than it needs, else -1. */
    private static int shortUnicodeEscape(String t, int start, int end) {
        for (int i = start + 1; i < end; i++) {
            if (t.charAt(i) == '\\') {
                char e = i + 1 < end ? t.charAt(i + 1) : 0;
                int digits = e == 'u' ? 4 : e == 'U' ? 8 : 0;
                for (int d = 0; d < digits; d++) {
                    int at = i + 2 + d;
                    if (at >= end || "0123456789abcdefABCDEF".indexOf(t.charAt(at)) < 0) {
                        return i;
                    }
                }
                i++; // the escaped character is not an escape of its own
            }
        }
        return -1;
    }

    /** The length of the unit at {@code i} when it is valid anywhere inside such a string, else 0. */
    private static int validUnit(String t, int i, int end, boolean basic) {
        if (i >= end) {
            return 0;
        }
        char c = t.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < end && Character.isLowSurrogate(t.charAt(i + 1)) ? 2 : 0;
        }
        if (c == '\\' && basic) {
            char e = i + 1 < end ? t.charAt(i + 1) : 0;
            if ("btnfr\"\\".indexOf(e) >= 0 && e != 0) {
                return 2;
            }
            int digits = e == 'u' ? 4 : e == 'U' ? 8 : 0;
            if (digits > 0 && i + 2 + digits <= end && t.substring(i + 2, i + 2 + digits).matches("[0-9A-Fa-f]+")) {
                long cp = Long.parseLong(t.substring(i + 2, i + 2 + digits), 16);
                return cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF) ? 2 + digits : 0;
            }
            return 0;
        }
        return c >= 0x20 && c != 0x7f && c != '"' && c != '\'' && c != '\\' && !Character.isSurrogate(c) ? 1 : 0;
    }

    private static boolean atLineStart(String t, int i) {
        int lineStart = t.lastIndexOf('\n', i - 1) + 1;
        return t.substring(lineStart, i).isBlank();
    }

    private static int endOfLine(String t, int i) {
        int nl = t.indexOf('\n', i);
        return nl < 0 ? t.length() : nl;
    }

    /**
     * The index of a string's closing quote (multi-line strings, their up to two quotes before the closing three, and
     * escapes included); for an unclosed string, the index before the line break (or the text's end), where tomlj will
     * say so.
     */
    private static int endOfString(String t, int i) {
        char q = t.charAt(i);
        String triple = String.valueOf(q).repeat(3);
        if (t.startsWith(triple, i)) {
            int end = t.indexOf(triple, i + 3);
            while (q == '"' && end > 0 && escaped(t, end)) {
                end = t.indexOf(triple, end + 1);
            }
            if (end < 0) {
                return t.length() - 1;
            }
            for (int extra = 0; extra < 2 && end + 3 < t.length() && t.charAt(end + 3) == q; extra++) {
                end++;
            }
            return end + 2;
        }
        for (int j = i + 1; j < t.length(); j++) {
            char c = t.charAt(j);
            if (c == '\n') {
                return j - 1;
            }
            if (c == '\\' && q == '"') {
                j++;
            } else if (c == q) {
                return j;
            }
        }
        return t.length() - 1;
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
