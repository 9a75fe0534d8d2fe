package io.github.wso2ports.compose;

/**
 * A container image reference, {@code [REGISTRY/][NAMESPACE/]NAME[:TAG][@DIGEST]}, split as Docker splits it: the
 * first path part is a registry when it has a dot or a port or is {@code localhost}.
 *
 * @param registry   the registry host, or null (Docker Hub)
 * @param repository the path after the registry ({@code wso2/wso2am}, {@code wso2-apim/am})
 * @param name       the repository's last part ({@code wso2am}, {@code am})
 * @param tag        the tag, or null ({@code latest} is not a version)
 */
public record ImageRef(String written, String registry, String repository, String name, String tag) {

    public static ImageRef parse(String written) {
        String rest = written.strip();
        int at = rest.indexOf('@');
        if (at >= 0) {
            rest = rest.substring(0, at);
        }
        String registry = null;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        String name = rest.substring(rest.lastIndexOf('/') + 1);
        return new ImageRef(written, registry, rest, name, tag);
    }
}
