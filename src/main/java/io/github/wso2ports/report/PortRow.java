package io.github.wso2ports.report;

import io.github.wso2ports.check.CheckResult;
import io.github.wso2ports.check.RuntimeInstance;
import io.github.wso2ports.ports.OffsetRule;
import io.github.wso2ports.ports.PortUse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One line of a port map: a port an instance listens on (or connects out to), with where it comes from.
 *
 * @param rule        the offset rule as a person reads it (for a conditional port, whether its flag is on)
 * @param bindAddress the one address it binds, or null for every address
 */
public record PortRow(String host, long port, String protocol, String instance, String purpose, String rule, int base,
        String source, boolean outbound, String bindAddress) {

    private static final Comparator<PortRow> ORDER = Comparator.comparing(PortRow::host)
            .thenComparingLong(PortRow::port).thenComparing(PortRow::protocol).thenComparing(PortRow::instance)
            .thenComparing(PortRow::purpose);

    /** Every enabled listening and outbound port of the estate, sorted by host and port. */
    public static List<PortRow> of(CheckResult result) {
        List<PortRow> rows = new ArrayList<>();
        for (RuntimeInstance i : result.instances()) {
            for (PortUse p : i.config().ports()) {
                boolean outbound = p.rule() == OffsetRule.OUTBOUND;
                if (p.enabled() && (p.listens() || outbound)) {
                    rows.add(new PortRow(i.host(), p.effective(i.offset()), p.entry().protocol(), i.id(),
                            p.entry().purpose(), p.ruleDescription(), p.base(), p.provenance(), outbound,
                            p.bindAddress()));
                }
            }
        }
        rows.sort(ORDER);
        return rows;
    }
}
