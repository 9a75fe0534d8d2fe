package io.github.wso2ports.ports;

import io.github.wso2ports.distribution.OffsetFormat;

import java.util.List;

/**
 * A container image WSO2 publishes, and what it runs: a product and, for one runtime of a multi-runtime product, that
 * runtime. Known by the last part of its repository path ({@code names}) or by the whole path after the registry
 * ({@code paths}).
 *
 * @param runtime the runtime it runs, or null for the product's primary one
 * @param layouts where the runtime keeps its offset in the image, per version
 */
public record ImageEntry(List<String> names, List<String> paths, String product, String runtime,
        List<Layout> layouts, String source) {

    /**
     * The file that holds the runtime's offset in the image's product home, for the versions in [from, until) (either
     * bound may be null); its folder is the runtime's conf folder, its name says its format.
     */
    public record Layout(String from, String until, String offsetFile) {

        boolean covers(String version) {
            return new Product.VersionGroups(from, until, List.of()).covers(version);
        }

        /** The runtime's conf folder: the offset file's, or its parent's for a Carbon 5 runtime. */
        public String confDir() {
            return offsetFile.substring(0, offsetFile.lastIndexOf('/'));
        }

        public OffsetFormat format() {
            String name = offsetFile.substring(offsetFile.lastIndexOf('/') + 1);
            return switch (name) {
                case "deployment.toml" -> OffsetFormat.DEPLOYMENT_TOML;
                case "deployment.yaml" -> OffsetFormat.DEPLOYMENT_YAML;
                case "carbon.yml" -> OffsetFormat.CARBON_YML;
                default -> OffsetFormat.CARBON_XML;
            };
        }
    }

    public ImageEntry {
        names = List.copyOf(names);
        paths = List.copyOf(paths);
        layouts = List.copyOf(layouts);
    }

    /** The runtime's layout at a version (null: unknown, the newest); null when the catalog knows none for it. */
    public Layout layout(String version) {
        for (Layout l : layouts) {
            if (l.covers(version)) {
                return l;
            }
        }
        return null;
    }

    /** True when an image's repository path ({@code wso2/wso2am}, {@code wso2-apim/am}) is this image. */
    public boolean matches(String repository) {
        String name = repository.substring(repository.lastIndexOf('/') + 1);
        return paths.contains(repository) || names.contains(name);
    }
}
