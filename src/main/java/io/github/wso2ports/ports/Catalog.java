package io.github.wso2ports.ports;

import io.github.wso2ports.config.CarbonXml;

import org.dom4j.DocumentHelper;
import io.github.wso2ports.xml.XmlDocument;

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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The port catalog: a data resource ({@code catalog.toml}) listing WSO2's products and ports, their offset
 * rules and where each port is configured. Code never hard-codes a port; it asks the catalog.
 */
public final class Catalog {

    static final String RESOURCE = "/io/github/wso2ports/catalog.toml";

    private static volatile Catalog builtIn;

    private final List<Product> products;
    private final List<CatalogEntry> entries;
    private final List<UrlEntry> urls;
    private final InboundScan inbound;

    Catalog(List<Product> products, List<CatalogEntry> entries, List<UrlEntry> urls, InboundScan inbound) {
        this.products = List.copyOf(products);
        this.entries = List.copyOf(entries);
        this.urls = List.copyOf(urls);
        this.inbound = inbound;
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

    public List<Product> products() {
        return products;
    }

    public List<CatalogEntry> entries() {
        return entries;
    }

    public List<UrlEntry> urls() {
        return urls;
    }

    /** How inbound endpoints are found and read; null when the catalog has no {@code [inbound]} table. */
    public InboundScan inbound() {
        return inbound;
    }

    /** The URLs a product (runtime, version) keeps in its config. */
    public List<UrlEntry> urlsFor(Set<String> groups) {
        return urls.stream().filter(u -> u.groups().stream().anyMatch(groups::contains)).toList();
    }

    public Optional<Product> product(String key) {
        return products.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    public Optional<CatalogEntry> entry(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The entries a product (runtime, version) has. */
    public List<CatalogEntry> entriesFor(Set<String> groups) {
        return entries.stream().filter(e -> e.groups().stream().anyMatch(groups::contains)).toList();
    }

    // --- parsing: a broken catalog is a bug in the plugin, reported with the entry at fault ---------------------

    static Catalog parse(String text) {
        TomlParseResult toml = Toml.parse(text, TomlVersion.V1_0_0);
        if (toml.hasErrors()) {
            throw new IllegalStateException("catalog: " + toml.errors().get(0));
        }
        Map<String, Condition> flags = new TreeMap<>();
        TomlTable flagTable = toml.getTable("flag");
        for (String id : flagTable == null ? Set.<String>of() : flagTable.keySet()) {
            flags.put(id, condition(flagTable.get(List.of(id)), "flag " + id, Map.of()));
        }
        List<Product> products = new ArrayList<>();
        TomlArray productArray = toml.getArray("product");
        for (int i = 0; productArray != null && i < productArray.size(); i++) {
            products.add(product(productArray.getTable(i)));
        }
        TomlArray ports = toml.getArray("port");
        if (ports == null) {
            throw new IllegalStateException("catalog: no [[port]] entries");
        }
        List<CatalogEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            CatalogEntry e = entry(ports.getTable(i), i, flags);
            if (!ids.add(e.id())) {
                throw new IllegalStateException("catalog: duplicate id " + e.id());
            }
            entries.add(e);
        }
        Set<String> keys = new HashSet<>();
        for (Product p : products) {
            if (!keys.add(p.key())) {
                throw new IllegalStateException("catalog: duplicate product " + p.key());
            }
            List<String> portIds = new ArrayList<>(p.ports().keySet());
            p.runtimes().forEach(r -> portIds.addAll(r.ports().keySet()));
            for (String id : portIds) {
                if (!ids.contains(id)) {
                    throw new IllegalStateException("catalog: " + p.key() + " sets a default for unknown port " + id);
                }
            }
        }
        List<UrlEntry> urls = new ArrayList<>();
        TomlArray urlArray = toml.getArray("url");
        for (int i = 0; urlArray != null && i < urlArray.size(); i++) {
            TomlTable t = urlArray.getTable(i);
            String id = required(t, "id", "[[url]] #" + (i + 1));
            String follows = required(t, "follows", id);
            if (!ids.contains(follows)) {
                throw new IllegalStateException("catalog: url " + id + " follows unknown port " + follows);
            }
            List<Locator> locators = new ArrayList<>();
            TomlArray l = t.getArray("locators");
            for (int k = 0; l != null && k < l.size(); k++) {
                locators.add(locator(l.getTable(k), id));
            }
            String target = t.getString("target", () -> "any");
            if (!List.of("self", "other", "any").contains(target)) {
                throw new IllegalStateException("catalog: url " + id + ": target must be self, other or any");
            }
            urls.add(new UrlEntry(id, required(t, "purpose", id), follows, target, strings(t, "groups"), locators,
                    required(t, "source", id)));
        }
        TomlTable in = toml.getTable("inbound");
        return new Catalog(products, entries, urls, in == null ? null : inbound(in, flags));
    }

    private static InboundScan inbound(TomlTable t, Map<String, Condition> flags) {
        String id = required(t, "id", "[inbound]");
        List<InboundScan.Parameter> parameters = new ArrayList<>();
        TomlArray a = t.getArray("parameter");
        for (int i = 0; a != null && i < a.size(); i++) {
            TomlTable p = a.getTable(i);
            String what = "[[inbound.parameter]] #" + (i + 1);
            List<String> names = strings(p, "names");
            OffsetRule rule = OffsetRule.parse(required(p, "rule", what));
            if (names.isEmpty() || (rule != OffsetRule.CONDITIONAL && rule != OffsetRule.FIXED)) {
                throw new IllegalStateException("catalog: " + what + " needs names and a conditional or fixed rule");
            }
            parameters.add(new InboundScan.Parameter(names, p.getString("address"), rule,
                    condition(p.get(List.of("shifts")), what, flags), p.getString("stays"), required(p, "source", what)));
        }
        return new InboundScan(id, required(t, "purpose", id), strings(t, "groups"), required(t, "folder", id),
                required(t, "source", id), parameters);
    }

    private static Product product(TomlTable t) {
        String key = required(t, "key", "product");
        List<Product.VersionGroups> versions = new ArrayList<>();
        TomlArray v = t.getArray("versions");
        for (int i = 0; v != null && i < v.size(); i++) {
            TomlTable vt = v.getTable(i);
            versions.add(new Product.VersionGroups(vt.getString("from"), vt.getString("until"), strings(vt, "groups")));
        }
        List<Product.RuntimeSpec> runtimes = new ArrayList<>();
        TomlArray r = t.getArray("runtime");
        for (int i = 0; r != null && i < r.size(); i++) {
            TomlTable rt = r.getTable(i);
            Long shipped = rt.getLong("shipped_offset");
            runtimes.add(new Product.RuntimeSpec(required(rt, "name", key), strings(rt, "groups"),
                    shipped == null ? 0 : shipped.intValue(), portMap(rt, key)));
        }
        Long defaultOffset = t.getLong("default_offset");
        return new Product(key, required(t, "name", key), strings(t, "markers"), strings(t, "groups"),
                defaultOffset == null ? null : defaultOffset.intValue(), versions, runtimes, portMap(t, key),
                t.getString("correction"));
    }

    private static CatalogEntry entry(TomlTable t, int index, Map<String, Condition> flags) {
        String id = required(t, "id", "[[port]] #" + (index + 1));
        Long port = t.getLong("port");
        OffsetRule rule = OffsetRule.parse(required(t, "rule", id));
        if (port == null || port < 0 || port > 65535 || (port == 0 && rule != OffsetRule.RANDOM)) {
            throw new IllegalStateException("catalog: " + id + ": port must be 1..65535 (0 only for random ports)");
        }
        String protocol = t.getString("protocol", () -> "tcp").toLowerCase(Locale.ROOT);
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw new IllegalStateException("catalog: " + id + ": protocol must be tcp or udp");
        }
        List<Locator> locators = new ArrayList<>();
        TomlArray l = t.getArray("locators");
        for (int i = 0; l != null && i < l.size(); i++) {
            locators.add(locator(l.getTable(i), id));
        }
        // deployment.toml keys first: they beat the generated XML
        locators.sort((a, b) -> Boolean.compare(b.isToml(), a.isToml()));
        Condition when = t.contains("when") ? condition(t.get(List.of("when")), id, flags) : Condition.ALWAYS;
        List<Integer> seed = new ArrayList<>();
        TomlArray s = t.getArray("seed");
        for (int i = 0; s != null && i < s.size(); i++) {
            seed.add((int) s.getLong(i));
        }
        return new CatalogEntry(id, port.intValue(), protocol, required(t, "purpose", id), rule,
                condition(t.get(List.of("shifts")), id, flags), strings(t, "groups"), locators, when,
                required(t, "source", id), t.getString("correction"), seed, t.getString("stays"),
                t.getString("system_property"), Boolean.TRUE.equals(t.getBoolean("ha_offset_quirk")));
    }

    /**
     * A flag: a boolean (a constant), the id of a {@code [flag.<id>]} table, or a table of its own (name, toml as a
     * key or a list of keys, file with xpath/yaml/property, parameter, default, default_for, default_off_for).
     */
    private static Condition condition(Object value, String id, Map<String, Condition> flags) {
        if (value == null || value instanceof Boolean) {
            return Condition.constant(Boolean.TRUE.equals(value));
        }
        if (value instanceof String ref) {
            Condition c = flags.get(ref);
            if (c == null) {
                throw new IllegalStateException("catalog: " + id + " refers to unknown flag " + ref);
            }
            return c;
        }
        if (!(value instanceof TomlTable w)) {
            throw new IllegalStateException("catalog: " + id + ": a flag is a boolean, a flag id or a table");
        }
        List<String> toml = w.isString("toml") ? List.of(w.getString("toml")) : strings(w, "toml");
        Locator fileTest = w.getString("file") == null ? null : locator(w, id).fileOnly();
        return new Condition(w.getString("name"), toml, fileTest, w.getString("parameter"),
                Boolean.TRUE.equals(w.getBoolean("default")), strings(w, "default_for"), strings(w, "default_off_for"));
    }

    private static Locator locator(TomlTable t, String id) {
        String xpath = t.getString("xpath");
        String rule = t.getString("rule");
        String toml = t.isString("toml") ? t.getString("toml") : null;
        Locator loc = new Locator(toml, t.getString("file"), xpath, t.getString("yaml"), t.getString("property"),
                t.getString("inbound"), t.getString("address"), rule == null ? null : OffsetRule.parse(rule),
                t.getString("stays"));
        checkXPath(xpath, id);
        if (xpath != null) {
            checkXPath(loc.address(), id);
        }
        int kinds = (xpath != null ? 1 : 0) + (loc.yaml() != null ? 1 : 0) + (loc.property() != null ? 1 : 0);
        if (loc.file() != null && kinds != 1) {
            throw new IllegalStateException("catalog: " + id + ": a file locator needs one of xpath, yaml, property");
        }
        int places = (loc.file() != null ? 1 : 0) + (loc.toml() != null ? 1 : 0) + (loc.inbound() != null ? 1 : 0);
        if (places == 0 || (loc.inbound() != null && places != 1)) {
            throw new IllegalStateException("catalog: " + id + ": a locator needs a file, a toml key or an inbound "
                    + "endpoint file (alone)");
        }
        return loc;
    }

    private static void checkXPath(String xpath, String id) {
        if (xpath == null) {
            return;
        }
        try {
            XmlDocument.compile(xpath, CarbonXml.PREFIXES);
        } catch (InvalidXPathException e) {
            throw new IllegalStateException("catalog: " + id + ": bad xpath " + xpath, e);
        }
    }

    private static Map<String, Integer> portMap(TomlTable t, String what) {
        TomlTable ports = t.getTable("ports");
        Map<String, Integer> out = new TreeMap<>();
        if (ports != null) {
            for (String id : ports.keySet()) {
                Long n = ports.getLong(List.of(id));
                if (n == null || n < 0 || n > 65535) {
                    throw new IllegalStateException("catalog: " + what + ": ports." + id + " must be 0..65535");
                }
                out.put(id, n.intValue());
            }
        }
        return out;
    }

    private static List<String> strings(TomlTable t, String key) {
        TomlArray a = t.getArray(key);
        List<String> out = new ArrayList<>();
        for (int i = 0; a != null && i < a.size(); i++) {
            out.add(a.getString(i));
        }
        return List.copyOf(out);
    }

    private static String required(TomlTable t, String key, String what) {
        String v = t.getString(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("catalog: " + what + " has no " + key);
        }
        return v;
    }
}
