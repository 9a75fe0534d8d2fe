package io.github.wso2ports.ports;

import java.util.List;

/**
 * A URL a WSO2 product keeps in its config that points at a port of its own or of another instance (a key
 * manager, a traffic manager, an analytics worker): where it is configured, and which port it must point at.
 *
 * @param follows the catalog port entry the URL must point at, on whichever instance it addresses
 * @param target  whom it usually addresses: {@code self} (its own listener), {@code other} (another instance: a key
 *                manager, a traffic manager) or {@code any}; decides which listener a broken URL most likely meant
 */
public record UrlEntry(String id, String purpose, String follows, String target, List<String> groups,
        List<Locator> locators, String source) {
}
