package io.github.wso2ports.ports;

/**
 * One port WSO2 products listen on (or connect out to), and where it is configured.
 *
 * @param id       stable key, used in reports and Maven property names
 * @param port     the default base port (before any offset)
 * @param protocol tcp or udp
 * @param purpose  what listens there, in the words of the docs
 * @param rule     what the offset does to it
 * @param file     the file that declares it, relative to the runtime's conf folder; null when no file does
 * @param xpath    where in that XML file (prefix {@code c} is the carbon.xml namespace); null when not XML
 * @param tomlKey  the deployment.toml key of config-mapper products that overrides it; null when none
 * @param source     the code or file that establishes the fact
 * @param correction where the seed page is wrong about this port and what the files say instead; null if not
 */
public record CatalogEntry(String id, int port, String protocol, String purpose, OffsetRule rule, String file,
        String xpath, String tomlKey, String source, String correction) {
}
