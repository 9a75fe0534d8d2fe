package io.github.wso2ports.ports;

import java.util.List;
import java.util.Set;

/**
 * A flag: one a port needs to listen (clustering enabled, the JMX RMI server started, ...), or one that moves a
 * conditional port with the offset (inbound.port.offset.enable). Read from deployment.toml, a file or the inbound
 * endpoint that holds the port, where one says so, otherwise the catalog's default for the product.
 *
 * @param name      the flag as people know it, for messages; null when the condition has none
 * @param toml      deployment.toml keys, first set wins: a boolean decides, any other value means "on"
 * @param locator   a file-based test: on when the XPath matches, or the YAML/properties value matches {@code matches};
 *                  null when no file says
 * @param matches   the regular expression a YAML/properties value must match to be on (null: {@code true}, any case)
 * @param unset     the flag when its file is there but does not set the value: the product code's own default
 *                  ({@code byDefault} is for a file that is not there, whose shipped copy sets it)
 * @param parameter a parameter of the inbound endpoint that holds the port: on when it is "true"
 * @param byDefault the flag when nothing says
 * @param onFor     port groups of products where the default is on
 * @param offFor    port groups of products where the default is off (they win over {@code onFor})
 * @param all       flags that must all be on (Spark's cluster mode needs three settings); the others are then unused
 */
public record Condition(String name, List<String> toml, Locator.InFile locator, String matches, boolean unset,
        String parameter, boolean byDefault, List<String> onFor, List<String> offFor, List<Condition> all) {

    public static final Condition ALWAYS = constant(true);
    public static final Condition NEVER = constant(false);

    public Condition {
        toml = List.copyOf(toml);
        onFor = List.copyOf(onFor);
        offFor = List.copyOf(offFor);
        all = List.copyOf(all);
    }

    /** A flag no file sets. */
    public static Condition constant(boolean value) {
        return new Condition(null, List.of(), null, null, false, null, value, List.of(), List.of(), List.of());
    }

    /** True when a YAML or properties value turns the flag on. */
    public boolean isOn(String value) {
        String v = value.strip();
        return matches == null ? v.equalsIgnoreCase("true") : v.matches(matches);
    }

    public boolean defaultFor(Set<String> groups) {
        if (offFor.stream().anyMatch(groups::contains)) {
            return false;
        }
        return byDefault || onFor.stream().anyMatch(groups::contains);
    }
}
