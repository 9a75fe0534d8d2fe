package io.github.wso2ports.ports;

import java.util.List;

/**
 * A container image WSO2 publishes, and what it runs: a product and, for one runtime of a multi-runtime product, that
 * runtime. Known by the last part of its repository path ({@code names}) or by the whole path after the registry
 * ({@code paths}).
 *
 * @param runtime the runtime it runs, or null for the product's primary one
 */
public record ImageEntry(List<String> names, List<String> paths, String product, String runtime, String source) {

    public ImageEntry {
        names = List.copyOf(names);
        paths = List.copyOf(paths);
    }

    /** True when an image's repository path ({@code wso2/wso2am}, {@code wso2-apim/am}) is this image. */
    public boolean matches(String repository) {
        String name = repository.substring(repository.lastIndexOf('/') + 1);
        return paths.contains(repository) || names.contains(name);
    }
}
