package io.github.wso2ports.ports;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.distribution.DistributionSource;

import java.util.Comparator;
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
