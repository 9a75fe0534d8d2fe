package io.github.wso2ports.ports;

import io.github.wso2ports.Location;

/**
 * A port of a runtime: which catalog entry it is, its base number, the offset rule that applies to it and where
 * the number comes from.
 *
 * @param location       the file and line that declare it; for a catalog default, the file that would declare it
 *                       but is not in the distribution (no line), or null when no file ever declares it
 * @param catalogDefault true when the number comes from the catalog, not from a file
 * @param enabled        false when a file declares the port but a flag keeps it from listening (clustering off,
 *                       the JMX RMI server not started, a disabled transport, a suspended inbound endpoint): kept
 *                       for reports, never a clash
 * @param stays          why it does not move with the offset, when it does not; null when it moves
 * @param shifts         for conditional ports: whether their flag moves them with the offset in this runtime
 * @param bindAddress    the address it binds (see {@link BindAddress}); null when it binds every address
 * @param defaultWhy     for a catalog default that no missing file explains (a config-mapper product's generated file
 *                       is not read: deployment.toml and the product's defaults decide), why the default applies; null
 *                       otherwise
 * @param beyond         why {@code base} is more than the number its location gives (Spark's driver actor system, the
 *                       binary receiver of older Carbon 5 products: see {@link CatalogEntry.Plus}); null when it is that
 *                       number
 */
public record PortUse(CatalogEntry entry, int base, OffsetRule rule, Location location, boolean catalogDefault,
        boolean enabled, String stays, boolean shifts, String bindAddress, String defaultWhy, String beyond) {

    public PortUse(CatalogEntry entry, int base, OffsetRule rule, Location location, boolean catalogDefault,
            boolean enabled, String stays, boolean shifts, String bindAddress, String defaultWhy) {
        this(entry, base, rule, location, catalogDefault, enabled, stays, shifts, bindAddress, defaultWhy, null);
    }

    public PortUse(CatalogEntry entry, int base, OffsetRule rule, Location location, boolean catalogDefault,
            boolean enabled, String stays, boolean shifts, String bindAddress) {
        this(entry, base, rule, location, catalogDefault, enabled, stays, shifts, bindAddress, null);
    }

    public PortUse(CatalogEntry entry, int base, OffsetRule rule, Location location, boolean catalogDefault,
            boolean enabled, String stays) {
        this(entry, base, rule, location, catalogDefault, enabled, stays, entry.shifts().byDefault(), null);
    }

    public PortUse(CatalogEntry entry, int base, OffsetRule rule, Location location, boolean catalogDefault,
            boolean enabled) {
        this(entry, base, rule, location, catalogDefault, enabled, rule == OffsetRule.FIXED ? entry.stays() : null);
    }

    /** True when the runtime will listen on it: enabled, and a listener with a known number. */
    public boolean listens() {
        return enabled && rule != OffsetRule.OUTBOUND && rule != OffsetRule.RANDOM;
    }

    public boolean isCatalogDefault() {
        return catalogDefault;
    }

    /** True when the offset changes it as declared in the files. */
    public boolean moves() {
        return rule.moves() || (rule == OffsetRule.CONDITIONAL && shifts);
    }

    /** The port the runtime will listen on (or connect to) at this offset; 0 for random ports. */
    public long effective(int offset) {
        return switch (rule) {
            case OFFSET, TEMPLATE -> (long) base + offset;
            case CONDITIONAL -> shifts ? (long) base + offset : base;
            case FIXED, OUTBOUND -> base;
            case RANDOM -> 0;
        };
    }

    /** Its offset rule as a person reads it; for a conditional port, whether its flag is on here. */
    public String ruleDescription() {
        return rule.description() + (rule == OffsetRule.CONDITIONAL ? (shifts ? " (on)" : " (off)") : "");
    }

    /** The same port bound to another address (null: every address). */
    public PortUse bindingTo(String address) {
        return new PortUse(entry, base, rule, location, catalogDefault, enabled, stays, shifts, address, defaultWhy,
                beyond);
    }

    /** The same port {@code add} beyond its configured number, for {@code why}. */
    public PortUse plus(int add, String why) {
        return new PortUse(entry, base + add, rule, location, catalogDefault, enabled, stays, shifts, bindAddress,
                defaultWhy, (base + add) + " = " + base + " + " + add + ": " + why);
    }

    /** Where the number comes from, as a person reads it. */
    public String provenance() {
        String note = beyond == null ? "" : " (" + beyond + ")";
        if (!catalogDefault) {
            return location + note;
        }
        return "catalog default" + (defaultWhy != null ? ": " + defaultWhy : location != null ? ": no " + location : "")
                + note;
    }
}
