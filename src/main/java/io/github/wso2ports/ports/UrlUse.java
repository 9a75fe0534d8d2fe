package io.github.wso2ports.ports;

import io.github.wso2ports.Location;

/** One URL read from a runtime's config: which catalog URL it is, its host and port, and where it is written. */
public record UrlUse(UrlEntry entry, String url, String host, int port, Location location) {

    /** True for loopback and wildcard hosts: the URL points at the host the instance runs on. */
    public boolean isLocal() {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        return h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]") || h.equals("0.0.0.0")
                || h.contains("${");
    }
}
