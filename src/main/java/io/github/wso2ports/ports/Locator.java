package io.github.wso2ports.ports;

/**
 * Where a port or a flag is configured: a key of a config-mapper product's deployment.toml, a file (relative to
 * the runtime's conf folder) with an XPath, a YAML path or a properties key, or an inbound endpoint file (by name, in
 * the runtime's synapse configs).
 *
 * @param inbound the file name of an inbound endpoint that declares the port (WebSocketInboundEndpoint.xml); null
 *                for other locators
 * @param address where the port's bind address is set, if it can be: for a toml key another toml key, for an XPath
 *                an XPath relative to the port's node ({@code ../@address}), for a YAML path a key of the mapping
 *                that holds the port ({@code host}); null when nothing sets one
 * @param rule    the offset rule of a port this locator finds, when it differs from its entry's (a literal in
 *                etc/jmx.xml stays put where carbon.xml's value would move); null: the entry's
 * @param stays   why a port found here does not move with the offset, for the finding that says so; null if it moves
 * @param pattern a regular expression whose first group is the port within the value found (a URL the listener is
 *                configured by: {@code grpc://localhost:9806/...}); null when the value is the port
 */
public record Locator(String toml, String file, String xpath, String yaml, String property, String inbound,
        String address, OffsetRule rule, String stays, String pattern) {

    public boolean isToml() {
        return toml != null;
    }

    public boolean isInbound() {
        return inbound != null;
    }

    /** The file-based part of this locator, or null when it has none. */
    public Locator fileOnly() {
        return file == null ? null : new Locator(null, file, xpath, yaml, property, null, null, rule, stays, null);
    }

    @Override
    public String toString() {
        if (inbound != null) {
            return "inbound endpoint " + inbound;
        }
        if (toml != null && file == null) {
            return "deployment.toml " + toml;
        }
        String where = xpath != null ? xpath : yaml != null ? yaml : property;
        return file + " " + where;
    }
}
