package io.github.wso2ports.ports;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;

/**
 * The shipped catalog with a bug planted in it: the carbon.xml XPath of the JMX registry port compiles but fails when
 * it is evaluated (jaxen checks a function's arguments only then), as a catalog mistake would. It stands in for any
 * bug the plugin may have, on real files, to show what the user sees then.
 */
public final class BuggyCatalog {

    private static final String GOOD = "xpath = \"/*[local-name()='Server']/*[local-name()='Ports']/*[local-name()='JMX']"
            + "/*[local-name()='RMIRegistryPort']\"";

    private BuggyCatalog() {
    }

    public static Catalog catalog() {
        String toml = new String(Catalog.resource(Catalog.RESOURCE), StandardCharsets.UTF_8);
        if (!toml.contains(GOOD)) {
            throw new IllegalStateException("the catalog no longer has " + GOOD);
        }
        return Catalog.parse(toml.replace(GOOD, GOOD.substring(0, GOOD.length() - 1) + "[substring()]\""));
    }

    /** Makes the buggy catalog the built-in one until closed (tests that use it must not run in parallel). */
    public static AutoCloseable installed() throws ReflectiveOperationException {
        Field f = Catalog.class.getDeclaredField("builtIn");
        f.setAccessible(true);
        Object before = f.get(null);
        f.set(null, catalog());
        return () -> f.set(null, before);
    }
}
