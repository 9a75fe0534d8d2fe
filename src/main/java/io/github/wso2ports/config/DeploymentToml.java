package io.github.wso2ports.config;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.text.TextFile;

import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseError;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;
import org.tomlj.TomlVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A config-mapper product's {@code deployment.toml}, parsed as config-mapper parses it: TOML 0.5 (config-mapper up to
 * 1.1.0 uses cava-toml 0.5.0, whose default is TOML 0.5: a mixed-type array is an error there; duplicate keys and
 * tables are errors). The port offset is {@code [server] offset}; config-mapper renders it into carbon.xml at every
 * start.
 */
public final class DeploymentToml {

    public static final String OFFSET_KEY = "server.offset";

    /** How an offset is written: as a TOML integer or as a string such as {@code "3"} (puppet does this). */
    public record Offset(Object value, String raw, Location location) {

        public boolean isString() {
            return value instanceof String;
        }
    }

    private final TextFile file;
    private final TomlParseResult toml;

    private DeploymentToml(TextFile file, TomlParseResult toml) {
        this.file = file;
        this.toml = toml;
    }

    /** Parses UTF-8 bytes read at {@code location}. */
    public static DeploymentToml parse(Location location, byte[] bytes) {
        return parse(TextFile.utf8(location, bytes));
    }

    public static DeploymentToml parse(TextFile file) {
        if (file.hasBom()) {
            // config-mapper hands the file to its TOML parser as read, U+FEFF included, and that parser rejects it
            throw new Wso2PortsException(file.location().atLine(1), "deployment.toml starts with a byte order mark, which "
                    + "config-mapper's TOML parser rejects, so the server would not start",
                    "Save it as UTF-8 without a byte order mark");
        }
        TomlPrescan.Prepared prepared = TomlPrescan.forParser(file);
        TomlParseResult result;
        try {
            result = Toml.parse(prepared.text(), TomlVersion.V0_5_0);
        } catch (AssertionError e) {
            // tomlj asserts where it would report an error when the JVM runs with -ea (a short \\u escape is one)
            throw new Wso2PortsException(file.location().atLine(prepared.shortEscapeLine()), "invalid TOML: "
                    + (prepared.shortEscapeLine() > 0 ? "a \\u escape needs 4 hex digits, a \\U escape 8"
                            : "the TOML parser rejected it (" + e + ")"), "Fix the TOML; WSO2 would not start with it either");
        }
        if (result.hasErrors()) {
            TomlParseError first = result.errors().get(0);
            TomlPosition at = first.position();
            throw new Wso2PortsException(file.location().atLine(at == null ? 0 : at.line()),
                    "invalid TOML: " + stripPosition(first.getMessage())
                            + (result.errors().size() > 1 ? " (and " + (result.errors().size() - 1) + " more errors)" : ""),
                    "Fix the TOML; WSO2 would not start with it either");
        }
        DeploymentToml toml = new DeploymentToml(file, result);
        toml.checkServerTable();
        return toml;
    }

    /**
     * WSO2 reads the offset from one {@code [server]} table: an array {@code [[server]]} or an {@code offset} key
     * anywhere else is a mistake that would silently leave the offset at its default.
     */
    private void checkServerTable() {
        if (toml.isArray("server")) {
            throw new Wso2PortsException(at(toml.inputPositionOf("server")), "[[server]] is an array of tables, but WSO2 "
                    + "reads one [server] table", "Write it as [server]");
        }
        List<Map.Entry<String, TomlTable>> misplaced = new ArrayList<>();
        stray(toml, "", misplaced);
        if (!misplaced.isEmpty()) {
            String name = misplaced.get(0).getKey();
            TomlPosition pos = misplaced.get(0).getValue().inputPositionOf(List.of("offset"));
            throw new Wso2PortsException(at(pos), "'offset' sits " + (name.isEmpty() ? "at the top level"
                    : "in [" + name + "]") + " of deployment.toml, where WSO2 does not read it (it reads [server] offset)",
                    "Move it under [server] and run again");
        }
    }

    /** Tables other than [server] that hold an {@code offset} key, with their dotted names ("" for the top level). */
    private static void stray(TomlTable table, String name, List<Map.Entry<String, TomlTable>> out) {
        for (String key : table.keySet()) {
            List<String> path = List.of(key);
            if (key.equals("offset") && !name.equals("server")) {
                out.add(Map.entry(name, table));
            } else if (table.isTable(path)) {
                stray(table.getTable(path), name.isEmpty() ? key : name + "." + key, out);
            }
        }
    }

    private Location at(TomlPosition pos) {
        return file.location().atLine(pos == null ? 0 : pos.line());
    }

    private static String stripPosition(String message) {
        return message.replaceAll("\\s*\\(line \\d+, column \\d+\\)$", "");
    }

    public TextFile file() {
        return file;
    }

    /** True when a {@code server} table exists, however it is written. */
    public boolean hasServerTable() {
        return toml.isTable("server");
    }

    /** The live {@code [server] offset}, or null when the file does not set one. */
    public Offset offset() {
        if (!toml.contains(OFFSET_KEY)) {
            return null;
        }
        Object value = toml.get(OFFSET_KEY);
        TomlPosition at = toml.inputPositionOf(OFFSET_KEY);
        Location where = file.location().atLine(at == null ? 0 : at.line());
        return new Offset(value, value == null ? "" : String.valueOf(value), where);
    }

    /**
     * The offset WSO2 will use from this file: its value, or {@code defaultOffset} (the template's
     * default, 10 for Micro Integrator) when the file sets none.
     */
    public int effectiveOffset(int defaultOffset) {
        Offset o = offset();
        if (o == null) {
            return defaultOffset;
        }
        if (!(o.value() instanceof Long) && !(o.value() instanceof String)) {
            throw new Wso2PortsException(o.location(), "[server] offset is " + typeName(o.value())
                    + " '" + o.raw() + "'; expected a whole number", "Write it as offset = 3");
        }
        return OffsetValue.parse(o.raw(), o.location(), "[server] offset");
    }

    /** A port or other integer under a dotted key, or null when absent or not a plain number. */
    public PortValue port(String dottedKey) {
        if (!toml.contains(dottedKey)) {
            return null;
        }
        Object value = toml.get(dottedKey);
        TomlPosition at = toml.inputPositionOf(dottedKey);
        Location where = file.location().atLine(at == null ? 0 : at.line());
        if (value instanceof Long l) {
            return new PortValue(String.valueOf(l), l, where);
        }
        if (value instanceof String s && s.strip().matches("[0-9]{1,6}")) {
            return new PortValue(s, Long.parseLong(s.strip()), where);
        }
        return new PortValue(String.valueOf(value), -1, where);
    }

    /** A string value and where it is. */
    public record Text(String text, Location location) {
    }

    /**
     * The value under a dotted key (quoted parts allowed: {@code a.'b.c'}) as written, or null when absent or a
     * table or array.
     */
    public Text text(String dottedKey) {
        if (!toml.contains(dottedKey)) {
            return null;
        }
        Object value = toml.get(dottedKey);
        if (value == null || value instanceof TomlTable || value instanceof TomlArray) {
            return null;
        }
        TomlPosition at = toml.inputPositionOf(dottedKey);
        return new Text(String.valueOf(value), file.location().atLine(at == null ? 0 : at.line()));
    }

    /**
     * The strings at a path of keys separated by dots, where {@code name[*]} steps into every table of an array of
     * tables ({@code apim.gateway.environment[*].ws_endpoint}); a string array at the end gives each of its strings.
     */
    public List<Text> strings(String path) {
        List<Text> out = new ArrayList<>();
        collect(toml, path.split("\\."), 0, out);
        return out;
    }

    private void collect(TomlTable table, String[] keys, int i, List<Text> out) {
        String key = keys[i];
        boolean each = key.endsWith("[*]");
        String name = each ? key.substring(0, key.length() - 3) : key;
        if (!table.contains(List.of(name))) {
            return;
        }
        Object value = table.get(List.of(name));
        if (i == keys.length - 1) {
            TomlPosition at = table.inputPositionOf(List.of(name));
            Location where = file.location().atLine(at == null ? 0 : at.line());
            if (value instanceof String str) {
                out.add(new Text(str, where));
            } else if (value instanceof TomlArray a) {
                for (int k = 0; k < a.size(); k++) {
                    if (a.get(k) instanceof String str) {
                        out.add(new Text(str, where));
                    }
                }
            }
            return;
        }
        if (each && value instanceof TomlArray a) {
            for (int k = 0; k < a.size(); k++) {
                if (a.get(k) instanceof TomlTable t) {
                    collect(t, keys, i + 1, out);
                }
            }
        } else if (value instanceof TomlTable t) {
            collect(t, keys, i + 1, out);
        }
    }

    /** A value read for a port: as written, as a number (-1 when it is not one) and where. */
    public record PortValue(String raw, long number, Location location) {
    }

    static String typeName(Object v) {
        if (v instanceof Double) {
            return "a decimal number";
        }
        if (v instanceof Boolean) {
            return "a boolean";
        }
        if (v instanceof TomlTable) {
            return "a table";
        }
        if (v instanceof TomlArray) {
            return "an array";
        }
        return "a " + (v == null ? "missing value" : v.getClass().getSimpleName());
    }

    /**
     * Checks that {@code edited} is valid TOML that differs from this file only in {@code [server] offset},
     * which must now read {@code expected}.
     */
    public void verifyOffsetEdit(TextFile edited, int expected) {
        DeploymentToml after;
        try {
            after = parse(edited);
        } catch (Wso2PortsException e) {
            throw new Wso2PortsException(file.location(), "the edited file would not be valid TOML ("
                    + e.getMessage() + ")", "Please report this file; nothing was changed");
        }
        Offset o = after.offset();
        if (o == null || after.effectiveOffset(-1) != expected) {
            throw new Wso2PortsException(file.location(), "the edited file would not read [server] offset = " + expected,
                    "Please report this file; nothing was changed");
        }
        Map<String, Object> before = plain(toml);
        Map<String, Object> now = plain(after.toml);
        removeOffset(before);
        removeOffset(now);
        if (!Objects.equals(before, now)) {
            throw new Wso2PortsException(file.location(), "the edit would change more than [server] offset",
                    "Please report this file; nothing was changed");
        }
    }

    @SuppressWarnings("unchecked")
    private static void removeOffset(Map<String, Object> root) {
        Object server = root.get("server");
        if (server instanceof Map<?, ?> m) {
            ((Map<String, Object>) m).remove("offset");
            if (m.isEmpty()) {
                root.remove("server");
            }
        }
    }

    /** The document as plain maps and lists, so two documents can be compared with equals. */
    private static Map<String, Object> plain(TomlTable table) {
        Map<String, Object> out = new TreeMap<>();
        for (String key : table.keySet()) {
            out.put(key, plain(table.get(List.of(key))));
        }
        return out;
    }

    private static Object plain(Object v) {
        if (v instanceof TomlTable t) {
            return plain(t);
        }
        if (v instanceof TomlArray a) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                out.add(plain(a.get(i)));
            }
            return out;
        }
        return v;
    }
}
