package io.github.wso2ports.report;

import io.github.wso2ports.check.CheckResult;
import io.github.wso2ports.check.Finding;
import io.github.wso2ports.ports.BindAddress;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ports.md}: findings first, then a port map per host sorted by port (ready to paste into a firewall request;
 * the bind address last, so rows read the same up to the source),
 * and outbound-only ports (devices and servers connecting out to FCM, APNs) in their own section.
 */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static void write(CheckResult result, String toolVersion, Writer md) throws IOException {
        md.append("# WSO2 ports\n\n");
        md.append(result.summary().replace("wso2-ports:check: ", "")).append(" (wso2-ports-maven-plugin ")
                .append(toolVersion).append(").\n\n");
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
        for (String host : result.hosts()) {
            md.append("## Host ").append(host).append("\n\n");
            md.append("| Port | Protocol | Instance | Purpose | Offset rule | Base | Source | Bind address |\n");
            md.append("|---:|---|---|---|---|---:|---|---|\n");
            for (PortRow r : byHost.getOrDefault(host, List.of())) {
                md.append("| ").append(String.valueOf(r.port())).append(" | ").append(r.protocol()).append(" | ")
                        .append(cell(r.instance())).append(" | ").append(cell(r.purpose())).append(" | ")
                        .append(r.rule()).append(" | ").append(String.valueOf(r.base())).append(" | ")
                        .append(cell(r.source())).append(" | ").append(cell(BindAddress.display(r.bindAddress())))
                        .append(" |\n");
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
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
