package io.github.wso2ports.ports;

import io.github.wso2ports.Location;
import io.github.wso2ports.Port;
import io.github.wso2ports.Unexpected;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.config.Carbon5Yaml;
import io.github.wso2ports.config.CarbonXml;
import io.github.wso2ports.config.DeploymentToml;
import io.github.wso2ports.config.InboundEndpointXml;
import io.github.wso2ports.config.OffsetValue;
import io.github.wso2ports.config.PropertiesFile;
import io.github.wso2ports.config.StartArgs;
import io.github.wso2ports.config.YamlDocument;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.DistributionSource;
import io.github.wso2ports.distribution.LayoutDetector;
import io.github.wso2ports.distribution.OffsetFormat;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.distribution.RuntimeRole;
import io.github.wso2ports.text.TextFile;
import io.github.wso2ports.xml.XmlDocument;

import org.dom4j.Attribute;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Node;
import org.dom4j.XPath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads what one runtime will listen on from its real files: its offset (deployment.toml over carbon.xml in
 * config-mapper products; a YAML offset in Carbon 5) and every catalog port of its product, each from the file
 * that declares it, or from the catalog where no such file exists. A port in a file that exists but does not
 * declare it (commented out, disabled) is not a port. Each file is parsed once.
 */
public final class RuntimeReader {

    private final Distribution distribution;
    private final ProductRuntime runtime;
    private final DistributionSource source;
    private final Map<String, Object> parsed = new HashMap<>();
    /** Things found while reading ports that are worth saying at INFO. */
    private final List<String> notes = new ArrayList<>();
    /** How the catalog finds and reads inbound endpoints (null: it does not), and this runtime's endpoint files. */
    private InboundScan inbound;
    /** What config-mapper generates, relative to the conf folder, for copies without their templates (the catalog's). */
    private Set<String> generated = Set.of();
    private List<String> inboundFiles;
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
            case DEPLOYMENT_YAML, CARBON_YML -> {
                Carbon5Yaml.Offset o = Carbon5Yaml.offset(yaml(runtime.offsetFile()), runtime.format(),
                        source.location(runtime.offsetFile()));
                offset = o.value();
                offsetLocation = o.location();
                offsetSource = o.location() != null ? o.location().toString() : source.location(runtime.offsetFile())
                        + " sets no " + Carbon5Yaml.key(runtime.format()) + ": Carbon 5's default 0";
            }
            default -> throw new IllegalStateException(runtime.format().toString());
        }
        int fileOffset = offset;
        Integer argOffset = args.offset();
        if (argOffset != null && runtime.format().isYaml()) {
            // carbon-config ConfigProviderImpl takes only WSO2_CARBON__PORTS_OFFSET (environment or system property)
            notes.add(args.portOffset().location() + ": -DportOffset is not read by a Carbon 5 runtime (it reads "
                    + "WSO2_CARBON__PORTS_OFFSET), so " + source.location(runtime.offsetFile()) + " decides");
            argOffset = null;
        }
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
                    + "given to it is dropped (as by EI 6.0.0's bin/start-all.bat)"));
        }
        List<PortUse> ports = new ArrayList<>();
        for (PortUse p : ports(detected, catalog)) {
            ports.add(started(p, args, argOffset, fileOffset));
        }
        if (detected.version() == null && detected.product().portsDependOnVersion()) {
            // its ports differ between versions: say which reading was taken, and how to name the real one
            notes.add(source.homeLocation() + ": the " + detected.product().name() + " version is not known ("
                    + detected.how() + "), so it is read as the newest release; name the version in the folder "
                    + "(" + detected.product().key() + "-X.Y.Z) or in <product> if it is older");
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
        if (e.systemProperty() != null && e.systemProperty().startsWith("tomcat.") && args.tomcatRandomPort() != null) {
            // CarbonTomcat.startConnectors binds each connector to findFreePort(): nothing to clash with
            return p.with(q -> {
                q.rule = OffsetRule.RANDOM;
                q.stays = "-Dtomcat.random.port.enable (" + args.tomcatRandomPort().location() + ") binds a free port "
                        + "the OS picks instead";
                q.shifts = false;
                q.beyond = null;
            });
        }
        if (property != null && property.value().matches(Port.DIGITS)) {
            return PortUse.declared(e, Integer.parseInt(property.value()), OffsetRule.FIXED, property.location())
                    .with(q -> {
                        q.enabled = p.enabled();
                        q.stays = "-D" + e.systemProperty() + " binds the port as given, without the offset";
                        q.bindAddress = p.bindAddress();
                    });
        }
        if (e.haOffsetQuirk() && argOffset != null && argOffset == 0 && fileOffset > 0 && p.rule().moves()) {
            return p.with(q -> {
                q.base = p.base() + fileOffset;
                q.rule = OffsetRule.FIXED;
                q.stays = "the HA configuration lets -DportOffset win only above 0, so it keeps the file's offset "
                        + fileOffset + " (wso2/carbon-analytics-common#243, #258)";
                q.beyond = null;
            });
        }
        return p;
    }

    /** A placeholder as WSO2 and config-mapper write them: ${name}, $ref{key}, $env{name}, $sys{name}. */
    private static final String PLACEHOLDER = "\\$(?:ref|env|sys)?\\{[^}\\s]*}";
    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile(
            "[A-Za-z][A-Za-z0-9+.-]*://(\\[[^\\]]+\\]|" + PLACEHOLDER + "|[^/:\\s'\"{}(),@$]+):(" + Port.DIGITS + "|" + PLACEHOLDER
                    + ")");

    /** The URLs of the catalog found in this runtime's config, one per host:port written in them. */
    private List<UrlUse> urls(ProductDetector.Detected detected, Catalog catalog) {
        Set<String> groups = detected.product().groups(detected.version(), runtime.name(), runtime.format().isYaml());
        List<UrlUse> out = new ArrayList<>();
        for (UrlEntry u : catalog.urlsFor(groups)) {
            for (Locator loc : u.locators()) {
                List<Value> texts = new ArrayList<>();
                if (loc instanceof Locator.TomlKey key) {
                    if (toml != null) {
                        toml.strings(key.key()).forEach(t -> texts.add(new Value(t.text(), t.location(), null)));
                    }
                } else if (loc instanceof Locator.InFile file && source.isFile(confFile(file.file()))
                        && !regenerated(confFile(file.file()))) {
                    texts.addAll(values(confFile(file.file()), file));
                }
                for (Value v : texts) {
                    java.util.regex.Matcher m = URL.matcher(v.text());
                    while (m.find()) {
                        UrlUse use = url(u, m.group(), m.group(1), m.group(2), v.location(), catalog);
                        if (use != null) {
                            out.add(use);
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * One URL, its placeholders resolved as WSO2 resolves them: a host placeholder for the runtime's own host, a port
     * placeholder for one of its own ports at its offset ({@code ${mgt.transport.https.port}}), a config-mapper
     * {@code $ref{key}} for the toml's value; any other placeholder makes it a URL that cannot be checked. Null for a
     * port outside 1-65535.
     */
    private UrlUse url(UrlEntry u, String url, String host, String port, Location at, Catalog catalog) {
        String unknown = null;
        if (host.startsWith("$") && !selfHost(host, catalog)) {
            unknown = host;
        }
        String portOf = null;
        int number = 0;
        if (!port.startsWith("$")) {
            number = Integer.parseInt(port);
            if (!Port.isValid(number)) {
                return null;
            }
        } else if (port.startsWith("${") && catalog.placeholders().containsKey(name(port))
                && !catalog.placeholders().get(name(port)).isHost()) {
            portOf = catalog.placeholders().get(name(port)).port();
        } else {
            DeploymentToml.PortValue ref = port.startsWith("$ref{") && toml != null ? toml.port(name(port)) : null;
            if (ref != null && Port.isValid(ref.number())) {
                number = (int) ref.number();
            } else {
                unknown = unknown != null ? unknown : port;
            }
        }
        return new UrlUse(u, url, host, number, at, portOf, unknown);
    }

    /** True for a placeholder that stands for the runtime's own host, or config-mapper's $ref{server.hostname}. */
    private static boolean selfHost(String host, Catalog catalog) {
        if (host.equals("$ref{server.hostname}")) {
            return true;
        }
        Placeholder p = host.startsWith("${") ? catalog.placeholders().get(name(host)) : null;
        return p != null && p.isHost();
    }

    /** The name inside ${name} or $ref{name}. */
    private static String name(String placeholder) {
        return placeholder.substring(placeholder.indexOf('{') + 1, placeholder.length() - 1);
    }

    private List<PortUse> ports(ProductDetector.Detected detected, Catalog catalog) {
        inbound = catalog.inbound();
        generated = catalog.generatedFiles();
        // by the runtime's name even when it is the only one: a Carbon 5 pack copied with conf/worker alone is a worker
        String runtimeName = runtime.name();
        Set<String> groups = detected.product().groups(detected.version(), runtimeName, runtime.format().isYaml());
        if (runtime.format().isYaml() && detected.product().runtime(runtimeName, detected.version()) == null) {
            notes.add(source.location(runtime.offsetFile()) + ": " + detected.product().name() + " has no runtime '"
                    + runtimeName + "' in the catalog: read as a Carbon 5 runtime of its own (its listeners and data "
                    + "bridge as its deployment.yaml declares them)");
        }
        List<PortUse> ports = new ArrayList<>();
        for (CatalogEntry entry : catalog.entriesFor(groups)) {
            boolean enabled = decide(entry.when(), groups, null).on();
            int plus = entry.plusFor(groups);
            for (PortUse found : ports(entry, detected.product().defaultPort(runtimeName, detected.version(), entry),
                    enabled, groups)) {
                PortUse p = plus == 0 ? found : found.plus(plus, entry.plus().why());
                // a disabled port the files declare is kept (reports show it); a disabled default is nothing
                if (enabled || !p.isCatalogDefault()) {
                    ports.add(p);
                }
            }
        }
        if (inbound != null && inbound.groups().stream().anyMatch(groups::contains)) {
            // an endpoint file a catalog entry reads is that entry's port, not a second one
            Set<String> claimed = new HashSet<>();
            catalog.entriesFor(groups).forEach(e -> e.locators().stream().filter(Locator.InboundFile.class::isInstance)
                    .forEach(l -> claimed.add(((Locator.InboundFile) l).name())));
            for (String path : inboundFiles()) {
                if (!claimed.contains(fileName(path))) {
                    PortUse p = inboundPort(null, path, true, groups);
                    if (p != null) {
                        ports.add(p);
                    }
                }
            }
        }
        return ports;
    }

    /**
     * The ports of one entry: from the first locator that finds any (deployment.toml first), else the catalog
     * default when none of the entry's files exists. An existing file that does not declare the port (commented out,
     * disabled, a placeholder) hands over to the next locator, but no default is assumed after it. A bind address set
     * in deployment.toml beats the one of the generated file.
     */
    private List<PortUse> ports(CatalogEntry entry, int defaultPort, boolean enabled, Set<String> groups) {
        boolean fileSeen = false;
        Location expected = null;
        String regenerated = null;
        DeploymentToml.Text tomlAddress = tomlAddress(entry);
        for (Locator loc : entry.locators()) {
            if (loc instanceof Locator.TomlKey key) {
                DeploymentToml.PortValue v = toml == null ? null : toml.port(key.key());
                if (v != null && Port.isValid(v.number())) {
                    return List.of(declared(entry, Locator.OwnRule.NONE, (int) v.number(), v.location(), enabled, groups)
                            .bindingTo(BindAddress.of(tomlAddress == null ? null : tomlAddress.text())));
                }
                continue;
            }
            if (loc instanceof Locator.InboundFile endpoint) {
                // no file to name when it is missing: the synapse configuration's folder is any one
                String path = inboundFile(endpoint.name());
                if (path != null && !regenerated(path)) {
                    fileSeen = true;
                    PortUse p = inboundPort(entry, path, enabled, groups);
                    if (p != null) {
                        return List.of(p);
                    }
                }
                continue;
            }
            Locator.InFile file = (Locator.InFile) loc;
            String path = confFile(file.file());
            if (regenerated(path)) {
                regenerated = regenerated != null ? regenerated : path;
                continue;
            }
            if (!source.isFile(path)) {
                expected = expected != null ? expected : source.location(path);
                continue;
            }
            fileSeen = true;
            List<PortUse> found = new ArrayList<>();
            for (Value v : values(path, file)) {
                Port port = portNumber(v.text(), file.pattern());
                if (port != null) {
                    found.add(declared(entry, file.own(), port.number(), v.location(), enabled, groups).bindingTo(
                            BindAddress.of(tomlAddress != null ? tomlAddress.text() : v.address())));
                }
            }
            if (!found.isEmpty()) {
                return found;
            }
        }
        if ((!fileSeen || entry.codeDefault()) && (defaultPort > 0 || entry.rule() == OffsetRule.RANDOM)) {
            Decision shifts = decide(entry.shifts(), groups, null);
            String why = regenerated != null ? defaultInToml(entry, regenerated) : fileSeen ? codeDefault(entry) : null;
            Location missingFile = why == null ? expected : null;
            return List.of(PortUse.catalogDefault(entry, defaultPort, missingFile).with(p -> {
                p.enabled = enabled;
                p.stays = stays(entry.rule(), entry.stays(), entry.shifts(), shifts);
                p.shifts = shifts.on();
                p.bindAddress = BindAddress.of(tomlAddress == null ? null : tomlAddress.text());
                p.defaultWhy = why;
            }));
        }
        return List.of();
    }

    /**
     * A file of the runtime's conf folder, relative to the home. An IoT profile has only the files it replaces
     * (profile-creator.sh copies them over conf/ and starts the core with -Dprofile): the others are the core's.
     */
    private String confFile(String relativeToConf) {
        String own = runtime.conf(relativeToConf);
        if (runtime.role() != RuntimeRole.PROFILE || source.isFile(own)) {
            return own;
        }
        return distribution.runtimes().stream().filter(r -> r.role() == RuntimeRole.PRIMARY).findFirst()
                .map(primary -> primary.conf(relativeToConf)).orElse(own);
    }

    /**
     * True when config-mapper rewrites the file (relative to the home) from deployment.toml at every start, so what is
     * on disk decides nothing: it has a template in the distribution, or the catalog lists it as generated (a copy may
     * hold only some of its templates).
     */
    private boolean regenerated(String path) {
        if (toml == null) {
            return false;
        }
        if (source.isFile(LayoutDetector.TEMPLATES + "/" + path + ".j2")) {
            return true;
        }
        return path.startsWith(runtime.confDir() + "/") && generated.contains(path.substring(runtime.confDir().length() + 1));
    }

    /** Why a port whose file is there without it has its default: the product's code sets it. */
    private String codeDefault(CatalogEntry entry) {
        Locator.InFile file = entry.locators().stream().filter(Locator.InFile.class::isInstance)
                .map(Locator.InFile.class::cast).findFirst().orElseThrow();
        return source.location(confFile(file.file())) + " does not set " + file.query()
                + ": the product's code sets the default";
    }

    /** Why a config-mapper runtime has a port's default: its toml does not set it, and the generated file is rewritten. */
    private String defaultInToml(CatalogEntry entry, String regeneratedFile) {
        String key = entry.locators().stream().filter(Locator.TomlKey.class::isInstance)
                .map(l -> ((Locator.TomlKey) l).key()).findFirst().orElse(null);
        return (key == null ? "" : source.location(runtime.offsetFile()) + " sets no " + key + ", and ")
                + source.location(regeneratedFile) + " is regenerated at start-up: the product's default";
    }

    private PortUse declared(CatalogEntry entry, Locator.OwnRule own, int port, Location at, boolean enabled,
            Set<String> groups) {
        OffsetRule rule = own.rule() != null ? own.rule() : entry.rule();
        Decision shifts = decide(entry.shifts(), groups, null);
        String stays = stays(rule, own.stays() != null ? own.stays() : entry.stays(), entry.shifts(), shifts);
        return PortUse.declared(entry, port, rule, at).with(p -> {
            p.enabled = enabled;
            p.stays = stays;
            p.shifts = shifts.on();
        });
    }

    /**
     * Why a port does not move with the offset: fixed by design, or its flag is off (the entry's own reason where it
     * gives one); null when it moves.
     */
    private static String stays(OffsetRule rule, String fixedBecause, Condition flag, Decision shifts) {
        if (rule == OffsetRule.FIXED) {
            return fixedBecause;
        }
        if (rule == OffsetRule.CONDITIONAL && !shifts.on()) {
            // a conditional port with a reason of its own (the Carbon 5 listeners before msf4j 2.7.5) says it
            return fixedBecause != null ? fixedBecause
                    : (flag.name() == null ? "the flag that moves it" : flag.name()) + " is off (" + shifts.why() + ")";
        }
        return null;
    }

    /** The first bind address deployment.toml sets for an entry, or null when it sets none. */
    private DeploymentToml.Text tomlAddress(CatalogEntry entry) {
        if (toml == null) {
            return null;
        }
        for (Locator loc : entry.locators()) {
            DeploymentToml.Text t = loc instanceof Locator.TomlKey key && key.address() != null
                    ? toml.text(key.address()) : null;
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    // --- inbound endpoints ----------------------------------------------------------------------------------------

    /**
     * The port of an inbound endpoint file: for {@code entry} (a catalog entry that reads the file), or an entry of
     * its own when null. Null when the endpoint does not listen (a polling endpoint) or its port is not a number.
     */
    private PortUse inboundPort(CatalogEntry entry, String path, boolean enabled, Set<String> groups) {
        InboundEndpointXml endpoint = InboundEndpointXml.read(xml(path), fileName(path));
        if (endpoint == null) {
            return null;
        }
        for (InboundScan.Parameter def : inbound.parameters()) {
            InboundEndpointXml.Parameter param = def.names().stream().map(endpoint.parameters()::get)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            if (param == null) {
                continue;
            }
            Port port = Port.written(param.value());
            if (port == null) {
                notes.add(param.location() + ": inbound endpoint " + endpoint.name() + " listens on '" + param.value()
                        + "', which is not known before it starts, so it is not checked; write the port number");
                return null;
            }
            CatalogEntry e = entry != null ? entry : inbound.entry(endpoint.name(), endpoint.kind(), def, port.number());
            Decision shifts = decide(def.shifts(), groups, endpoint);
            InboundEndpointXml.Parameter address = def.address() == null ? null
                    : endpoint.parameters().get(def.address());
            return PortUse.declared(e, port.number(), def.rule(), param.location()).with(p -> {
                // a suspended endpoint is deployed but does not listen: kept, disabled, like other switched-off ports
                p.enabled = enabled && !endpoint.suspended();
                p.stays = stays(def.rule(), def.stays(), def.shifts(), shifts);
                p.shifts = shifts.on();
                p.bindAddress = BindAddress.of(address == null ? null : address.value());
            });
        }
        return null;
    }

    /** The inbound endpoint files of this runtime ({@code *.xml} in the scan's folders), sorted. */
    private List<String> inboundFiles() {
        if (inboundFiles == null) {
            List<String> dirs = List.of(runtime.home());
            for (String segment : inbound.folder().split("/")) {
                List<String> next = new ArrayList<>();
                for (String dir : dirs) {
                    if (!segment.equals("*")) {
                        next.add(join(dir, segment));
                        continue;
                    }
                    for (String name : source.list(dir)) {
                        if (source.isDirectory(join(dir, name))) {
                            next.add(join(dir, name));
                        }
                    }
                }
                dirs = next;
            }
            List<String> files = new ArrayList<>();
            for (String dir : dirs) {
                for (String name : source.list(dir)) {
                    if (name.endsWith(".xml") && source.isFile(join(dir, name))) {
                        files.add(join(dir, name));
                    }
                }
            }
            inboundFiles = files;
        }
        return inboundFiles;
    }

    /** The first inbound endpoint file of a name, or null when the runtime has none. */
    private String inboundFile(String name) {
        if (inbound == null) {
            return null;
        }
        for (String path : inboundFiles()) {
            if (fileName(path).equals(name)) {
                return path;
            }
        }
        return null;
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    // --- flags ------------------------------------------------------------------------------------------------------

    /** A flag's value in this runtime, and what decided it (for messages). */
    private record Decision(boolean on, String why) {
    }

    /**
     * A flag: deployment.toml first, then the inbound endpoint that holds the port (for a parameter), then a file,
     * then the product's default.
     */
    private Decision decide(Condition c, Set<String> groups, InboundEndpointXml endpoint) {
        if (!c.all().isEmpty()) {
            List<String> why = new ArrayList<>();
            for (Condition part : c.all()) {
                Decision d = decide(part, groups, endpoint);
                why.add((part.name() == null ? "" : part.name() + ": ") + d.why());
                if (!d.on()) {
                    return new Decision(false, String.join("; ", why));
                }
            }
            return new Decision(true, String.join("; ", why));
        }
        if (toml != null) {
            for (String key : c.toml()) {
                DeploymentToml.PortValue v = toml.port(key);
                if (v != null) {
                    return new Decision(!v.raw().equalsIgnoreCase("false"), v.location() + " sets " + v.raw());
                }
            }
        }
        if (c.parameter() != null && endpoint != null) {
            InboundEndpointXml.Parameter p = endpoint.parameters().get(c.parameter());
            return p != null ? new Decision(p.value().equalsIgnoreCase("true"), p.location() + " sets " + p.value())
                    : new Decision(c.defaultFor(groups), endpoint.location().file() + " does not set it");
        }
        Locator.InFile loc = c.locator();
        if (loc != null && source.isFile(confFile(loc.file())) && !regenerated(confFile(loc.file()))) {
            String path = confFile(loc.file());
            if (loc instanceof Locator.XmlNode node) {
                boolean on = !xml(path).select(node.xpath(), CarbonXml.PREFIXES).isEmpty();
                return new Decision(on, source.location(path) + (on ? " sets it" : " does not set it"));
            }
            List<Value> values = values(path, loc);
            return values.isEmpty() ? new Decision(c.unset(), source.location(path) + " does not set it")
                    : new Decision(c.isOn(values.get(0).text()), values.get(0).location() + " sets "
                            + values.get(0).text().strip());
        }
        return new Decision(c.defaultFor(groups), "not set; " + (c.defaultFor(groups) ? "on" : "off") + " by default");
    }

    /** A value read at a locator, with the bind address next to it (null when none is set). */
    private record Value(String text, Location location, String address) {
    }

    private List<Value> values(String path, Locator.InFile loc) {
        // the file a bug met from here on is about (the last file read may be another one)
        Unexpected.reading(source.location(path));
        List<Value> out = new ArrayList<>();
        if (loc instanceof Locator.XmlNode node) {
            XmlDocument doc = xml(path);
            XPath address = node.address() == null ? null : DocumentHelper.createXPath(node.address());
            for (Node n : doc.select(node.xpath(), CarbonXml.PREFIXES)) {
                String text = text(n);
                if (text != null) {
                    out.add(new Value(text, doc.location(n), address == null ? null : text(address.selectSingleNode(n))));
                }
            }
        } else if (loc instanceof Locator.YamlPath yamlPath) {
            if (yamlPath.address() != null) {
                for (YamlDocument.Pair p : yaml(path).select(yamlPath.path(), yamlPath.address())) {
                    out.add(new Value(p.value().text(), p.value().location(),
                            p.sibling() == null ? null : p.sibling().text()));
                }
            } else {
                for (YamlDocument.Value v : yaml(path).select(yamlPath.path())) {
                    out.add(new Value(v.text(), v.location(), null));
                }
            }
        } else if (loc instanceof Locator.PropertiesKey key) {
            PropertiesFile.Value v = properties(path).get(key.key());
            if (v != null) {
                out.add(new Value(v.text(), v.location(), null));
            }
        }
        return out;
    }

    private static String text(Node n) {
        return n instanceof Attribute a ? a.getValue() : n instanceof Element e ? e.getText() : null;
    }

    /** The port in a value: the value itself, or what {@code pattern}'s first group finds in it; null when none. */
    private static Port portNumber(String raw, String pattern) {
        if (pattern == null) {
            return Port.written(raw);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(pattern).matcher(raw);
        return m.find() ? Port.written(m.group(1)) : null;
    }

    private XmlDocument xml(String path) {
        return (XmlDocument) parsed.computeIfAbsent(path, p -> source.parsed(p, XmlDocument.class, XmlDocument::parse));
    }

    private YamlDocument yaml(String path) {
        return (YamlDocument) parsed.computeIfAbsent(path, p -> source.parsed(p, YamlDocument.class, YamlDocument::parse));
    }

    private PropertiesFile properties(String path) {
        return (PropertiesFile) parsed.computeIfAbsent(path, p -> source.parsed(p, PropertiesFile.class, PropertiesFile::parse));
    }

    private DeploymentToml toml() {
        return (DeploymentToml) parsed.computeIfAbsent(runtime.offsetFile(),
                p -> source.parsed(p, DeploymentToml.class, DeploymentToml::parse));
    }
}
