package io.github.wso2ports.ports;

import io.github.wso2ports.Location;
import io.github.wso2ports.Port;
import io.github.wso2ports.config.DeploymentToml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The catalog's URLs as a runtime's config writes them (a key manager, a traffic manager, its own ports): one per
 * host:port written where a URL entry's locators point, from the files that decide (deployment.toml where it does).
 */
final class UrlValues {

    /** A placeholder as WSO2 and config-mapper write them: ${name}, $ref{key}, $env{name}, $sys{name}. */
    private static final String PLACEHOLDER = "\\$(?:ref|env|sys)?\\{[^}\\s]*}";
    private static final Pattern URL = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://(\\[[^\\]]+\\]|" + PLACEHOLDER
            + "|[^/:\\s'\"{}(),@$]+):(" + Port.DIGITS + "|" + PLACEHOLDER + ")");

    private UrlValues() {
    }

    /** The URLs of the catalog found in a runtime's config whose port groups are {@code groups}. */
    static List<UrlUse> read(RuntimeFiles files, Catalog catalog, Set<String> groups) {
        DeploymentToml toml = files.toml();
        List<UrlUse> out = new ArrayList<>();
        for (UrlEntry u : catalog.urlsFor(groups)) {
            for (Locator loc : u.locators()) {
                List<RuntimeFiles.Value> texts = new ArrayList<>();
                if (loc instanceof Locator.TomlKey key) {
                    if (toml != null) {
                        toml.strings(key.key()).forEach(t -> texts.add(new RuntimeFiles.Value(t.text(), t.location(),
                                null)));
                    }
                } else if (loc instanceof Locator.InFile file && files.decides(files.confFile(file.file()))) {
                    texts.addAll(files.values(files.confFile(file.file()), file));
                }
                for (RuntimeFiles.Value v : texts) {
                    Matcher m = URL.matcher(v.text());
                    while (m.find()) {
                        UrlUse use = url(u, m.group(), m.group(1), m.group(2), v.location(), catalog, toml);
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
    private static UrlUse url(UrlEntry u, String url, String host, String port, Location at, Catalog catalog,
            DeploymentToml toml) {
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
}
