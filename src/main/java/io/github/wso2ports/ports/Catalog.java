package io.github.wso2ports.ports;

import io.github.wso2ports.config.CarbonXml;

import org.dom4j.DocumentHelper;
import org.dom4j.InvalidXPathException;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;
import org.tomlj.TomlVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The port catalog: a data resource ({@code catalog.toml}) listing WSO2's ports, their offset rules and where
 * each is configured. Code never hard-codes a port; it asks the catalog.
 */
public final class Catalog {

    static final String RESOURCE = "/io/github/wso2ports/catalog.toml";

    private static volatile Catalog builtIn;

    private final List<CatalogEntry> entries;

    Catalog(List<CatalogEntry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** The catalog shipped in the plugin, loaded once. */
    public static Catalog builtIn() {
        Catalog c = builtIn;
        if (c == null) {
            try (InputStream in = Catalog.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the plugin");
                }
                c = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            builtIn = c;
        }
        return c;
    }

    /** Parses catalog text; a broken catalog is a bug in the plugin, reported with the entry at fault. */
    static Catalog parse(String text) {
        TomlParseResult toml = Toml.parse(text, TomlVersion.V1_0_0);
        if (toml.hasErrors()) {
            throw new IllegalStateException("catalog: " + toml.errors().get(0));
        }
        TomlArray ports = toml.getArray("port");
        if (ports == null) {
            throw new IllegalStateException("catalog: no [[port]] entries");
        }
        List<CatalogEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            TomlTable t = ports.getTable(i);
            String id = required(t, "id", i);
            if (!ids.add(id)) {
                throw new IllegalStateException("catalog: duplicate id " + id);
            }
            Long port = t.getLong("port");
            if (port == null || port < 1 || port > 65535) {
                throw new IllegalStateException("catalog: " + id + ": port must be 1..65535");
            }
            String protocol = t.getString("protocol", () -> "tcp");
            if (!protocol.equals("tcp") && !protocol.equals("udp")) {
                throw new IllegalStateException("catalog: " + id + ": protocol must be tcp or udp");
            }
            String xpath = t.getString("xpath");
            if (xpath != null) {
                try {
                    DocumentHelper.createXPath(xpath).setNamespaceURIs(CarbonXml.PREFIXES);
                } catch (InvalidXPathException e) {
                    throw new IllegalStateException("catalog: " + id + ": bad xpath " + xpath, e);
                }
                if (t.getString("file") == null) {
                    throw new IllegalStateException("catalog: " + id + ": xpath without file");
                }
            }
            entries.add(new CatalogEntry(id, port.intValue(), protocol, required(t, "purpose", i),
                    OffsetRule.parse(required(t, "rule", i)), t.getString("file"), xpath, t.getString("toml"),
                    required(t, "source", i), t.getString("correction")));
        }
        return new Catalog(entries);
    }

    private static String required(TomlTable t, String key, int index) {
        String v = t.getString(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("catalog: [[port]] #" + (index + 1) + " has no " + key);
        }
        return v;
    }

    public List<CatalogEntry> entries() {
        return entries;
    }
}
