package io.github.wso2ports.ports;

/**
 * Where a port, a URL or a flag is configured: a key of a config-mapper product's deployment.toml, a node of an XML
 * file, a path in a YAML file or a key of a properties file (each file relative to the runtime's conf folder), or an
 * inbound endpoint file (by name, in the runtime's synapse configs). {@link #toString()} names it in messages.
 */
public sealed interface Locator permits Locator.TomlKey, Locator.InFile, Locator.InboundFile {

    /**
     * A deployment.toml key.
     *
     * @param address another key, which sets the port's bind address; null when none does
     */
    record TomlKey(String key, String address) implements Locator {

        @Override
        public String toString() {
            return "deployment.toml " + key;
        }
    }

    /** A value in a file of the conf folder. */
    sealed interface InFile extends Locator permits XmlNode, YamlPath, PropertiesKey {

        /** The file, relative to the runtime's conf folder. */
        String file();

        /** The offset rule of a port found here, where it is not its entry's. */
        OwnRule own();

        /**
         * A regular expression whose first group is the port within the value found (a URL the listener is configured
         * by: {@code grpc://localhost:9806/...}); null when the value is the port.
         */
        String pattern();
    }

    /**
     * An XML node, found by an XPath.
     *
     * @param address an XPath relative to the port's node that finds its bind address ({@code ../@address}); null when
     *                none does
     */
    record XmlNode(String file, String xpath, String address, OwnRule own, String pattern) implements InFile {

        @Override
        public String toString() {
            return file + " " + xpath;
        }
    }

    /**
     * A YAML scalar, found by a path (see {@link io.github.wso2ports.config.YamlDocument}).
     *
     * @param address a key of the mapping that holds the port, which sets its bind address ({@code host}); null when
     *                none does
     */
    record YamlPath(String file, String path, String address, OwnRule own, String pattern) implements InFile {

        @Override
        public String toString() {
            return file + " " + path;
        }
    }

    /** A key of a properties file (spark-defaults.conf style). */
    record PropertiesKey(String file, String key, OwnRule own, String pattern) implements InFile {

        @Override
        public String toString() {
            return file + " " + key;
        }
    }

    /** An inbound endpoint file that declares the port ({@code WebSocketInboundEndpoint.xml}): the catalog's scan reads it. */
    record InboundFile(String name) implements Locator {

        @Override
        public String toString() {
            return "inbound endpoint " + name;
        }
    }

    /**
     * What a port found in one file has of its own, instead of its entry's: a literal in etc/jmx.xml stays put where
     * carbon.xml's value would move.
     *
     * @param rule  its offset rule; null: the entry's
     * @param stays why it does not move with the offset, for the finding that says so; null: the entry's reason
     */
    record OwnRule(OffsetRule rule, String stays) {

        public static final OwnRule NONE = new OwnRule(null, null);
    }
}
