package io.github.wso2ports.ports;

import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;
import org.tomlj.TomlVersion;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table of the catalog as plain values (String, Long, Boolean, Double, List, CatalogData). {@code catalog.toml}
 * is the source; the build writes the same tree in a compact binary form ({@code catalog.bin}), which the plugin loads
 * at run time with the JDK's data streams: a TOML parser costs a cold JVM about half a second for 55 KB, and even a
 * JSON parser's first run costs a cold check some 80 ms of class loading.
 */
final class CatalogData {

    private final Map<String, Object> values;

    private CatalogData(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    // --- the two forms -----------------------------------------------------------------------------------------

    /** Parses catalog.toml (TOML 1.0); a syntax error is a bug in the plugin. */
    static CatalogData fromToml(String text) {
        TomlParseResult toml = Toml.parse(text, TomlVersion.V1_0_0);
        if (toml.hasErrors()) {
            throw new IllegalStateException("catalog: " + toml.errors().get(0));
        }
        return of(toml);
    }

    private static CatalogData of(TomlTable t) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : t.keySet()) {
            out.put(key, plain(t.get(List.of(key)), key));
        }
        return new CatalogData(out);
    }

    private static Object plain(Object v, String key) {
        if (v instanceof TomlTable t) {
            return of(t);
        }
        if (v instanceof TomlArray a) {
            List<Object> out = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                out.add(plain(a.get(i), key));
            }
            return Collections.unmodifiableList(out);
        }
        if (v instanceof String || v instanceof Long || v instanceof Boolean || v instanceof Double) {
            return v;
        }
        throw new IllegalStateException("catalog: " + key + " holds a " + v.getClass().getSimpleName()
                + "; the catalog uses strings, integers, booleans, arrays and tables only");
    }

    // the compiled form: a tag, then the value; read back with the JDK's own data streams, so loading the catalog
    // loads no parser at all
    private static final byte TABLE = 'T';
    private static final byte LIST = 'L';
    private static final byte STRING = 'S';
    private static final byte LONG = 'J';
    private static final byte DOUBLE = 'D';
    private static final byte TRUE = '1';
    private static final byte FALSE = '0';
    private static final int MAGIC = 0x57434154;

    /** The compiled form the build writes (catalog.toml is the one humans read), keys in source order. */
    byte[] compiled() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            write(out, this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(DataOutputStream out, Object v) throws IOException {
        if (v instanceof CatalogData d) {
            out.writeByte(TABLE);
            out.writeInt(d.values.size());
            for (Map.Entry<String, Object> e : d.values.entrySet()) {
                out.writeUTF(e.getKey());
                write(out, e.getValue());
            }
        } else if (v instanceof List<?> l) {
            out.writeByte(LIST);
            out.writeInt(l.size());
            for (Object o : l) {
                write(out, o);
            }
        } else if (v instanceof String s) {
            out.writeByte(STRING);
            out.writeUTF(s);
        } else if (v instanceof Long n) {
            out.writeByte(LONG);
            out.writeLong(n);
        } else if (v instanceof Double d) {
            out.writeByte(DOUBLE);
            out.writeDouble(d);
        } else {
            out.writeByte((Boolean) v ? TRUE : FALSE);
        }
    }

    /** Reads what {@link #compiled} wrote. */
    static CatalogData fromCompiled(byte[] compiled) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(compiled))) {
            if (in.readInt() != MAGIC || in.readByte() != TABLE) {
                throw new IllegalStateException("the compiled catalog is not one");
            }
            CatalogData data = readTable(in);
            if (in.read() != -1) {
                throw new IllegalStateException("the compiled catalog goes on after its end");
            }
            return data;
        } catch (IOException e) {
            throw new IllegalStateException("the compiled catalog: " + e.getMessage(), e);
        }
    }

    private static CatalogData readTable(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            String key = in.readUTF();
            out.put(key, readValue(in));
        }
        return new CatalogData(out);
    }

    private static Object readValue(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case TABLE:
                return readTable(in);
            case LIST: {
                int n = in.readInt();
                List<Object> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    out.add(readValue(in));
                }
                return Collections.unmodifiableList(out);
            }
            case STRING:
                return in.readUTF();
            case LONG:
                return in.readLong();
            case DOUBLE:
                return in.readDouble();
            case TRUE:
                return Boolean.TRUE;
            case FALSE:
                return Boolean.FALSE;
            default:
                throw new IllegalStateException("the compiled catalog holds an unknown tag " + tag);
        }
    }

    // --- reading -----------------------------------------------------------------------------------------------

    @Override
    public String toString() {
        return values.toString();
    }

    Set<String> keys() {
        return values.keySet();
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** The value as it is (String, Long, Boolean, Double, List or CatalogData), or null. */
    Object get(String key) {
        return values.get(key);
    }

    boolean isString(String key) {
        return values.get(key) instanceof String;
    }

    String string(String key) {
        return typed(key, String.class, "a string");
    }

    String string(String key, String fallback) {
        String s = string(key);
        return s == null ? fallback : s;
    }

    Long number(String key) {
        return typed(key, Long.class, "an integer");
    }

    Boolean bool(String key) {
        return typed(key, Boolean.class, "a boolean");
    }

    CatalogData table(String key) {
        return typed(key, CatalogData.class, "a table");
    }

    /** An array of tables; empty when absent. */
    List<CatalogData> tables(String key) {
        return elements(key, CatalogData.class, "tables");
    }

    /** An array of strings; empty when absent. */
    List<String> strings(String key) {
        return elements(key, String.class, "strings");
    }

    /** An array of integers; empty when absent. */
    List<Long> numbers(String key) {
        return elements(key, Long.class, "integers");
    }

    private <T> T typed(String key, Class<T> type, String what) {
        Object v = values.get(key);
        if (v != null && !type.isInstance(v)) {
            throw new IllegalStateException("catalog: " + key + " must be " + what);
        }
        return type.cast(v);
    }

    @SuppressWarnings("unchecked") // every element was checked; both readers build unmodifiable lists
    private <T> List<T> elements(String key, Class<T> type, String what) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> l) || !l.stream().allMatch(type::isInstance)) {
            throw new IllegalStateException("catalog: " + key + " must be an array of " + what);
        }
        return (List<T>) l;
    }
}
