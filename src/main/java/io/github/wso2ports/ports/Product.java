package io.github.wso2ports.ports;

import io.github.wso2ports.distribution.ProductRuntime;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A WSO2 product as the catalog knows it: its port groups (per version and runtime), its marker files and the
 * offset it runs at when its files set none.
 */
public record Product(String key, String name, List<String> markers, List<String> groups, Integer defaultOffset,
        List<VersionGroups> versions, List<RuntimeSpec> runtimes, Map<String, Integer> ports, String correction,
        String carbon5Type) {

    /** Groups added for versions in [from, until); either bound may be null. */
    public record VersionGroups(String from, String until, List<String> groups) {

        /** Whether the groups apply; an unknown version is taken for the newest, which open-ended ranges cover. */
        boolean covers(String version) {
            return version == null ? until == null : coversAny(version);
        }

        boolean coversAny(String version) {
            return (from == null || Versions.compare(version, from) >= 0)
                    && (until == null || Versions.compare(version, until) < 0);
        }
    }

    /**
     * A runtime of a multi-runtime product, with its groups, the offset WSO2 ships it with and default port numbers
     * that differ from the catalog entries' (0: it does not have that port); for the versions in [from, until) (either
     * bound may be null) when its ports changed between versions.
     */
    public record RuntimeSpec(String name, String from, String until, List<String> groups, int shippedOffset,
            Map<String, Integer> ports, String startScript, String startArgs) {

        boolean covers(String version) {
            return new VersionGroups(from, until, List.of()).covers(version);
        }
    }

    /**
     * The offset WSO2 ships a runtime (null: the product itself) with at a version: the runtime's own, else the
     * product's default (Micro Integrator: 10), else 0.
     */
    public int shippedOffset(String runtime, String version) {
        RuntimeSpec spec = runtime(runtime, version);
        return spec != null ? spec.shippedOffset() : defaultOffset != null ? defaultOffset : 0;
    }

    /** The offset a runtime has when its files state none, and where that comes from. */
    public record DefaultOffset(int value, String source) {
    }

    /**
     * What a config-mapper runtime runs at when deployment.toml sets no offset: its template's default where the
     * distribution has the template, else this product's (Micro Integrator: 10), else 0.
     */
    public DefaultOffset defaultOffset(ProductRuntime runtime) {
        if (runtime.defaultOffset() != null) {
            return new DefaultOffset(runtime.defaultOffset(), runtime.defaultSource());
        }
        if (defaultOffset != null) {
            return new DefaultOffset(defaultOffset, name + "'s built-in default");
        }
        return new DefaultOffset(0, "the config-mapper default");
    }

    /**
     * The default number of a port for a runtime (null: the product itself) at a version (null: unknown); 0 when it does
     * not have it.
     */
    public int defaultPort(String runtime, String version, CatalogEntry entry) {
        RuntimeSpec spec = runtime(runtime, version);
        if (spec != null && spec.ports().containsKey(entry.id())) {
            return spec.ports().get(entry.id());
        }
        return ports.getOrDefault(entry.id(), entry.port());
    }

    /** The groups a Carbon 5 runtime the catalog does not name has: none of the product's Carbon 4 ones. */
    public static final List<String> CARBON5_GROUPS = List.of("c5");

    /** The port groups of a runtime (null: the product itself) at a version (null: unknown). */
    public Set<String> groups(String version, String runtime) {
        return groups(version, runtime, false);
    }

    /**
     * The port groups of a runtime at a version; a Carbon 5 runtime ({@code carbon5}) the catalog does not name gets
     * {@link #CARBON5_GROUPS}, not the product's own (a Carbon 4 analytics product's servlet, JMX and Spark).
     */
    public Set<String> groups(String version, String runtime, boolean carbon5) {
        Set<String> out = new LinkedHashSet<>();
        RuntimeSpec spec = runtime(runtime, version);
        out.addAll(spec != null ? spec.groups() : carbon5 ? CARBON5_GROUPS : groups);
        for (VersionGroups v : versions) {
            if (v.covers(version)) {
                out.addAll(v.groups());
            }
        }
        return out;
    }

    /**
     * A runtime by name: its spec for the version (null: unknown, taken for the newest; the first spec of that name when
     * none is open-ended); null when none.
     */
    public RuntimeSpec runtime(String name, String version) {
        if (name == null) {
            return null;
        }
        RuntimeSpec first = null;
        for (RuntimeSpec r : runtimes) {
            if (r.name().equals(name)) {
                if (r.covers(version)) {
                    return r;
                }
                first = first == null ? r : first;
            }
        }
        return version == null ? first : null;
    }

    /**
     * False when the product has runtimes of that name, but none in this version: a folder of that name is not one
     * the version ships (a source-tree leftover), so it is not read. True when it does, or when nothing says.
     */
    public boolean ships(String runtime, String version) {
        boolean named = runtimes.stream().anyMatch(r -> r.name().equals(runtime));
        return !named || version == null || runtime(runtime, version) != null;
    }

    /** A runtime by name, whatever the version (the first spec of that name); null when none. */
    public RuntimeSpec runtime(String name) {
        return runtime(name, null);
    }

    /** True when the catalog gives it ports or runtimes for some versions only. */
    public boolean portsDependOnVersion() {
        return !versions.isEmpty() || runtimes.stream().anyMatch(r -> r.from() != null || r.until() != null);
    }

    public List<String> runtimeNames() {
        return runtimes.stream().map(RuntimeSpec::name).distinct().toList();
    }
}
