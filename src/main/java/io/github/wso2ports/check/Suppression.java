package io.github.wso2ports.check;

import io.github.wso2ports.Location;
import io.github.wso2ports.Port;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.text.TextFile;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An accepted finding, so a team can turn the gate on today and burn the list down: it matches findings by kind,
 * host, protocol/port and optionally an instance among the owners, and must say why. A suppressed finding does not
 * fail the build but still shows in the console and the reports.
 *
 * @param kind     a finding kind label, or null for any
 * @param host     a host, or null for any
 * @param protocol tcp or udp, or null for any
 * @param port     a port, 0 for findings without one, or -1 for any
 * @param instance an instance id that must be among the owners (or named in the message), or null
 */
public record Suppression(String kind, String host, String protocol, long port, String instance, String reason,
        Location location) {

    private static final Pattern LINE = Pattern.compile(
            "^(\\S+)\\s+(\\S+)\\s+(\\*|-|(?:(tcp|udp)/)?(" + Port.DIGITS + "|\\*))(?:\\s+instance=(\\S+))?(?:\\s+(.*))?$",
            Pattern.CASE_INSENSITIVE);

    public boolean matches(Finding f) {
        if (kind != null && !kind.equals(f.kind().label())) {
            return false;
        }
        if (host != null && !host.equals(f.host())) {
            return false;
        }
        if (port >= 0 && port != f.port()) {
            return false;
        }
        if (protocol != null && !protocol.equals(f.protocol())) {
            return false;
        }
        if (instance == null) {
            return true;
        }
        return f.owners().stream().anyMatch(o -> o.name().equals(instance))
                || (f.message() != null && f.message().startsWith(instance + " "));
    }

    /**
     * The suppressions file: one a line, {@code KIND HOST PORT [instance=ID] reason}, where PORT is
     * {@code tcp/9443}, {@code 9443}, {@code -} (findings not about one port) or {@code *}; KIND and HOST may be
     * {@code *}; the reason is mandatory. Blank lines and {@code #} comments are skipped.
     */
    public static List<Suppression> parseFile(TextFile file) {
        return file.entries(LINE, "KIND HOST PORT [instance=ID] reason",
                "For example: clash app1 tcp/9443 instance=node2 moving node2 to app2 (OPS-1234)", Suppression::of);
    }

    private static Suppression of(Matcher m, Location at) {
        String kind = any(m.group(1));
        if (kind != null && !isKind(kind)) {
            throw new Wso2PortsException(at, "unknown finding kind '" + m.group(1) + "'",
                    "Use * or one of: " + FindingKind.labels());
        }
        if (m.group(7) == null || m.group(7).isBlank()) {
            throw new Wso2PortsException(at, "the suppression gives no reason", "Say why the finding is accepted "
                    + "(and, ideally, the ticket that removes it)");
        }
        String portField = m.group(3);
        long port = portField.equals("*") || "*".equals(m.group(5)) ? -1 : portField.equals("-") ? 0
                : Long.parseLong(m.group(5));
        String protocol = m.group(4) == null ? null : m.group(4).toLowerCase(Locale.ROOT);
        return new Suppression(kind == null ? null : kind.toLowerCase(Locale.ROOT), any(m.group(2)), protocol, port,
                m.group(6), m.group(7).strip(), at);
    }

    private static String any(String s) {
        return "*".equals(s) ? null : s;
    }

    private static boolean isKind(String s) {
        for (FindingKind k : FindingKind.values()) {
            if (k.label().equalsIgnoreCase(s)) {
                return true;
            }
        }
        return false;
    }
}
