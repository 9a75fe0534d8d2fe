package io.github.wso2ports.ports;

/**
 * Where a port or a flag is configured: a key of a config-mapper product's deployment.toml, or a file
 * (relative to the runtime's conf folder) with an XPath, a YAML path or a properties key.
 *
 * @param rule  the offset rule of a port this locator finds, when it differs from its entry's (a literal in
 *              etc/jmx.xml stays put where carbon.xml's value would move); null: the entry's
 * @param stays why a port found here does not move with the offset, for the finding that says so; null if it moves
 */
public record Locator(String toml, String file, String xpath, String yaml, String property, OffsetRule rule,
        String stays) {

    public boolean isToml() {
        return toml != null;
    }

    /** The file-based part of this locator, or null when it has none. */
    public Locator fileOnly() {
        return file == null ? null : new Locator(null, file, xpath, yaml, property, rule, stays);
    }

    @Override
    public String toString() {
        if (toml != null && file == null) {
            return "deployment.toml " + toml;
        }
        String where = xpath != null ? xpath : yaml != null ? yaml : property;
        return file + " " + where;
    }
}
