package io.github.wso2ports.ports;

import io.github.wso2ports.Location;

/**
 * One URL read from a runtime's config: which catalog URL it is, its host and port, and where it is written.
 *
 * @param host    the host as written ({@code localhost}, {@code ${carbon.local.ip}})
 * @param port    the port as written; 0 when a placeholder stands for it
 * @param portOf  the catalog port entry whose number, on the runtime that keeps the URL and at its offset, a
 *                placeholder port stands for ({@code ${mgt.transport.https.port}}: servlet-https); null for a number
 * @param unknown a placeholder that WSO2 fills in from what only the running server knows (the environment, a system
 *                property the plugin cannot see), so the URL cannot be checked; null when every part is known
 */
public record UrlUse(UrlEntry entry, String url, String host, int port, Location location, String portOf,
        String unknown) {

    public UrlUse(UrlEntry entry, String url, String host, int port, Location location) {
        this(entry, url, host, port, location, null, null);
    }

    /**
     * True for loopback and wildcard hosts and a placeholder for the runtime's own host: the URL points at the host the
     * instance runs on.
     */
    public boolean isLocal() {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("0.0.0.0")
                || h.contains("{");
    }
}
