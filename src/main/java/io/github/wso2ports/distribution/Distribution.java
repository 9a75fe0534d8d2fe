package io.github.wso2ports.distribution;

import io.github.wso2ports.Wso2PortsException;

import java.util.List;
import java.util.stream.Collectors;

/** A WSO2 distribution: where its files are, how it is laid out, and its runtimes (primary first). */
public record Distribution(DistributionSource source, Layout layout, List<ProductRuntime> runtimes) {

    public Distribution {
        runtimes = List.copyOf(runtimes);
    }

    public ProductRuntime primary() {
        return runtimes.get(0);
    }

    /** A runtime by name; null picks the primary one. */
    public ProductRuntime runtime(String name) {
        if (name == null || name.isBlank()) {
            return primary();
        }
        for (ProductRuntime r : runtimes) {
            if (r.name().equals(name.strip())) {
                return r;
            }
        }
        throw new Wso2PortsException(source.homeLocation(), "has no runtime named '" + name + "'",
                "Use one of: " + runtimeNames());
    }

    public String runtimeNames() {
        return runtimes.stream().map(ProductRuntime::name).collect(Collectors.joining(", "));
    }

    /** The runtimes other than {@code r}. */
    public List<ProductRuntime> others(ProductRuntime r) {
        return runtimes.stream().filter(o -> !o.equals(r)).toList();
    }
}
