package io.github.wso2ports.compose;

import io.github.wso2ports.Location;
import io.github.wso2ports.Port;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.config.YamlDocument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A port a service publishes: the container port, and the host port (or range Docker picks from) it is reachable on.
 * Read from the Compose specification's short syntax ({@code [HOST_IP:][HOST:]CONTAINER[/PROTOCOL]}, each port a
 * number or a range, an IPv6 host address in brackets) or its long syntax ({@code target}, {@code published},
 * {@code host_ip}, {@code protocol}); a range pair is one mapping per port.
 *
 * @param hostIp    the host address it is bound to, or null for every address
 * @param hostFrom  the host port, or the first of the range Docker picks one from; 0 when Docker picks any (ephemeral)
 * @param hostTo    the last host port of that range ({@code hostFrom} for one port)
 * @param container the port in the container
 * @param protocol  tcp or udp
 * @param written   the entry as the file writes it
 */
public record Published(String hostIp, int hostFrom, int hostTo, int container, String protocol, Location location,
        String written) {

    /** True when Docker picks the host port from its ephemeral range: it never clashes with another mapping. */
    public boolean ephemeral() {
        return hostFrom == 0;
    }

    /** The host side as written for messages: {@code 9443}, {@code 8000-8010}, or {@code (any)}. */
    public String host() {
        return ephemeral() ? "(any)" : new Port.Range(hostFrom, hostTo).toString();
    }

    /** The mappings of one entry of a service's {@code ports}. */
    static List<Published> parse(YamlDocument.Item item, String service) {
        Location at = item.location();
        if (item.isMapping()) {
            String target = Interpolation.text(item.get("target"));
            if (target == null) {
                throw new Wso2PortsException(at, "a port of " + service + " has no target", "Give the container port "
                        + "as target:");
            }
            String published = Interpolation.text(item.get("published"));
            String written = (published == null ? "" : published + ":") + target;
            return mappings(Interpolation.text(item.get("host_ip")), published, target,
                    Interpolation.text(item.get("protocol")), at, written, service);
        }
        String written = Interpolation.text(item);
        if (written == null) {
            throw new Wso2PortsException(at, "a port of " + service + " is " + item.kind(), "Write it as HOST:CONTAINER");
        }
        String rest = written.strip();
        String protocol = null;
        int slash = rest.lastIndexOf('/');
        if (slash >= 0) {
            protocol = rest.substring(slash + 1);
            rest = rest.substring(0, slash);
        }
        String ip = null;
        if (rest.startsWith("[")) {
            int close = rest.indexOf("]:");
            if (close < 0) {
                throw bad(at, written, service);
            }
            ip = rest.substring(1, close);
            rest = rest.substring(close + 2);
        }
        String[] parts = rest.split(":", -1);
        String host;
        String container;
        if (parts.length == 1) {
            host = null;
            container = parts[0];
        } else if (parts.length == 2) {
            host = parts[0];
            container = parts[1];
        } else if (parts.length == 3 && ip == null) {
            ip = parts[0];
            host = parts[1];
            container = parts[2];
        } else {
            throw bad(at, written, service);
        }
        return mappings(ip, host == null || host.isEmpty() ? null : host, container, protocol, at, written, service);
    }

    private static List<Published> mappings(String ip, String host, String container, String protocol, Location at,
            String written, String service) {
        if (Interpolation.unresolved(written)) {
            throw new Wso2PortsException(at, "the port " + written + " of " + service + " depends on a variable without "
                    + "a default", "Give it a default (${NAME:-9443}) or write the port");
        }
        String proto = protocol == null || protocol.isBlank() ? "tcp" : protocol.strip().toLowerCase(Locale.ROOT);
        if (!proto.equals("tcp") && !proto.equals("udp")) {
            throw new Wso2PortsException(at, "the port " + written + " of " + service + " has the protocol '" + protocol
                    + "'", "This plugin checks tcp and udp ports");
        }
        Port.Range c = range(container, at, written, service);
        Port.Range h = host == null ? null : range(host, at, written, service);
        List<Published> out = new ArrayList<>();
        if (h == null) {
            for (int p = c.from(); p <= c.to(); p++) {
                out.add(new Published(ip, 0, 0, p, proto, at, written));
            }
        } else if (c.from() == c.to()) {
            out.add(new Published(ip, h.from(), h.to(), c.from(), proto, at, written));
        } else if (h.to() - h.from() == c.to() - c.from()) {
            for (int i = 0; i <= c.to() - c.from(); i++) {
                out.add(new Published(ip, h.from() + i, h.from() + i, c.from() + i, proto, at, written));
            }
        } else {
            throw new Wso2PortsException(at, "the port " + written + " of " + service + " maps " + (h.to() - h.from() + 1)
                    + " host ports to " + (c.to() - c.from() + 1) + " container ports", "Give both sides the same range");
        }
        return out;
    }

    private static Port.Range range(String text, Location at, String written, String service) {
        if (!text.strip().matches(Port.DIGITS + "(\\s*-\\s*" + Port.DIGITS + ")?")) {
            throw bad(at, written, service);
        }
        return Port.Range.parse(text.strip(), at);
    }

    private static Wso2PortsException bad(Location at, String written, String service) {
        return new Wso2PortsException(at, "the port '" + written + "' of " + service + " is not a port mapping",
                "Write it as [HOST_IP:][HOST:]CONTAINER[/PROTOCOL], for example \"9443:9443\"");
    }
}
