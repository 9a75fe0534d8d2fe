package io.github.wso2ports.ports;

import io.github.wso2ports.Port;
import io.github.wso2ports.config.CarbonXml;
import io.github.wso2ports.xml.XmlDocument;

import org.dom4j.InvalidXPathException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The port catalog: a data resource ({@code catalog.toml}) listing WSO2's products and ports, their offset
 * rules and where each port is configured. Code never hard-codes a port; it asks the catalog.
 */
public final class Catalog {

    static final String RESOURCE = "/io/github/wso2ports/catalog.toml";

    /** The same catalog as the build derives it from {@link #RESOURCE} ({@link CatalogCompiler}), quick to load. */
    static final String COMPILED = "/io/github/wso2ports/catalog.bin";

    private static volatile Catalog builtIn;

    private final List<Product> products;
    private final List<CatalogEntry> entries;
    private final List<UrlEntry> urls;
    private final InboundScan inbound;
    private final Set<String> generatedFiles;
    private final List<String> mainClasses;
    private final Map<String, Placeholder> placeholders;
    private final List<ImageEntry> images;
    private final ContainerHomes containers;

    Catalog(List<Product> products, List<CatalogEntry> entries, List<UrlEntry> urls, InboundScan inbound,
            Set<String> generatedFiles, List<String> mainClasses, Map<String, Placeholder> placeholders,
            List<ImageEntry> images, ContainerHomes containers) {
        this.products = List.copyOf(products);
        this.entries = List.copyOf(entries);
        this.urls = List.copyOf(urls);
        this.inbound = inbound;
        this.generatedFiles = Set.copyOf(generatedFiles);
        this.mainClasses = List.copyOf(mainClasses);
        this.placeholders = Map.copyOf(placeholders);
        this.images = List.copyOf(images);
        this.containers = containers;
    }

    /** Where WSO2's images take their configuration from. */
    public ContainerHomes containers() {
        return containers;
    }

    /** The container images WSO2 publishes, and what each runs. */
    public List<ImageEntry> images() {
        return images;
    }

    /** The image a repository path ({@code wso2/wso2am}, {@code wso2-apim/am}) is, if WSO2 publishes it. */
    public Optional<ImageEntry> image(String repository) {
        for (ImageEntry i : images) {
            if (i.matches(repository)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The {@code ${name}} placeholders WSO2 fills in at start-up that URLs use, by name. */
    public Map<String, Placeholder> placeholders() {
        return placeholders;
    }

    /**
     * The files config-mapper products generate from deployment.toml at every start, relative to the conf folder: in a
     * copy of a distribution without its templates, these are not read for ports (deployment.toml and the product's
     * defaults decide).
     */
    public Set<String> generatedFiles() {
        return generatedFiles;
    }

    /** The Java main classes that start a WSO2 server: a script that launches one is a start script. */
    public List<String> mainClasses() {
        return mainClasses;
    }

    /**
     * The catalog shipped in the plugin, loaded once: from the compiled form the build writes (its XPaths were
     * checked then), else, in a classes folder the build has not processed, from catalog.toml itself.
     */
    public static Catalog builtIn() {
        Catalog c = builtIn;
        if (c == null) {
            String source = builtInSource();
            byte[] bytes = Objects.requireNonNull(resource(source), source + " is missing from the plugin");
            c = source.equals(COMPILED) ? parse(CatalogData.fromCompiled(bytes), false)
                    : parse(new String(bytes, StandardCharsets.UTF_8));
            builtIn = c;
        }
        return c;
    }

    /** The resource {@link #builtIn()} loads: the compiled form, when the build has written it. */
    static String builtInSource() {
        return Catalog.class.getResource(COMPILED) != null ? COMPILED : RESOURCE;
    }

    static byte[] resource(String name) {
        try (InputStream in = Catalog.class.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** Parses catalog.toml, checking every XPath it holds. */
    static Catalog parse(String toml) {
        return parse(CatalogData.fromToml(toml), true);
    }

    /**
     * Builds the catalog from its tree.
     *
     * @param checkXPaths compile every XPath now, so a bad one names its entry (the build does this to the shipped
     *                    catalog; at run time an XPath is compiled when first used)
     */
    static Catalog parse(CatalogData root, boolean checkXPaths) {
        Map<String, Condition> flags = new TreeMap<>();
        CatalogData flagTable = root.table("flag");
        for (String id : flagTable == null ? Set.<String>of() : flagTable.keys()) {
            flags.put(id, condition(flagTable.get(id), "flag " + id, Map.of(), checkXPaths));
        }
        List<Product> products = new ArrayList<>();
        for (CatalogData p : root.tables("product")) {
            products.add(product(p));
        }
        List<CatalogData> ports = root.tables("port");
        if (ports.isEmpty()) {
            throw new IllegalStateException("catalog: no [[port]] entries");
        }
        List<CatalogEntry> entries = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < ports.size(); i++) {
            CatalogEntry e = entry(ports.get(i), i, flags, checkXPaths);
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
        List<CatalogData> urlArray = root.tables("url");
        for (int i = 0; i < urlArray.size(); i++) {
            CatalogData t = urlArray.get(i);
            only(t, "[[url]] #" + (i + 1), "id", "purpose", "follows", "target", "groups", "locators", "products", "source");
            String id = required(t, "id", "[[url]] #" + (i + 1));
            String follows = required(t, "follows", id);
            if (!ids.contains(follows)) {
                throw new IllegalStateException("catalog: url " + id + " follows unknown port " + follows);
            }
            List<Locator> locators = new ArrayList<>();
            for (CatalogData l : t.tables("locators")) {
                locators.add(checkedLocator(l, id, checkXPaths));
            }
            String target = t.string("target", "any");
            if (!List.of("self", "other", "any").contains(target)) {
                throw new IllegalStateException("catalog: url " + id + ": target must be self, other or any");
            }
            for (String product : t.strings("products")) {
                if (!keys.contains(product)) {
                    throw new IllegalStateException("catalog: url " + id + " names unknown product " + product);
                }
            }
            urls.add(new UrlEntry(id, required(t, "purpose", id), follows, target, t.strings("groups"), locators,
                    t.strings("products"), required(t, "source", id)));
        }
        CatalogData in = root.table("inbound");
        CatalogData mapper = root.table("config_mapper");
        CatalogData start = root.table("start");
        Map<String, Placeholder> placeholders = new TreeMap<>();
        for (CatalogData t : root.tables("placeholder")) {
            only(t, "[[placeholder]]", "name", "port", "host", "source");
            String name = required(t, "name", "[[placeholder]]");
            String port = t.string("port");
            if (port != null && !ids.contains(port)) {
                throw new IllegalStateException("catalog: placeholder " + name + " stands for unknown port " + port);
            }
            if (port == null && !"self".equals(t.string("host"))) {
                throw new IllegalStateException("catalog: placeholder " + name + " needs a port or host = \"self\"");
            }
            placeholders.put(name, new Placeholder(name, port, required(t, "source", name)));
        }
        return new Catalog(products, entries, urls, in == null ? null : inbound(in, flags, checkXPaths),
                new HashSet<>(mapper == null ? List.of() : mapper.strings("generated")),
                start == null ? List.of() : start.strings("main_classes"), placeholders, images(root, products),
                containers(root.table("container")));
    }

    private static ContainerHomes containers(CatalogData t) {
        if (t == null) {
            return new ContainerHomes(List.of(), List.of());
        }
        only(t, "[container]", "config_volumes", "home_parents", "source");
        required(t, "source", "[container]");
        return new ContainerHomes(t.strings("config_volumes"), t.strings("home_parents"));
    }

    private static List<ImageEntry> images(CatalogData root, List<Product> products) {
        List<ImageEntry> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CatalogData t : root.tables("image")) {
            only(t, "[[image]]", "names", "paths", "product", "runtime", "layout", "source");
            String what = "[[image]] " + t.strings("names") + t.strings("paths");
            String key = required(t, "product", what);
            Product product = products.stream().filter(p -> p.key().equals(key)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("catalog: " + what + " names unknown product " + key));
            String runtime = t.string("runtime");
            if (runtime != null && product.runtime(runtime) == null) {
                throw new IllegalStateException("catalog: " + what + " names runtime " + runtime + ", which " + key
                        + " does not have");
            }
            List<String> names = new ArrayList<>(t.strings("names"));
            names.addAll(t.strings("paths"));
            if (names.isEmpty()) {
                throw new IllegalStateException("catalog: an [[image]] of " + key + " has neither names nor paths");
            }
            for (String n : names) {
                if (!seen.add(n)) {
                    throw new IllegalStateException("catalog: two [[image]] entries are " + n);
                }
            }
            List<ImageEntry.Layout> layouts = new ArrayList<>();
            for (CatalogData l : t.tables("layout")) {
                only(l, what + " [[image.layout]]", "from", "until", "offset_file");
                layouts.add(new ImageEntry.Layout(l.string("from"), l.string("until"),
                        required(l, "offset_file", what + " [[image.layout]]")));
            }
            if (layouts.isEmpty()) {
                throw new IllegalStateException("catalog: " + what + " has no [[image.layout]]");
            }
            out.add(new ImageEntry(t.strings("names"), t.strings("paths"), key, runtime, layouts,
                    required(t, "source", what)));
        }
        return out;
    }

    private static InboundScan inbound(CatalogData t, Map<String, Condition> flags, boolean checkXPaths) {
        String id = required(t, "id", "[inbound]");
        List<InboundScan.Parameter> parameters = new ArrayList<>();
        List<CatalogData> a = t.tables("parameter");
        for (int i = 0; i < a.size(); i++) {
            CatalogData p = a.get(i);
            only(p, "[[inbound.parameter]] #" + (i + 1), "names", "address", "rule", "shifts", "stays", "source");
            String what = "[[inbound.parameter]] #" + (i + 1);
            List<String> names = p.strings("names");
            OffsetRule rule = OffsetRule.parse(required(p, "rule", what));
            if (names.isEmpty() || (rule != OffsetRule.CONDITIONAL && rule != OffsetRule.FIXED)) {
                throw new IllegalStateException("catalog: " + what + " needs names and a conditional or fixed rule");
            }
            parameters.add(new InboundScan.Parameter(names, p.string("address"), rule,
                    condition(p.get("shifts"), what, flags, checkXPaths), p.string("stays"),
                    required(p, "source", what)));
        }
        return new InboundScan(id, required(t, "purpose", id), t.strings("groups"), required(t, "folder", id),
                required(t, "source", id), parameters);
    }

    private static Product product(CatalogData t) {
        String key = required(t, "key", "product");
        List<Product.VersionGroups> versions = new ArrayList<>();
        only(t, key, "key", "name", "markers", "groups", "versions", "runtime", "default_offset", "ports", "correction",
                "carbon5_type");
        for (CatalogData vt : t.tables("versions")) {
            only(vt, key + " [[product.versions]]", "from", "until", "groups");
            versions.add(new Product.VersionGroups(vt.string("from"), vt.string("until"), vt.strings("groups")));
        }
        List<Product.RuntimeSpec> runtimes = new ArrayList<>();
        for (CatalogData rt : t.tables("runtime")) {
            only(rt, key + " [[product.runtime]]", "name", "from", "until", "groups", "shipped_offset", "ports",
                    "start_script", "start_args");
            Long shipped = rt.number("shipped_offset");
            runtimes.add(new Product.RuntimeSpec(required(rt, "name", key), rt.string("from"), rt.string("until"),
                    rt.strings("groups"), shipped == null ? 0 : shipped.intValue(), portMap(rt, key),
                    rt.string("start_script"), rt.string("start_args")));
        }
        Long defaultOffset = t.number("default_offset");
        return new Product(key, required(t, "name", key), t.strings("markers"), t.strings("groups"),
                defaultOffset == null ? null : defaultOffset.intValue(), versions, runtimes, portMap(t, key),
                t.string("correction"), t.string("carbon5_type"));
    }

    private static CatalogEntry entry(CatalogData t, int index, Map<String, Condition> flags, boolean checkXPaths) {
        String id = required(t, "id", "[[port]] #" + (index + 1));
        only(t, id, "id", "port", "protocol", "purpose", "rule", "shifts", "stays", "system_property", "ha_offset_quirk",
                "code_default", "plus", "groups", "locators", "when", "source", "correction", "seed");
        Long port = t.number("port");
        OffsetRule rule = OffsetRule.parse(required(t, "rule", id));
        if (port == null || !(Port.isValid(port) || (port == 0 && rule == OffsetRule.RANDOM))) {
            throw new IllegalStateException("catalog: " + id + ": port must be " + Port.BOUNDS
                    + " (0 only for random ports)");
        }
        String protocol = t.string("protocol", "tcp").toLowerCase(Locale.ROOT);
        if (!protocol.equals("tcp") && !protocol.equals("udp")) {
            throw new IllegalStateException("catalog: " + id + ": protocol must be tcp or udp");
        }
        List<Locator> locators = new ArrayList<>();
        for (CatalogData l : t.tables("locators")) {
            locators.add(checkedLocator(l, id, checkXPaths));
        }
        // deployment.toml keys first: they beat the generated XML
        locators.sort((a, b) -> Boolean.compare(b instanceof Locator.TomlKey, a instanceof Locator.TomlKey));
        Condition when = t.has("when") ? condition(t.get("when"), id, flags, checkXPaths) : Condition.ALWAYS;
        List<Integer> seed = new ArrayList<>();
        for (Long n : t.numbers("seed")) {
            seed.add(n.intValue());
        }
        return CatalogEntry.of(id, port.intValue(), rule, e -> {
            e.protocol = protocol;
            e.purpose = required(t, "purpose", id);
            e.shifts = condition(t.get("shifts"), id, flags, checkXPaths);
            e.groups = t.strings("groups");
            e.locators = locators;
            e.when = when;
            e.source = required(t, "source", id);
            e.correction = t.string("correction");
            e.seed = seed;
            e.stays = t.string("stays");
            e.systemProperty = t.string("system_property");
            e.haOffsetQuirk = Boolean.TRUE.equals(t.bool("ha_offset_quirk"));
            e.codeDefault = Boolean.TRUE.equals(t.bool("code_default"));
            e.plus = plus(t.table("plus"), id);
        });
    }

    private static CatalogEntry.Plus plus(CatalogData t, String id) {
        if (t == null) {
            return null;
        }
        only(t, id + " plus", "add", "groups", "why");
        Long add = t.number("add");
        if (add == null || add < 1 || add > 100) {
            throw new IllegalStateException("catalog: " + id + ": plus needs add, 1..100");
        }
        return new CatalogEntry.Plus(add.intValue(), t.strings("groups"), required(t, "why", id + " plus"));
    }

    /**
     * A flag: a boolean (a constant), the id of a {@code [flag.<id>]} table, or a table of its own (name, toml as a
     * key or a list of keys, file with xpath/yaml/property, parameter, default, default_for, default_off_for).
     */
    private static Condition condition(Object value, String id, Map<String, Condition> flags, boolean checkXPaths) {
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
        if (!(value instanceof CatalogData w)) {
            throw new IllegalStateException("catalog: " + id + ": a flag is a boolean, a flag id or a table");
        }
        only(w, id + " flag", "name", "toml", "file", "xpath", "yaml", "property", "matches", "unset", "parameter",
                "default", "default_for", "default_off_for", "all");
        List<String> toml = w.isString("toml") ? List.of(w.string("toml")) : w.strings("toml");
        Locator.InFile fileTest = w.string("file") == null ? null : fileLocator(w, id, checkXPaths);
        List<Condition> all = new ArrayList<>();
        for (CatalogData part : w.tables("all")) {
            all.add(condition(part, id, flags, checkXPaths));
        }
        String matches = w.string("matches");
        if (matches != null) {
            try {
                java.util.regex.Pattern.compile(matches);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw new IllegalStateException("catalog: " + id + ": bad matches " + matches, e);
            }
        }
        return new Condition(w.string("name"), toml, fileTest, matches, Boolean.TRUE.equals(w.bool("unset")),
                w.string("parameter"), Boolean.TRUE.equals(w.bool("default")), w.strings("default_for"),
                w.strings("default_off_for"), all);
    }

    /**
     * A locator table of a port or URL: a toml key (with its address), a file test (with a port's own parts) or an
     * inbound endpoint file, each with only the keys of its kind.
     */
    private static Locator checkedLocator(CatalogData t, String id, boolean checkXPaths) {
        only(t, id + " locator", "toml", "file", "xpath", "yaml", "property", "inbound", "address", "rule", "stays",
                "pattern");
        Locator.InFile inFile = t.has("file") ? fileLocator(t, id, checkXPaths) : null;
        boolean toml = t.isString("toml");
        int places = (inFile != null ? 1 : 0) + (toml ? 1 : 0) + (t.has("inbound") ? 1 : 0);
        if (places != 1) {
            throw new IllegalStateException("catalog: " + id + ": a locator needs a file, a toml key or an inbound "
                    + "endpoint file (alone)");
        }
        if (inFile != null) {
            only(t, id + " file locator", "file", "xpath", "yaml", "property", "address", "rule", "stays", "pattern");
            return inFile;
        }
        if (toml) {
            only(t, id + " toml locator", "toml", "address");
            return new Locator.TomlKey(t.string("toml"), t.string("address"));
        }
        only(t, id + " inbound locator", "inbound");
        return new Locator.InboundFile(t.string("inbound"));
    }

    /**
     * A file test: one of xpath, yaml or property in a file, with what a port found there has of its own (address,
     * rule, stays, pattern). A flag's table has only the file test's keys.
     */
    private static Locator.InFile fileLocator(CatalogData t, String id, boolean checkXPaths) {
        String pattern = t.string("pattern");
        try {
            if (pattern != null) {
                java.util.regex.Pattern.compile(pattern);
            }
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalStateException("catalog: " + id + ": bad pattern " + pattern, e);
        }
        String rule = t.string("rule");
        Locator.OwnRule own = new Locator.OwnRule(rule == null ? null : OffsetRule.parse(rule), t.string("stays"));
        String file = t.string("file");
        String xpath = t.string("xpath");
        String yaml = t.string("yaml");
        String property = t.string("property");
        String address = t.string("address");
        if (checkXPaths && xpath != null) {
            checkXPath(xpath, id);
            checkXPath(address, id);
        }
        int kinds = (xpath != null ? 1 : 0) + (yaml != null ? 1 : 0) + (property != null ? 1 : 0);
        if (kinds != 1) {
            throw new IllegalStateException("catalog: " + id + ": a file locator needs one of xpath, yaml, property");
        }
        if (xpath != null) {
            return new Locator.XmlNode(file, xpath, address, own, pattern);
        }
        if (yaml != null) {
            return new Locator.YamlPath(file, yaml, address, own, pattern);
        }
        if (address != null) {
            throw new IllegalStateException("catalog: " + id + ": a properties key has no address");
        }
        return new Locator.PropertiesKey(file, property, own, pattern);
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

    private static Map<String, Integer> portMap(CatalogData t, String what) {
        CatalogData ports = t.table("ports");
        Map<String, Integer> out = new TreeMap<>();
        if (ports != null) {
            for (String id : ports.keys()) {
                Long n = ports.number(id);
                if (n == null || (n != 0 && !Port.isValid(n))) {
                    throw new IllegalStateException("catalog: " + what + ": ports." + id + " must be 0.." + Port.MAX);
                }
                out.put(id, n.intValue());
            }
        }
        return out;
    }

    /**
     * Rejects a key the table does not take: in TOML a key written after a [[sub.table]] header belongs to that
     * sub-table, so a misplaced line would otherwise be silently ignored.
     */
    private static void only(CatalogData t, String what, String... keys) {
        Set<String> allowed = Set.of(keys);
        for (String key : t.keys()) {
            if (!allowed.contains(key)) {
                throw new IllegalStateException("catalog: " + what + " has an unknown key " + key + " (one of "
                        + String.join(", ", keys) + ")");
            }
        }
    }

    private static String required(CatalogData t, String key, String what) {
        String v = t.string(key);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("catalog: " + what + " has no " + key);
        }
        return v;
    }
}
