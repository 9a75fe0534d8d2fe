package io.github.wso2ports.config;

import io.github.wso2ports.Location;
import io.github.wso2ports.text.TextFile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A properties-style file such as Spark's spark-defaults.conf: one {@code key value} (or {@code key=value}) a line,
 * {@code #} and {@code !} comments. Keeps the line of each key; a later line wins, as in java.util.Properties.
 * Continuation lines are not used by the files read here and are not supported.
 */
public final class PropertiesFile {

    /** A value and where it is. */
    public record Value(String text, Location location) {
    }

    private final Map<String, Value> values;

    private PropertiesFile(Map<String, Value> values) {
        this.values = values;
    }

    /** Parses UTF-8 bytes read at {@code location}. */
    public static PropertiesFile parse(Location location, byte[] bytes) {
        return parse(TextFile.utf8(location, bytes));
    }

    public static PropertiesFile parse(TextFile file) {
        Map<String, Value> values = new LinkedHashMap<>();
        for (int line = 1; line <= file.lineCount(); line++) {
            String text = file.text().substring(file.lineStart(line), file.lineEnd(line)).strip();
            if (text.isEmpty() || text.startsWith("#") || text.startsWith("!")) {
                continue;
            }
            int sep = 0;
            while (sep < text.length() && " \t=:".indexOf(text.charAt(sep)) < 0) {
                sep++;
            }
            String key = text.substring(0, sep);
            String rest = text.substring(sep).strip();
            if (rest.startsWith("=") || rest.startsWith(":")) {
                rest = rest.substring(1).strip();
            }
            values.put(key, new Value(rest, file.location().atLine(line)));
        }
        return new PropertiesFile(values);
    }

    /** The value of a key, or null. */
    public Value get(String key) {
        return values.get(key);
    }
}
