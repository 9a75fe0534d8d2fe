package io.github.wso2ports.ports;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.config.YamlDocument;
import io.github.wso2ports.distribution.DistributionSource;
import io.github.wso2ports.text.TextFile;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which product and version a distribution is, from its folder name ({@code wso2am-2.6.0}) and marker
 * files, never from carbon.xml's Name and Version (often {@code ${product.name}}, or the underlying product's
 * name in EI runtimes).
 */
public final class ProductDetector {

    /** A product, its version (null when unknown) and how that was found. */
    public record Detected(Product product, String version, String how) {
    }

    private static final Pattern NAME = Pattern.compile("^(wso2[a-z0-9]*(?:-[a-z][a-z0-9]*)*)-([0-9]+(?:\\.[0-9]+)*)");

    private ProductDetector() {
    }

    /**
     * @param override what the user configured ({@code <product>}: a key such as {@code wso2am}, optionally with
     *                 a version: {@code wso2am-2.6.0}); null to detect
     */
    public static Detected detect(DistributionSource source, Catalog catalog, String override) {
        if (override != null && !override.isBlank()) {
            String o = override.strip();
            Matcher m = NAME.matcher(o);
            boolean withVersion = m.find();
            String key = withVersion ? m.group(1) : o;
            String version = withVersion ? m.group(2) : version(source.name());
            Product p = catalog.product(key).orElseThrow(() -> new Wso2PortsException(null, "unknown <product> '"
                    + override + "'", "Use one of: " + String.join(", ", catalog.products().stream()
                            .map(Product::key).toList())));
            return new Detected(p, version, "<product>");
        }
        Matcher m = NAME.matcher(source.name());
        if (m.find()) {
            Optional<Product> byName = longestPrefix(catalog, m.group(1));
            if (byName.isPresent()) {
                return new Detected(byName.get(), m.group(2), "folder name");
            }
        }
        Product byType = carbon5Type(source, catalog);
        if (byType != null) {
            return new Detected(byType, version(source.name()), "its Carbon 5 deployment.yaml (wso2.carbon type "
                    + byType.carbon5Type() + ")");
        }
        for (Product p : catalog.products()) {
            for (String marker : p.markers()) {
                if (source.isFile(marker) || source.isDirectory(marker)) {
                    return new Detected(p, version(source.name()), "marker " + marker);
                }
            }
        }
        return new Detected(catalog.product("wso2carbon").orElseThrow(), version(source.name()),
                "no folder name or marker file matched: generic Carbon 4");
    }

    /**
     * The product a Carbon 5 pack names in its own deployment.yaml ({@code wso2.carbon: type: wso2-apim-analytics}):
     * the first runtime folder of {@code conf/} (or EI's {@code wso2/analytics/conf/}) that states a type the catalog
     * knows; null when none does. A file that does not parse decides nothing here: reading it says what is wrong.
     */
    private static Product carbon5Type(DistributionSource source, Catalog catalog) {
        for (String conf : List.of("conf", "wso2/analytics/conf")) {
            for (String runtime : source.list(conf)) {
                String yaml = conf + "/" + runtime + "/deployment.yaml";
                if (!source.isFile(yaml)) {
                    continue;
                }
                List<YamlDocument.Value> type;
                try {
                    type = source.parsed(yaml, YamlDocument.class, YamlDocument::parse)
                            .select("wso2.carbon/type");
                } catch (Wso2PortsException e) {
                    continue;
                }
                for (YamlDocument.Value t : type) {
                    for (Product p : catalog.products()) {
                        if (t.text().strip().equals(p.carbon5Type())) {
                            return p;
                        }
                    }
                }
            }
        }
        return null;
    }

    /** wso2am-universal-gw matches wso2am-universal-gw, not wso2am. */
    private static Optional<Product> longestPrefix(Catalog catalog, String name) {
        return catalog.products().stream()
                .filter(p -> name.equals(p.key()) || name.startsWith(p.key() + "-"))
                .max(Comparator.comparingInt(p -> p.key().length()));
    }

    private static String version(String name) {
        Matcher m = NAME.matcher(name);
        return m.find() ? m.group(2) : null;
    }
}
