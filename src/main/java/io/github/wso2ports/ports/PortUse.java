package io.github.wso2ports.ports;

import io.github.wso2ports.Location;

import java.util.function.Consumer;

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

    /**
     * The parts of a port a call site sets by name ({@link #with}); what it does not set keeps its value. Where the
     * number comes from (a file or the catalog) is fixed by how the port was made: {@link #declared} or
     * {@link #catalogDefault}.
     */
    public static final class Parts {
        public int base;
        public OffsetRule rule;
        public Location location;
        public boolean enabled;
        public String stays;
        public boolean shifts;
        public String bindAddress;
        public String defaultWhy;
        public String beyond;

        private Parts(PortUse p) {
            base = p.base;
            rule = p.rule;
            location = p.location;
            enabled = p.enabled;
            stays = p.stays;
            shifts = p.shifts;
            bindAddress = p.bindAddress;
            defaultWhy = p.defaultWhy;
            beyond = p.beyond;
        }
    }

    /**
     * A port its files declare at {@code location}: enabled, moving as its entry's flag does by default, bound to every
     * address; fixed by design when its rule is fixed.
     */
    public static PortUse declared(CatalogEntry entry, int base, OffsetRule rule, Location location) {
        return made(entry, base, rule, location, false);
    }

    /**
     * A port at its catalog default number, with its entry's rule, otherwise as {@link #declared}.
     *
     * @param missingFile the file that would declare it but is not in the distribution, or null
     */
    public static PortUse catalogDefault(CatalogEntry entry, int base, Location missingFile) {
        return made(entry, base, entry.rule(), missingFile, true);
    }

    private static PortUse made(CatalogEntry entry, int base, OffsetRule rule, Location location,
            boolean catalogDefault) {
        return new PortUse(entry, base, rule, location, catalogDefault, true,
                rule == OffsetRule.FIXED ? entry.stays() : null, entry.shifts().byDefault(), null, null, null);
    }

    /** The same port with the parts {@code change} sets. */
    public PortUse with(Consumer<Parts> change) {
        Parts p = new Parts(this);
        change.accept(p);
        return new PortUse(entry, p.base, p.rule, p.location, catalogDefault, p.enabled, p.stays, p.shifts,
                p.bindAddress, p.defaultWhy, p.beyond);
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
        return with(p -> p.bindAddress = address);
    }

    /** The same port {@code add} beyond its configured number, for {@code why}. */
    public PortUse plus(int add, String why) {
        return with(p -> {
            p.base = base + add;
            p.beyond = (base + add) + " = " + base + " + " + add + ": " + why;
        });
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
