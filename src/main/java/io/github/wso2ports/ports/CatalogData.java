package io.github.wso2ports.ports;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;
import org.tomlj.TomlVersion;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table of the catalog as plain values (String, Long, Boolean, Double, List, CatalogData). {@code catalog.toml}
 * is the source; the build writes the same tree as {@code catalog.json}, which the plugin loads at run time: a TOML
 * parser costs a cold JVM about half a second for 55 KB, a streaming JSON reader a small fraction of that.
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

    /** The JSON form the build writes: compact, keys in source order (catalog.toml is the one humans read). */
    String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            write(g, this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void write(JsonGenerator g, Object v) throws IOException {
        if (v instanceof CatalogData d) {
            g.writeStartObject();
            for (Map.Entry<String, Object> e : d.values.entrySet()) {
                g.writeFieldName(e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> l) {
            g.writeStartArray();
            for (Object o : l) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Long n) {
            g.writeNumber(n);
        } else if (v instanceof Double d) {
            g.writeNumber(d);
        } else {
            g.writeBoolean((Boolean) v);
        }
    }

    /** Reads what {@link #toJson} wrote. */
    static CatalogData fromJson(byte[] json) {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("catalog.json: not a JSON object");
            }
            return readObject(p);
        } catch (IOException e) {
            throw new IllegalStateException("catalog.json: " + e.getMessage(), e);
        }
    }

    private static CatalogData readObject(JsonParser p) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            out.put(key, readValue(p));
        }
        return new CatalogData(out);
    }

    private static Object readValue(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT:
                return readObject(p);
            case START_ARRAY: {
                List<Object> out = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    out.add(readValue(p));
                }
                return Collections.unmodifiableList(out);
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            default:
                throw new IllegalStateException("catalog.json: unexpected " + p.currentToken() + " at "
                        + p.currentLocation());
        }
    }

    // --- reading -----------------------------------------------------------------------------------------------

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
