package io.github.wso2ports.rewrite;

import io.github.wso2ports.text.TextFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Line-level edits of a valid TOML file: replace one value, uncomment one {@code # key = value} line, insert
 * a line, or append a table. Each edit is one {@link TextEdit}, so every other line keeps its bytes, comments,
 * blank lines and line breaks. Validating the result is up to the caller, who knows what it must mean.
 */
public final class TomlEditor {

    /** A single-line value: where it sits and how it is written. */
    public record Value(int line, String key, int start, int end, String raw) {

        /** True for {@code "..."} and {@code '...'} values. */
        public boolean isQuoted() {
            return raw.startsWith("\"") || raw.startsWith("'");
        }
    }

    /** A commented-out {@code # key = value} line that can be brought back. */
    public record CommentedKey(int line, int start, int end, String indent, String key, String assignment,
            String value, String rest) {
    }

    private final TextFile file;
    private final String text;
    private final List<TomlLines.Line> lines;

    public TomlEditor(TextFile file) {
        this.file = file;
        this.text = file.text();
        this.lines = TomlLines.scan(text);
    }

    /** The value of the key/value pair that starts on {@code line}, if it fits on that line. */
    public Optional<Value> valueOn(int line) {
        for (TomlLines.Line l : lines) {
            if (l.number() == line && l.kind() == TomlLines.Kind.KEY_VALUE && !l.multiLine()) {
                return Optional.of(new Value(line, l.name(), l.valueStart(), l.valueEnd(),
                        text.substring(l.valueStart(), l.valueEnd())));
            }
        }
        return Optional.empty();
    }

    /** True when the pair on {@code line} has a value that goes on over further lines. */
    public boolean isMultiLineValue(int line) {
        return lines.stream().anyMatch(l -> l.number() == line && l.kind() == TomlLines.Kind.KEY_VALUE && l.multiLine());
    }

    /** The line of the live {@code [table]} header, if the file has one. */
    public OptionalInt headerLine(String table) {
        for (TomlLines.Line l : lines) {
            if (l.kind() == TomlLines.Kind.HEADER && sameName(l.name(), table)) {
                return OptionalInt.of(l.number());
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The first comment line in the table whose header is on {@code headerLine} that reads
     * {@code # key = value}, optionally followed by a comment; any number of {@code #} and blanks may lead.
     */
    public Optional<CommentedKey> commentedKey(int headerLine, String key) {
        Pattern p = Pattern.compile("^([ \\t]*)#+[ \\t]*(" + Pattern.quote(key)
                + ")([ \\t]*=[ \\t]*)(\"[^\"]*\"|'[^']*'|[^\\s#]+)([ \\t]*(?:#.*)?)$");
        boolean inTable = false;
        for (TomlLines.Line l : lines) {
            if (l.number() == headerLine) {
                inTable = true;
                continue;
            }
            if (!inTable) {
                continue;
            }
            if (l.kind() == TomlLines.Kind.HEADER || l.kind() == TomlLines.Kind.ARRAY_HEADER) {
                break;
            }
            if (l.kind() == TomlLines.Kind.COMMENT) {
                String lineText = text.substring(l.start(), l.end());
                Matcher m = p.matcher(lineText);
                if (m.matches()) {
                    return Optional.of(new CommentedKey(l.number(), l.start(), l.end(), m.group(1), m.group(2),
                            m.group(3), m.group(4), m.group(5)));
                }
            }
        }
        return Optional.empty();
    }

    public TextEdit replaceValue(Value value, String literal) {
        return new TextEdit(value.start(), value.end(), literal);
    }

    /** Turns {@code #offset=0 # note} into {@code offset=<literal> # note}, keeping indentation and spacing. */
    public TextEdit uncomment(CommentedKey c, String literal) {
        return new TextEdit(c.start(), c.end(), c.indent() + c.key() + c.assignment() + literal + c.rest());
    }

    /** Inserts a new line after {@code line}, with the file's own line break. */
    public TextEdit insertAfter(int line, String lineText) {
        int at = file.lineEnd(line);
        return new TextEdit(at, at, file.lineSeparator() + lineText);
    }

    /**
     * Appends {@code [table]} and one line at the end of the file: a table placed anywhere else could
     * capture the keys that follow it. A file without a final line break keeps having none.
     */
    public TextEdit appendTable(String table, String lineText) {
        String sep = file.lineSeparator();
        String block = "[" + table + "]" + sep + lineText;
        String insert;
        if (text.isEmpty()) {
            insert = block + sep;
        } else if (!file.endsWithLineBreak()) {
            insert = sep + sep + block;
        } else if (text.endsWith(sep + sep) || text.equals(sep)) {
            insert = block + sep;
        } else {
            insert = sep + block + sep;
        }
        return new TextEdit(text.length(), text.length(), insert);
    }

    private static boolean sameName(String written, String name) {
        return written.equals(name) || written.equals("\"" + name + "\"") || written.equals("'" + name + "'");
    }
}
