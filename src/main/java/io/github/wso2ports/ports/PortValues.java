package io.github.wso2ports.ports;

import io.github.wso2ports.Location;
import io.github.wso2ports.Port;
import io.github.wso2ports.config.DeploymentToml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * The numbers of a runtime's catalog ports, as its files write them: each entry's port from the first of its locators
 * that finds it (deployment.toml keys first, where a toml decides), else the catalog's default when none of its files
 * is there; then its inbound endpoints. Start arguments that change ports are the reader's ({@link RuntimeReader}).
 */
final class PortValues {

    private final RuntimeFiles files;
    private final Flags flags;
    private final InboundEndpoints inbound;

    private PortValues(RuntimeFiles files, Flags flags, InboundEndpoints inbound) {
        this.files = files;
        this.flags = flags;
        this.inbound = inbound;
    }

    /**
     * The ports of a runtime of a product whose port groups are {@code groups}.
     *
     * @param notes gets what is worth saying at INFO (an endpoint port that is not a number)
     */
    static List<PortUse> read(RuntimeFiles files, ProductDetector.Detected detected, Catalog catalog,
            Set<String> groups, List<String> notes) {
        Flags flags = new Flags(files, groups);
        InboundEndpoints inbound = new InboundEndpoints(files, catalog.inbound(), flags);
        PortValues values = new PortValues(files, flags, inbound);
        String runtimeName = files.runtime().name();
        List<CatalogEntry> entries = catalog.entriesFor(groups);
        List<PortUse> ports = new ArrayList<>();
        for (CatalogEntry entry : entries) {
            boolean enabled = flags.decide(entry.when()).on();
            int plus = entry.plusFor(groups);
            for (PortUse found : values.ports(entry, detected.product().defaultPort(runtimeName, detected.version(),
                    entry), enabled, notes)) {
                PortUse p = plus == 0 ? found : found.plus(plus, entry.plus().why());
                // a disabled port the files declare is kept (reports show it); a disabled default is nothing
                if (enabled || !p.isCatalogDefault()) {
                    ports.add(p);
                }
            }
        }
        ports.addAll(inbound.unclaimed(entries, groups, notes));
        return ports;
    }

    /**
     * The ports of one entry: from the first locator that finds any (deployment.toml first), else the catalog
     * default when none of the entry's files exists. An existing file that does not declare the port (commented out,
     * disabled, a placeholder) hands over to the next locator, but no default is assumed after it. A bind address set
     * in deployment.toml beats the one of the generated file.
     */
    private List<PortUse> ports(CatalogEntry entry, int defaultPort, boolean enabled, List<String> notes) {
        boolean fileSeen = false;
        Location expected = null;
        String expectedPath = null;
        String regenerated = null;
        DeploymentToml.Text tomlAddress = tomlAddress(entry);
        for (Locator loc : entry.locators()) {
            if (loc instanceof Locator.TomlKey key) {
                DeploymentToml.PortValue v = files.toml() == null ? null : files.toml().port(key.key());
                if (v != null && Port.isValid(v.number())) {
                    return List.of(declared(entry, Locator.OwnRule.NONE, (int) v.number(), v.location(), enabled)
                            .bindingTo(BindAddress.of(tomlAddress == null ? null : tomlAddress.text())));
                }
            } else if (loc instanceof Locator.InboundFile endpoint) {
                // no file to name when it is missing: the synapse configuration's folder is any one
                String path = inbound.file(endpoint.name());
                if (path != null && !files.regenerated(path)) {
                    fileSeen = true;
                    PortUse p = inbound.port(entry, path, enabled, notes);
                    if (p != null) {
                        return List.of(p);
                    }
                }
            } else if (loc instanceof Locator.InFile file) {
                String path = files.confFile(file.file());
                if (files.regenerated(path)) {
                    regenerated = regenerated != null ? regenerated : path;
                } else if (!files.source().isFile(path)) {
                    expected = expected != null ? expected : files.location(path);
                    expectedPath = expectedPath != null ? expectedPath : path;
                } else {
                    fileSeen = true;
                    List<PortUse> found = new ArrayList<>();
                    for (RuntimeFiles.Value v : files.values(path, file)) {
                        Port port = portNumber(v.text(), file.pattern());
                        if (port != null) {
                            found.add(declared(entry, file.own(), port.number(), v.location(), enabled).bindingTo(
                                    BindAddress.of(tomlAddress != null ? tomlAddress.text() : v.address())));
                        }
                    }
                    if (!found.isEmpty()) {
                        return found;
                    }
                }
            }
        }
        if ((!fileSeen || entry.codeDefault()) && (defaultPort > 0 || entry.rule() == OffsetRule.RANDOM)) {
            Flags.Decision shifts = flags.decide(entry.shifts());
            String why = regenerated != null ? defaultInToml(entry, regenerated) : fileSeen ? codeDefault(entry)
                    : files.inContainer() && expectedPath != null ? files.shown(expectedPath) + " does not set it" : null;
            Location missingFile = why == null ? expected : null;
            return List.of(PortUse.catalogDefault(entry, defaultPort, missingFile).with(p -> {
                p.enabled = enabled;
                p.stays = shifts.stays(entry.rule(), entry.stays(), entry.shifts());
                p.shifts = shifts.on();
                p.bindAddress = BindAddress.of(tomlAddress == null ? null : tomlAddress.text());
                p.defaultWhy = why;
            }));
        }
        return List.of();
    }

    /** Why a port whose file is there without it has its default: the product's code sets it. */
    private String codeDefault(CatalogEntry entry) {
        Locator.InFile file = entry.locators().stream().filter(Locator.InFile.class::isInstance)
                .map(Locator.InFile.class::cast).findFirst().orElseThrow();
        String query = file instanceof Locator.XmlNode node ? node.xpath()
                : file instanceof Locator.YamlPath yaml ? yaml.path() : ((Locator.PropertiesKey) file).key();
        return files.location(files.confFile(file.file())) + " does not set " + query
                + ": the product's code sets the default";
    }

    /** Why a config-mapper runtime has a port's default: its toml does not set it, and the generated file is rewritten. */
    private String defaultInToml(CatalogEntry entry, String regeneratedFile) {
        String key = entry.locators().stream().filter(Locator.TomlKey.class::isInstance)
                .map(l -> ((Locator.TomlKey) l).key()).findFirst().orElse(null);
        return (key == null ? "" : files.shown(files.runtime().offsetFile()) + " sets no " + key + ", and ")
                + files.shown(regeneratedFile) + " is regenerated at start-up: the product's default";
    }

    private PortUse declared(CatalogEntry entry, Locator.OwnRule own, int port, Location at, boolean enabled) {
        OffsetRule rule = own.rule() != null ? own.rule() : entry.rule();
        Flags.Decision shifts = flags.decide(entry.shifts());
        String stays = shifts.stays(rule, own.stays() != null ? own.stays() : entry.stays(), entry.shifts());
        return PortUse.declared(entry, port, rule, at).with(p -> {
            p.enabled = enabled;
            p.stays = stays;
            p.shifts = shifts.on();
        });
    }

    /** The first bind address deployment.toml sets for an entry, or null when it sets none. */
    private DeploymentToml.Text tomlAddress(CatalogEntry entry) {
        if (files.toml() == null) {
            return null;
        }
        for (Locator loc : entry.locators()) {
            DeploymentToml.Text t = loc instanceof Locator.TomlKey key && key.address() != null
                    ? files.toml().text(key.address()) : null;
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** The port in a value: the value itself, or what {@code pattern}'s first group finds in it; null when none. */
    private static Port portNumber(String raw, String pattern) {
        if (pattern == null) {
            return Port.written(raw);
        }
        Matcher m = java.util.regex.Pattern.compile(pattern).matcher(raw);
        return m.find() ? Port.written(m.group(1)) : null;
    }
}
