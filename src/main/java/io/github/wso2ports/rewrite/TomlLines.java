package io.github.wso2ports.rewrite;

import java.util.ArrayList;
import java.util.List;

/**
 * The line structure of a valid TOML document: which lines are table headers, key/value pairs, comments,
 * or continuations of a value that spans lines (multi-line strings and arrays). A line that looks like a
 * header inside a multi-line string is a continuation here, which a regular expression cannot tell.
 */
final class TomlLines {

    enum Kind { BLANK, COMMENT, HEADER, ARRAY_HEADER, KEY_VALUE, CONTINUATION }

    /**
     * One physical line. For a header, {@code name} is the table name as written between the brackets; for
     * a key/value pair, the key as written, and {@code valueStart}/{@code valueEnd} span the value (before
     * any comment), {@code multiLine} telling whether the value goes on past this line.
     */
    record Line(int number, int start, int end, Kind kind, String name, int valueStart, int valueEnd,
            boolean multiLine) {
    }

    private final String text;
    private int pos;
    private int lineNumber = 1;
    private final List<Line> lines = new ArrayList<>();

    private TomlLines(String text) {
        this.text = text;
    }

    static List<Line> scan(String text) {
        TomlLines s = new TomlLines(text);
        s.run();
        return s.lines;
    }

    private void run() {
        while (pos < text.length()) {
            int start = pos;
            skipBlanks();
            if (atLineEnd()) {
                add(start, Kind.BLANK, null, -1, -1, false);
            } else if (text.charAt(pos) == '#') {
                skipToLineEnd();
                add(start, Kind.COMMENT, null, -1, -1, false);
            } else if (text.charAt(pos) == '[') {
                header(start);
            } else {
                keyValue(start);
            }
            nextLine();
            if (pos == start) {
                throw new IllegalStateException("TOML line " + lineNumber + " cannot be scanned");
            }
        }
    }

    private void header(int start) {
        boolean array = text.startsWith("[[", pos);
        pos += array ? 2 : 1;
        int nameStart = pos;
        skipUntil(']');
        String name = text.substring(nameStart, pos).strip();
        skipToLineEnd();
        add(start, array ? Kind.ARRAY_HEADER : Kind.HEADER, name, -1, -1, false);
    }

    private void keyValue(int start) {
        int keyStart = pos;
        skipUntil('=');
        String key = text.substring(keyStart, pos).strip();
        if (pos < text.length() && text.charAt(pos) == '=') {
            pos++;
        }
        skipBlanks();
        int valueStart = pos;
        int firstLine = lineNumber;
        int valueEnd = value();
        if (lineNumber == firstLine) {
            skipToLineEnd();
            add(start, Kind.KEY_VALUE, key, valueStart, valueEnd, false);
            return;
        }
        // a value over several lines: its first line, then one continuation per further line
        lines.add(new Line(firstLine, start, -1, Kind.KEY_VALUE, key, valueStart, valueEnd, true));
        skipToLineEnd();
        for (int n = firstLine + 1; n <= lineNumber; n++) {
            lines.add(new Line(n, -1, -1, Kind.CONTINUATION, key, -1, -1, true));
        }
    }

    /** Scans one value; returns the offset just past it (before trailing blanks and any comment). */
    private int value() {
        int depth = 0;
        int lastSignificant = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                if (depth == 0) {
                    return lastSignificant;
                }
                lineNumber++;
                pos++;
            } else if (c == '#') {
                if (depth == 0) {
                    return lastSignificant;
                }
                skipToLineEnd();
            } else if (text.startsWith("\"\"\"", pos) || text.startsWith("'''", pos)) {
                skipMultiLineString(text.substring(pos, pos + 3));
                lastSignificant = pos;
            } else if (c == '"' || c == '\'') {
                skipSimpleString(c);
                lastSignificant = pos;
            } else {
                if (c == '[' || c == '{') {
                    depth++;
                } else if (c == ']' || c == '}') {
                    depth--;
                }
                pos++;
                if (c != ' ' && c != '\t' && c != '\r') {
                    lastSignificant = pos;
                }
            }
        }
        return lastSignificant;
    }

    /** Moves to the next {@code stop} on this line outside quoted strings (keys and table names may be quoted). */
    private void skipUntil(char stop) {
        while (pos < text.length() && text.charAt(pos) != stop && text.charAt(pos) != '\n') {
            char c = text.charAt(pos);
            if (c == '"' || c == '\'') {
                skipSimpleString(c);
            } else {
                pos++;
            }
        }
    }

    private void skipSimpleString(char quote) {
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && quote == '"') {
                pos += 2;
            } else if (c == quote) {
                pos++;
                return;
            } else if (c == '\n') {
                return;
            } else {
                pos++;
            }
        }
    }

    private void skipMultiLineString(String delimiter) {
        pos += 3;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && delimiter.charAt(0) == '"') {
                if (pos + 1 < text.length() && text.charAt(pos + 1) == '\n') {
                    lineNumber++;
                }
                pos += 2;
            } else if (text.startsWith(delimiter, pos)) {
                pos += 3;
                // up to two more quotes may belong to the content ("""a""""")
                while (pos < text.length() && text.charAt(pos) == delimiter.charAt(0)) {
                    pos++;
                }
                return;
            } else {
                if (c == '\n') {
                    lineNumber++;
                }
                pos++;
            }
        }
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private boolean atLineEnd() {
        return pos >= text.length() || text.charAt(pos) == '\n' || text.startsWith("\r\n", pos);
    }

    private void skipToLineEnd() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
    }

    private void nextLine() {
        if (text.startsWith("\r\n", pos)) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '\n') {
            pos++;
            lineNumber++;
        }
    }

    private void add(int start, Kind kind, String name, int valueStart, int valueEnd, boolean multiLine) {
        int end = pos > start && text.charAt(pos - 1) == '\r' ? pos - 1 : pos;
        lines.add(new Line(lineNumber, start, end, kind, name, valueStart, valueEnd, multiLine));
    }
}
