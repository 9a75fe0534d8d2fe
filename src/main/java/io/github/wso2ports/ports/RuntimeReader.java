package io.github.wso2ports.ports;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.config.CarbonXml;
import io.github.wso2ports.config.DeploymentToml;
import io.github.wso2ports.config.OffsetValue;
import io.github.wso2ports.config.PropertiesFile;
import io.github.wso2ports.config.StartArgs;
import io.github.wso2ports.config.YamlDocument;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.DistributionSource;
import io.github.wso2ports.distribution.OffsetFormat;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.text.TextFile;
import io.github.wso2ports.xml.XmlDocument;

import org.dom4j.Attribute;
import org.dom4j.Element;
import org.dom4j.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what one runtime will listen on from its real files: its offset (deployment.toml over carbon.xml in
 * config-mapper products; a YAML offset in Carbon 5) and every catalog port of its product, each from the file
 * that declares it, or from the catalog where no such file exists. A port in a file that exists but does not
 * declare it (commented out, disabled) is not a port. Each file is parsed once.
 */
public final class RuntimeReader {

    private static final String YAML_OFFSET = "wso2.carbon/ports/offset";

    private final Distribution distribution;
    private final ProductRuntime runtime;
    private final DistributionSource source;
    private final Map<String, Object> parsed = new HashMap<>();
    private DeploymentToml toml;

    private RuntimeReader(Distribution distribution, ProductRuntime runtime) {
        this.distribution = distribution;
        this.runtime = runtime;
        this.source = distribution.source();
        if (runtime.format() == OffsetFormat.DEPLOYMENT_TOML && source.isFile(runtime.offsetFile())) {
            toml = toml();
        }
    }

    /** The runtime's offset and ports, as its files alone say. */
    public static RuntimeConfig read(Distribution distribution, ProductRuntime runtime, ProductDetector.Detected product,
            Catalog catalog) {
        return read(distribution, runtime, product, catalog, StartArgs.NONE);
    }

    /** The runtime's offset and ports, started with {@code args} (which beat the files). */
    public static RuntimeConfig read(Distribution distribution, ProductRuntime runtime, ProductDetector.Detected product,
            Catalog catalog, StartArgs args) {
        return new RuntimeReader(distribution, runtime).read(product, catalog, args);
    }

    /** The runtime's ports alone, without reading its offset (apply checks ports before the offset is set). */
    public static List<PortUse> ports(Distribution distribution, ProductRuntime runtime,
            ProductDetector.Detected product, Catalog catalog) {
        return new RuntimeReader(distribution, runtime).ports(product, catalog);
    }

    private RuntimeConfig read(ProductDetector.Detected detected, Catalog catalog, StartArgs args) {
        List<String> notes = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        boolean avoidConfigUpdate = args.avoidConfigUpdate() != null && runtime.format() == OffsetFormat.DEPLOYMENT_TOML;
        if (avoidConfigUpdate) {
            // config-mapper leaves the generated files alone: they, not the toml, are what the runtime reads
            notices.add(new Notice(args.avoidConfigUpdate().location(), "-DavoidConfigUpdate: deployment.toml is not "
                    + "rendered into carbon.xml and the other generated files, so they (not the toml) decide the ports"));
            toml = null;
        }
        Notice withoutToml = GeneratedFiles.withoutToml(source, runtime);
        if (withoutToml != null) {
            notices.add(withoutToml);
        } else if (!avoidConfigUpdate) {
            notices.addAll(GeneratedFiles.handEdited(source, runtime, args.avoidConfigHashRead()));
        }
        boolean xmlDecides = avoidConfigUpdate || withoutToml != null;
        int offset;
        Location offsetLocation;
        String offsetSource;
        switch (runtime.format()) {
            case CARBON_XML -> {
                CarbonXml.Offset o = CarbonXml.offset(xml(runtime.offsetFile()));
                offset = o.value();
                offsetLocation = o.location();
                offsetSource = o.location().toString();
            }
            case DEPLOYMENT_TOML -> {
                if (xmlDecides) {
                    CarbonXml.Offset o = CarbonXml.offset(xml(runtime.conf("carbon.xml")));
                    offset = o.value();
                    offsetLocation = o.location();
                    offsetSource = o.location().toString();
                    break;
                }
                DeploymentToml.Offset live = toml.offset();
                if (live != null && live.isString() && OffsetValue.isEnvironmentReference(live.raw())) {
                    throw new Wso2PortsException(live.location(), "[server] offset is \"" + live.raw() + "\", taken "
                            + "from the environment at start-up, so the ports cannot be known before it",
                            "Write the number, or plan it with <offset> and write it with wso2-ports:apply");
                }
                Product.DefaultOffset byDefault = detected.product().defaultOffset(runtime);
                offset = toml.effectiveOffset(byDefault.value());
                offsetLocation = live == null ? null : live.location();
                offsetSource = live == null ? source.location(runtime.offsetFile()) + " sets no offset: " + byDefault.source()
                        : live.location().toString();
                String stale = GeneratedFiles.staleOffset(source, runtime, offset);
                if (stale != null) {
                    notes.add(stale);
                }
            }
            case DEPLOYMENT_YAML -> {
                List<YamlDocument.Value> v = yaml(runtime.offsetFile()).select(YAML_OFFSET);
                if (v.isEmpty()) {
                    throw new Wso2PortsException(source.location(runtime.offsetFile()), "has no wso2.carbon: ports: "
                            + "offset", "Add it (0 for none)");
                }
                offset = OffsetValue.parse(v.get(0).text(), v.get(0).location(),
                        "wso2.carbon.ports.offset");
                offsetLocation = v.get(0).location();
                offsetSource = offsetLocation.toString();
            }
            default -> throw new IllegalStateException(runtime.format().toString());
        }
        int fileOffset = offset;
        Integer argOffset = args.offset();
        if (argOffset != null) {
            Location at = args.portOffset().location();
            if (argOffset != fileOffset) {
                notices.add(new Notice(at, "-DportOffset=" + argOffset + " beats the offset " + fileOffset + " of "
                        + offsetSource + ": writing the files does not change the ports while it is there"));
            }
            offset = argOffset;
            offsetSource = "-DportOffset=" + argOffset + " at " + at + ", over " + offsetSource;
            offsetLocation = at;
        }
        for (Location bat : args.windowsDropsArgs()) {
            notices.add(new Notice(bat, "this Windows start script does not pass its arguments on: a -DportOffset "
                    + "given to it is dropped (wso2/carbon-analytics#125)"));
        }
        List<PortUse> ports = new ArrayList<>();
        for (PortUse p : ports(detected, catalog)) {
            ports.add(started(p, args, argOffset, fileOffset));
        }
        return new RuntimeConfig(distribution, runtime, detected, offset, offsetLocation, offsetSource, ports,
                urls(detected, catalog), notes, notices, argOffset != null);
    }

    /** A port as the start arguments leave it: -Dtomcat.https.port binds as given; the HA quirk keeps the file offset. */
    private static PortUse started(PortUse p, StartArgs args, Integer argOffset, int fileOffset) {
        CatalogEntry e = p.entry();
        StartArgs.Arg property = e.systemProperty() == null ? null
                : e.systemProperty().equals("tomcat.http.port") ? args.tomcatHttpPort()
                : e.systemProperty().equals("tomcat.https.port") ? args.tomcatHttpsPort() : null;
        if (property != null && property.value().matches("[0-9]{1,5}")) {
            return new PortUse(e, Integer.parseInt(property.value()), OffsetRule.FIXED, property.location(), false,
                    p.enabled(), "-D" + e.systemProperty() + " binds the port as given, without the offset");
        }
        if (e.haOffsetQuirk() && argOffset != null && argOffset == 0 && fileOffset > 0 && p.rule().moves()) {
            return new PortUse(e, p.base() + fileOffset, OffsetRule.FIXED, p.location(), p.isCatalogDefault(),
                    p.enabled(), "the HA configuration lets -DportOffset win only above 0, so it keeps the file's offset "
                            + fileOffset + " (wso2/carbon-analytics-common#243, #258)");
        }
        return p;
    }

    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile(
            "[A-Za-z][A-Za-z0-9+.-]*://(\\[[^\\]]+\\]|[^/:\\s'\"{}(),@]+):([0-9]{1,5})");

    /** The URLs of the catalog found in this runtime's config, one per host:port written in them. */
    private List<UrlUse> urls(ProductDetector.Detected detected, Catalog catalog) {
        String runtimeName = distribution.runtimes().size() > 1 ? runtime.name() : null;
        Set<String> groups = detected.product().groups(detected.version(), runtimeName);
        List<UrlUse> out = new ArrayList<>();
        for (UrlEntry u : catalog.urlsFor(groups)) {
            for (Locator loc : u.locators()) {
                List<Value> texts = new ArrayList<>();
                if (loc.isToml()) {
                    if (toml != null) {
                        toml.strings(loc.toml()).forEach(t -> texts.add(new Value(t.text(), t.location())));
                    }
                } else if (source.isFile(runtime.conf(loc.file()))) {
                    texts.addAll(values(runtime.conf(loc.file()), loc));
                }
                for (Value v : texts) {
                    java.util.regex.Matcher m = URL.matcher(v.text());
                    while (m.find()) {
                        int port = Integer.parseInt(m.group(2));
                        if (port >= 1 && port <= 65535) {
                            out.add(new UrlUse(u, m.group(), m.group(1), port, v.location()));
                        }
                    }
                }
            }
        }
        return out;
    }

    private List<PortUse> ports(ProductDetector.Detected detected, Catalog catalog) {
        String runtimeName = distribution.runtimes().size() > 1 ? runtime.name() : null;
        Set<String> groups = detected.product().groups(detected.version(), runtimeName);
        List<PortUse> ports = new ArrayList<>();
        for (CatalogEntry entry : catalog.entriesFor(groups)) {
            boolean enabled = enabled(entry.when(), groups);
            for (PortUse p : ports(entry, detected.product().defaultPort(runtimeName, entry), enabled)) {
                // a disabled port the files declare is kept (reports show it); a disabled default is nothing
                if (enabled || !p.isCatalogDefault()) {
                    ports.add(p);
                }
            }
        }
        return ports;
    }

    /**
     * The ports of one entry: from the first locator that finds any (deployment.toml first), else the catalog
     * default when none of the entry's files exists. An existing file that does not declare the port (commented out,
     * disabled, a placeholder) hands over to the next locator, but no default is assumed after it.
     */
    private List<PortUse> ports(CatalogEntry entry, int defaultPort, boolean enabled) {
        boolean fileSeen = false;
        Location expected = null;
        for (Locator loc : entry.locators()) {
            if (loc.isToml()) {
                DeploymentToml.PortValue v = toml == null ? null : toml.port(loc.toml());
                if (v != null && v.number() > 0 && v.number() <= 65535) {
                    return List.of(declared(entry, loc, (int) v.number(), v.location(), enabled));
                }
                continue;
            }
            String path = runtime.conf(loc.file());
            if (!source.isFile(path)) {
                expected = expected != null ? expected : source.location(path);
                continue;
            }
            fileSeen = true;
            List<PortUse> found = new ArrayList<>();
            for (Value v : values(path, loc)) {
                Integer port = portNumber(v.text());
                if (port != null) {
                    found.add(declared(entry, loc, port, v.location(), enabled));
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        if (!fileSeen && (defaultPort > 0 || entry.rule() == OffsetRule.RANDOM)) {
            return List.of(new PortUse(entry, defaultPort, entry.rule(), expected, true, enabled));
        }
        return List.of();
    }

    private static PortUse declared(CatalogEntry entry, Locator loc, int port, Location at, boolean enabled) {
        OffsetRule rule = loc.rule() != null ? loc.rule() : entry.rule();
        String stays = rule != OffsetRule.FIXED ? null : loc.stays() != null ? loc.stays() : entry.stays();
        return new PortUse(entry, port, rule, at, false, enabled, stays);
    }

    private boolean enabled(Condition when, Set<String> groups) {
        if (when.toml() != null && toml != null) {
            DeploymentToml.PortValue v = toml.port(when.toml());
            if (v != null) {
                return !v.raw().equalsIgnoreCase("false");
            }
        }
        Locator loc = when.locator();
        if (loc != null && source.isFile(runtime.conf(loc.file()))) {
            String path = runtime.conf(loc.file());
            if (loc.xpath() != null) {
                return !xml(path).select(loc.xpath(), CarbonXml.PREFIXES).isEmpty();
            }
            List<Value> values = values(path, loc);
            return !values.isEmpty() && values.get(0).text().strip().equalsIgnoreCase("true");
        }
        return when.defaultFor(groups);
    }

    /** A value read at a locator. */
    private record Value(String text, Location location) {
    }

    private List<Value> values(String path, Locator loc) {
        List<Value> out = new ArrayList<>();
        if (loc.xpath() != null) {
            XmlDocument doc = xml(path);
            for (Node n : doc.select(loc.xpath(), CarbonXml.PREFIXES)) {
                String text = n instanceof Attribute a ? a.getValue() : n instanceof Element e ? e.getText() : null;
                if (text != null) {
                    out.add(new Value(text, doc.location(n)));
                }
            }
        } else if (loc.yaml() != null) {
            for (YamlDocument.Value v : yaml(path).select(loc.yaml())) {
                out.add(new Value(v.text(), v.location()));
            }
        } else if (loc.property() != null) {
            PropertiesFile.Value v = properties(path).get(loc.property());
            if (v != null) {
                out.add(new Value(v.text(), v.location()));
            }
        }
        return out;
    }

    /** A plain port number, or null for placeholders such as ${http.nio.port} (not a port of its own). */
    private static Integer portNumber(String raw) {
        String v = raw.strip();
        if (!v.matches("[0-9]{1,5}")) {
            return null;
        }
        int n = Integer.parseInt(v);
        return n >= 1 && n <= 65535 ? n : null;
    }

    private XmlDocument xml(String path) {
        return (XmlDocument) parsed.computeIfAbsent(path, p -> XmlDocument.parse(source.location(p), source.read(p)));
    }

    private YamlDocument yaml(String path) {
        return (YamlDocument) parsed.computeIfAbsent(path,
                p -> YamlDocument.parse(TextFile.utf8(source.location(p), source.read(p))));
    }

    private PropertiesFile properties(String path) {
        return (PropertiesFile) parsed.computeIfAbsent(path,
                p -> PropertiesFile.parse(TextFile.utf8(source.location(p), source.read(p))));
    }

    private DeploymentToml toml() {
        return (DeploymentToml) parsed.computeIfAbsent(runtime.offsetFile(),
                p -> DeploymentToml.parse(TextFile.utf8(source.location(p), source.read(p))));
    }
}
