package io.github.wso2ports.ports;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The catalog as a Markdown table, for the catalog page of the site: generated from the resource, so a test can tell when the two
 * disagree.
 */
public final class CatalogTable {

    /** The port group every Carbon 4 product has. */
    private static final String KERNEL = "kernel";

    private CatalogTable() {
    }

    public static String markdown(Catalog catalog) {
        StringBuilder md = new StringBuilder();
        md.append("| Port | Protocol | Id | Purpose | Offset rule | Products | Configured in | Seed page |\n");
        md.append("|---:|---|---|---|---|---|---|---|\n");
        List<CatalogEntry> entries = new ArrayList<>(catalog.entries());
        entries.sort((a, b) -> a.port() != b.port() ? Integer.compare(a.port(), b.port()) : a.id().compareTo(b.id()));
        for (CatalogEntry e : entries) {
            md.append("| ").append(e.port() == 0 ? "random" : String.valueOf(e.port()))
                    .append(" | ").append(e.protocol())
                    .append(" | `").append(e.id()).append('`')
                    .append(" | ").append(cell(e.purpose()))
                    .append(" | ").append(e.rule().description())
                    .append(locatorRules(e))
                    .append(" | ").append(String.join(", ", products(catalog, e)))
                    .append(" | ").append(cell(configuredIn(e)))
                    .append(" | ").append(cell(seed(e)))
                    .append(" |\n");
        }
        return md.toString();
    }

    private static Set<String> products(Catalog catalog, CatalogEntry e) {
        Set<String> out = new LinkedHashSet<>();
        if (e.groups().contains(KERNEL)) {
            out.add("every Carbon 4 product");
        }
        for (Product p : catalog.products()) {
            Set<String> groups = new LinkedHashSet<>(p.groups());
            p.versions().forEach(v -> groups.addAll(v.groups()));
            p.runtimes().forEach(r -> groups.addAll(r.groups()));
            boolean viaKernel = e.groups().contains(KERNEL) && groups.contains(KERNEL);
            if (!viaKernel && e.groups().stream().anyMatch(groups::contains)) {
                out.add(p.key());
            }
        }
        return out;
    }

    private static String locatorRules(CatalogEntry e) {
        return e.locators().stream().filter(Locator.InFile.class::isInstance).map(Locator.InFile.class::cast)
                .filter(f -> f.own().rule() != null && f.own().rule() != e.rule())
                .map(f -> "; " + f.own().rule().description() + " where `" + f.file() + "` states it")
                .collect(Collectors.joining());
    }

    private static String configuredIn(CatalogEntry e) {
        if (e.locators().isEmpty()) {
            return "";
        }
        return e.locators().stream().map(CatalogTable::configuredIn).distinct().collect(Collectors.joining(", "));
    }

    private static String configuredIn(Locator l) {
        if (l instanceof Locator.TomlKey key) {
            return "deployment.toml `" + key.key() + "`";
        }
        if (l instanceof Locator.InboundFile endpoint) {
            return "`inbound-endpoints/" + endpoint.name() + "`";
        }
        return "`" + ((Locator.InFile) l).file() + "`";
    }

    private static String seed(CatalogEntry e) {
        String numbers = e.seed().isEmpty() ? "" : "also " + e.seed().stream().map(String::valueOf)
                .collect(Collectors.joining(", "));
        if (e.correction() == null) {
            return numbers;
        }
        return (numbers.isEmpty() ? "" : numbers + "; ") + "**correction**: " + e.correction();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
