package io.github.wso2ports.ports;

import java.util.List;
import java.util.function.Consumer;

/**
 * One port WSO2 products listen on (or connect out to), where it is configured and what the offset does to it.
 *
 * @param id           stable key, used in reports and Maven property names
 * @param port         the default base port, before any offset; 0 when the OS chooses it
 * @param protocol     tcp or udp
 * @param purpose      what listens there
 * @param rule         what the offset does to it
 * @param shifts       for conditional ports: the flag that moves them with the offset
 * @param groups       the port groups that have it (products name their groups)
 * @param locators     where it is configured, toml first
 * @param when         the flag it needs to listen
 * @param source       the code or file that establishes the fact
 * @param correction   where the seed page is wrong or silent about it; null if not
 * @param seed         other numbers the seed page gives for it
 * @param stays        why the port does not move with the offset, when its rule is fixed by design; null otherwise
 * @param systemProperty a start argument that sets the port as given, without the offset ({@code tomcat.https.port});
 *                     null when none
 * @param haOffsetQuirk true for the CEP/DAS HA ports, which keep the file's offset when {@code -DportOffset=0}
 * @param codeDefault  true when the product's code sets the port's default itself where its file is there without it
 *                     (Spark's setAdditionalConfigs); false when a file without it means no such listener
 * @param plus         the port is one more than its number (configured or default) in some products; null when never
 */
public record CatalogEntry(String id, int port, String protocol, String purpose, OffsetRule rule, Condition shifts,
        List<String> groups, List<Locator> locators, Condition when, String source, String correction, List<Integer> seed,
        String stays, String systemProperty, boolean haOffsetQuirk, boolean codeDefault, Plus plus) {

    public CatalogEntry {
        groups = List.copyOf(groups);
        locators = List.copyOf(locators);
        seed = List.copyOf(seed);
    }

    /**
     * The parts of an entry a call site sets by name ({@link #of}); what it does not set is as here: tcp, always
     * listening, never moved by a flag, configured nowhere, without quirks.
     */
    public static final class Parts {
        public String protocol = "tcp";
        public String purpose;
        public Condition shifts = Condition.NEVER;
        public List<String> groups = List.of();
        public List<Locator> locators = List.of();
        public Condition when = Condition.ALWAYS;
        public String source;
        public String correction;
        public List<Integer> seed = List.of();
        public String stays;
        public String systemProperty;
        public boolean haOffsetQuirk;
        public boolean codeDefault;
        public Plus plus;

        private Parts() {
        }
    }

    /** An entry with the parts {@code parts} sets. */
    public static CatalogEntry of(String id, int port, OffsetRule rule, Consumer<Parts> parts) {
        Parts p = new Parts();
        parts.accept(p);
        return new CatalogEntry(id, port, p.protocol, p.purpose, rule, p.shifts, p.groups, p.locators, p.when, p.source,
                p.correction, p.seed, p.stays, p.systemProperty, p.haOffsetQuirk, p.codeDefault, p.plus);
    }

    /**
     * A port that listens beyond the number that configures it: Spark's driver actor system on the driver port + 1, the
     * Carbon 5 binary receiver of carbon-analytics-common before 6.1.31 on its port + offset + 1.
     *
     * @param add    how much beyond
     * @param groups the port groups of the products where it is so; empty: all
     * @param why    the reason, as a person reads it
     */
    public record Plus(int add, List<String> groups, String why) {

        public Plus {
            groups = List.copyOf(groups);
        }
    }

    /** True when a port of this entry takes part in clash detection: a listener with a known number. */
    public boolean listens() {
        return rule != OffsetRule.OUTBOUND && rule != OffsetRule.RANDOM;
    }

    /** How much this entry's ports lie beyond their configured number in a product (runtime, version) of these groups. */
    public int plusFor(java.util.Set<String> productGroups) {
        return plus == null || !(plus.groups().isEmpty() || plus.groups().stream().anyMatch(productGroups::contains)) ? 0
                : plus.add();
    }
}
