package io.github.wso2ports.report;

import io.github.wso2ports.check.CheckResult;
import io.github.wso2ports.check.Container;
import io.github.wso2ports.check.Finding;
import io.github.wso2ports.check.RuntimeInstance;
import io.github.wso2ports.compose.Published;
import io.github.wso2ports.ports.BindAddress;
import io.github.wso2ports.ports.PortUse;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ports.md}, fit for a change ticket or a firewall request: the instances (product, version, offset and where it
 * comes from, how many ports), the findings, then per host its ports sorted (port, protocol, instance, purpose, bind
 * address), outbound-only ports (devices and servers connecting out to FCM, APNs) in their own section, and last where
 * each port comes from (offset rule, base, source file and line).
 */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static void write(CheckResult result, String toolVersion, Writer md) throws IOException {
        md.append("# WSO2 ports\n\n");
        md.append(result.summary("").substring(2)).append(" (wso2-ports-maven-plugin ").append(toolVersion)
                .append(").\n\n");
        // first what a change ticket asks: which instances, at which offsets, how many ports
        md.append("## Instances\n\n");
        md.append("| Instance | Host | Product | Version | Offset | Offset from | Listening ports |\n");
        md.append("|---|---|---|---|---:|---|---:|\n");
        for (RuntimeInstance i : result.instances()) {
            var product = i.config().product();
            long listening = i.config().ports().stream().filter(PortUse::listens).count();
            md.append("| ").append(cell(i.id())).append(" | ").append(cell(i.host())).append(" | ")
                    .append(cell(product.product().name())).append(" | ")
                    .append(product.version() == null ? "" : cell(product.version())).append(" | ")
                    .append(String.valueOf(i.offset())).append(" | ").append(cell(i.config().offsetSource()))
                    .append(" | ").append(String.valueOf(listening)).append(" |\n");
        }
        md.append('\n');
        md.append("## Findings\n\n");
        if (result.findings().isEmpty()) {
            md.append("None.\n\n");
        } else {
            md.append("| Severity | Finding |\n|---|---|\n");
            for (Finding f : result.findings()) {
                String severity = f.severity().name().toLowerCase(Locale.ROOT);
                md.append("| ").append(f.isSuppressed() ? "suppressed " + severity : "**" + severity + "**").append(" | ")
                        .append(cell(f.describe()))
                        .append(f.isSuppressed() ? " *(accepted: " + cell(f.suppression().reason()) + ", "
                                + cell(f.suppression().location().toString()) + ")*" : "")
                        .append(" |\n");
            }
            md.append('\n');
        }
        List<PortRow> rows = PortRow.of(result);
        // grouped in one pass, not a scan of every row for each host; each host keeps the rows in their order
        Map<String, List<PortRow>> byHost = new HashMap<>();
        for (PortRow r : rows) {
            if (!r.outbound()) {
                byHost.computeIfAbsent(r.host(), h -> new ArrayList<>()).add(r);
            }
        }
        // then per host what a firewall request asks: port, protocol, who listens, what for, on which address
        for (String host : result.hosts()) {
            md.append("## Host ").append(host).append("\n\n");
            md.append("| Port | Protocol | Instance | Purpose | Bind address |\n");
            md.append("|---:|---|---|---|---|\n");
            for (PortRow r : byHost.getOrDefault(host, List.of())) {
                md.append("| ").append(String.valueOf(r.port())).append(" | ").append(r.protocol()).append(" | ")
                        .append(cell(r.instance())).append(" | ").append(cell(r.purpose())).append(" | ")
                        .append(cell(BindAddress.display(r.bindAddress()))).append(" |\n");
            }
            // the host ports compose services publish here, beside what listens on the host itself
            for (Container c : result.containers()) {
                for (Published p : c.host().equals(host) ? c.published() : List.<Published>of()) {
                    md.append("| ").append(p.host()).append(" | ").append(p.protocol()).append(" | ")
                            .append(cell(c.id())).append(" | ").append(cell("published: container port "
                                    + p.container() + " (" + p.location() + ")")).append(" | ")
                            .append(cell(BindAddress.display(p.hostIp()))).append(" |\n");
                }
            }
            md.append('\n');
        }
        List<PortRow> outbound = rows.stream().filter(PortRow::outbound).toList();
        if (!outbound.isEmpty()) {
            md.append("## Outbound only (firewall egress, not listeners)\n\n");
            md.append("| Host | Port | Protocol | Instance | Purpose |\n|---|---:|---|---|---|\n");
            for (PortRow r : outbound) {
                md.append("| ").append(cell(r.host())).append(" | ").append(String.valueOf(r.port())).append(" | ")
                        .append(r.protocol()).append(" | ").append(cell(r.instance())).append(" | ")
                        .append(cell(r.purpose())).append(" |\n");
            }
            md.append('\n');
        }
        // last, for whoever checks the numbers: where each port comes from and how the offset moves it
        md.append("## Where each port comes from\n\n");
        md.append("| Host | Port | Instance | Offset rule | Base | Source |\n");
        md.append("|---|---:|---|---|---:|---|\n");
        for (PortRow r : rows) {
            md.append("| ").append(cell(r.host())).append(" | ").append(String.valueOf(r.port())).append(" | ")
                    .append(cell(r.instance())).append(" | ").append(r.rule()).append(" | ")
                    .append(String.valueOf(r.base())).append(" | ").append(cell(r.source())).append(" |\n");
        }
        md.append('\n');
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
