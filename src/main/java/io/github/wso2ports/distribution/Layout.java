package io.github.wso2ports.distribution;

/** How a distribution keeps its configuration, which decides where its port offset lives. */
public enum Layout {
    /** Carbon 4.2-4.4 products: {@code repository/conf/carbon.xml} (or {@code conf/carbon.xml} in MI 1.0.0). */
    CLASSIC,
    /** EI 6.x and IoT 3.x: {@code conf/} plus one {@code wso2/<runtime>/conf/} per runtime. */
    MULTI_RUNTIME,
    /** Carbon 4.5+ products: {@code deployment.toml} is rendered into carbon.xml and the rest at every start. */
    CONFIG_MAPPER,
    /** Carbon 5 / Stream Processor: {@code conf/<runtime>/deployment.yaml}. */
    CARBON5,
    /**
     * One runtime in a container: its product home as the service's mounts and its Dockerfile's copies show it, the
     * image's own files standing for every file they do not give (so a missing offset file is the offset the image
     * ships, a missing port file the catalog default).
     */
    CONTAINER;

    /** How messages name it. */
    public String description() {
        return switch (this) {
            case CLASSIC -> "Carbon 4 (carbon.xml)";
            case MULTI_RUNTIME -> "multi-runtime (conf/ plus wso2/<runtime>/conf/)";
            case CONFIG_MAPPER -> "config-mapper (deployment.toml)";
            case CARBON5 -> "Carbon 5 (deployment.yaml)";
            case CONTAINER -> "container (mounted files over the image's own)";
        };
    }
}
