package io.github.wso2ports.ports;

import io.github.wso2ports.Location;

/**
 * A port of a runtime: which catalog entry it is, its base number, the offset rule that applies to it and where
 * the number comes from (a file and line, or null for a catalog default).
 */
public record PortUse(CatalogEntry entry, int base, OffsetRule rule, Location location) {

    public boolean isCatalogDefault() {
        return location == null;
    }

    /** The port the runtime will listen on (or connect to) at this offset; 0 for random ports. */
    public long effective(int offset) {
        return switch (rule) {
            case OFFSET, TEMPLATE -> (long) base + offset;
            case CONDITIONAL -> entry.shifts() ? (long) base + offset : base;
            case FIXED, OUTBOUND -> base;
            case RANDOM -> 0;
        };
    }

    /** Where the number comes from, as a person reads it. */
    public String provenance() {
        return location != null ? location.toString() : "catalog default (" + entry.id() + ")";
    }
}
