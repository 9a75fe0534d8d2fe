package io.github.wso2ports.ports;

import java.util.List;

/**
 * A URL a WSO2 product keeps in its config that points at a port of its own or of another instance (a key
 * manager, a traffic manager, an analytics worker): where it is configured, and which port it must point at.
 *
 * @param follows the catalog port entry the URL must point at, on whichever instance it addresses
 * @param target  whom it addresses: {@code self} (its own deployment: the instance that keeps it, or another of the
 *                same product line and release, as a control plane advertises its gateways' URLs),
 *                {@code other} (usually another instance: a key manager, a traffic manager) or {@code any}; decides
 *                which listener a broken URL most likely meant
 * @param products the products whose {@code follows} listener serves it (a key manager URL needs an API Manager or
 *                Identity Server, not any HTTPS port); empty: any product's
 */
public record UrlEntry(String id, String purpose, String follows, String target, List<String> groups,
        List<Locator> locators, List<String> products, String source) {

    public UrlEntry {
        groups = List.copyOf(groups);
        locators = List.copyOf(locators);
        products = List.copyOf(products);
    }

    /** True when a listener of {@code product} can serve this URL (its port entry aside). */
    public boolean servedBy(String product) {
        return products.isEmpty() || products.contains(product);
    }
}
