package io.github.wso2ports.check;

import io.github.wso2ports.Port;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.ports.CatalogEntry;
import io.github.wso2ports.ports.PortUse;
import io.github.wso2ports.ports.Product;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reserves the listening ports of a WSO2 product that runs on a host but is not an instance here (say, an
 * API Manager Analytics worker someone else manages): the catalog's default ports of that product, at its
 * offset. Nothing is reserved from the catalog unless named this way.
 */
public final class ReservedProducts {

    private static final Pattern KEY_VERSION = Pattern.compile("^(.+?)-([0-9]+(?:\\.[0-9]+)*)$");

    private ReservedProducts() {
    }

    /**
     * @param product a catalog product key, optionally with a version: {@code wso2am-analytics-3.2.0}
     * @param runtime one runtime of a multi-runtime product; null: all of them, each at its shipped offset
     * @param offset  the offset it runs at; null: its shipped or default offset
     * @param host    the host it runs on; null: every host
     */
    public static List<ReservedPort> ports(Catalog catalog, String product, String runtime, Integer offset, String host,
            String source) {
        if (product == null || product.isBlank()) {
            throw new Wso2PortsException(null, "a <reservedProduct> has no <product>", "Name a product, for example "
                    + "<product>wso2am-analytics</product>");
        }
        String key = product.strip();
        String version = null;
        Matcher m = KEY_VERSION.matcher(key);
        if (catalog.product(key).isEmpty() && m.matches()) {
            key = m.group(1);
            version = m.group(2);
        }
        String finalKey = key;
        Product p = catalog.product(key).orElseThrow(() -> new Wso2PortsException(null, "<reservedProduct> names "
                + "unknown product '" + finalKey + "'", "Use one of: " + String.join(", ",
                        catalog.products().stream().map(Product::key).toList())));
        List<String> runtimes = new ArrayList<>();
        if (runtime != null && !runtime.isBlank()) {
            if (p.runtime(runtime.strip()) == null) {
                throw new Wso2PortsException(null, "<reservedProduct> " + p.key() + " has no runtime '" + runtime + "'",
                        p.runtimes().isEmpty() ? "Leave <runtime> out" : "Use one of: " + String.join(", ", p.runtimeNames()));
            }
            runtimes.add(runtime.strip());
        } else if (!p.runtimes().isEmpty()) {
            if (offset != null) {
                throw new Wso2PortsException(null, "<reservedProduct> " + p.key() + " has several runtimes; an <offset> "
                        + "needs a <runtime>", "Name the runtime (" + String.join(", ", p.runtimeNames()) + ")");
            }
            // the runtimes that version ships (EI 6.6 has no Carbon 4 analytics, no MSF4J, no micro-integrator)
            for (String name : p.runtimeNames()) {
                if (p.ships(name, version)) {
                    runtimes.add(name);
                }
            }
        } else {
            runtimes.add(null);
        }
        List<ReservedPort> out = new ArrayList<>();
        for (String r : runtimes) {
            int at = offset != null ? offset : p.shippedOffset(r, version);
            Set<String> groups = p.groups(version, r);
            String label = p.name() + (r == null ? "" : " " + r) + " at offset " + at;
            for (CatalogEntry e : catalog.entriesFor(groups)) {
                int base = p.defaultPort(r, version, e) + e.plusFor(groups);
                if (!e.listens() || base == 0 || !e.when().defaultFor(groups)) {
                    continue;
                }
                long port = PortUse.catalogDefault(e, base, null).with(u -> u.shifts = e.shifts().defaultFor(groups))
                        .effective(at);
                if (Port.isValid(port)) {
                    out.add(new ReservedPort((int) port, (int) port, e.protocol(), host, label + ", " + e.purpose(),
                            source, null));
                }
            }
        }
        return out;
    }
}
