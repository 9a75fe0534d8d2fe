package io.github.wso2ports.ports;

import java.util.List;
import java.util.Set;

/**
 * A flag a port needs to listen (clustering enabled, the JMX RMI server started, ...): read from deployment.toml
 * or a file where one says so, otherwise the catalog's default for the product.
 *
 * @param toml      a deployment.toml key: a boolean decides, any other value means "on"
 * @param locator   a file-based test: on when the XPath matches, or the YAML/properties value is "true"
 * @param byDefault the flag when no file says
 * @param onFor     port groups of products where the default is on
 * @param offFor    port groups of products where the default is off (they win over {@code onFor})
 */
public record Condition(String toml, Locator locator, boolean byDefault, List<String> onFor, List<String> offFor) {

    public static final Condition ALWAYS = new Condition(null, null, true, List.of(), List.of());

    public boolean defaultFor(Set<String> groups) {
        if (offFor.stream().anyMatch(groups::contains)) {
            return false;
        }
        return byDefault || onFor.stream().anyMatch(groups::contains);
    }
}
