package io.github.wso2ports.ports;

import java.util.List;

/**
 * A URL a WSO2 product keeps in its config that points at a port of its own or of another instance (a key
 * manager, a traffic manager, an analytics worker): where it is configured, and which port it must point at.
 *
 * @param follows the catalog port entry the URL must point at, on whichever instance it addresses
 */
public record UrlEntry(String id, String purpose, String follows, List<String> groups, List<Locator> locators,
        String source) {
}
