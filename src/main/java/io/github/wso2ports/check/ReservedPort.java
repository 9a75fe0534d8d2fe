package io.github.wso2ports.check;

import io.github.wso2ports.Location;
import io.github.wso2ports.Port;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.text.TextFile;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Ports no instance may listen on: a number or an inclusive range, a protocol, a host (null: every host), why,
 * and where the reservation is declared.
 *
 * @param location the file and line of the reservation, when it comes from a file
 */
public record ReservedPort(int from, int to, String protocol, String host, String reason, String source,
        Location location) {

    private static final Pattern LINE = Pattern.compile(
            "^(" + Port.DIGITS + "(?:-" + Port.DIGITS + ")?)(?:/(tcp|udp))?(?:\\s+host=(\\S+))?(?:\\s+(.*))?$", Pattern.CASE_INSENSITIVE);

    public boolean covers(String host, String protocol, long port) {
        return port >= from && port <= to && this.protocol.equals(protocol)
                && (this.host == null || this.host.equals(host));
    }

    public String ports() {
        return new Port.Range(from, to).toString();
    }

    /**
     * A reservation from the pom's {@code <reservedPort>}.
     *
     * @param port a number or an inclusive range such as {@code 32768-60999}
     */
    public static ReservedPort of(String port, String protocol, String host, String reason, String source,
            Location location) {
        Location where = location != null ? location : Location.of(source);
        if (port == null || port.isBlank()) {
            throw new Wso2PortsException(where, "a reserved port has no <port>", "Give a number or a range such as 5432 "
                    + "or " + Port.EPHEMERAL_DEFAULT);
        }
        Port.Range range = Port.Range.parse(port, where);
        String proto = protocol == null || protocol.isBlank() ? "tcp" : protocol.strip().toLowerCase(Locale.ROOT);
        if (!proto.equals("tcp") && !proto.equals("udp")) {
            throw new Wso2PortsException(where, "port '" + port + "' has protocol '" + protocol + "'",
                    "Use tcp or udp");
        }
        String h = host == null || host.isBlank() ? null : host.strip();
        String why = reason == null || reason.isBlank() ? "reserved" : reason.strip();
        return new ReservedPort(range.from(), range.to(), proto, h, why, source, location);
    }

    /**
     * The reserved-ports file: one entry a line, {@code PORT[-PORT][/udp] [host=NAME] reason}; blank lines and
     * {@code #} comments are skipped.
     */
    public static List<ReservedPort> parseFile(TextFile file) {
        return file.entries(LINE, "PORT[-PORT][/udp] [host=NAME] reason",
                "For example: 5432 PostgreSQL, or 32768-60999 host=app1 ephemeral range",
                (m, at) -> of(m.group(1), m.group(2), m.group(3), m.group(4), at.toString(), at));
    }
}
