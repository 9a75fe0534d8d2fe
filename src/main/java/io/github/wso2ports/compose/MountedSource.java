package io.github.wso2ports.compose;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.distribution.DistributionSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * A container's product home as far as the files put into it show it: each layer a folder or file of the host
 * (a bind mount, or what a Dockerfile copies) at a place in the home. A path is answered by the most specific layer
 * that holds it, and shown as the host file it is, so a finding names the file the user edits.
 */
final class MountedSource implements DistributionSource {

    /**
     * A folder of the host at {@code prefix} in the home ("" for the home itself); or, with {@code file}, one file
     * at the home path {@code prefix}.
     */
    record Layer(String prefix, DistributionSource source, String file) {

        /** The path in the layer's source of a home path, or null when the layer cannot hold it. */
        String inLayer(String homePath) {
            if (file != null) {
                return homePath.equals(prefix) ? file : null;
            }
            if (prefix.isEmpty()) {
                return homePath;
            }
            return homePath.startsWith(prefix + "/") ? homePath.substring(prefix.length() + 1)
                    : homePath.equals(prefix) ? "" : null;
        }
    }

    private final String name;
    private final Location home;
    private final List<Layer> layers;

    /** @param home how the container's home is shown: the compose file's service */
    MountedSource(String name, Location home, List<Layer> layers) {
        this.name = name;
        this.home = home;
        // the most specific first: a file over a folder over the home
        List<Layer> sorted = new ArrayList<>(layers);
        sorted.sort(Comparator.comparingInt((Layer l) -> l.prefix().length()).reversed());
        this.layers = List.copyOf(sorted);
    }

    @Override
    public String name() {
        return name;
    }

    private Layer holder(String homePath) {
        for (Layer l : layers) {
            String p = l.inLayer(homePath);
            if (p != null && l.source().exists(p)) {
                return l;
            }
        }
        return null;
    }

    @Override
    public boolean isFile(String relativePath) {
        Layer l = holder(relativePath);
        return l != null && l.source().isFile(l.inLayer(relativePath));
    }

    @Override
    public boolean isDirectory(String relativePath) {
        // the home, a folder some layer is mounted below, or a folder of a layer
        return relativePath.isEmpty() || layers.stream().anyMatch(l -> l.prefix().startsWith(relativePath + "/")
                || l.inLayer(relativePath) != null && l.source().isDirectory(l.inLayer(relativePath)));
    }

    @Override
    public boolean exists(String relativePath) {
        return holder(relativePath) != null || isDirectory(relativePath);
    }

    @Override
    public List<String> list(String relativeFolder) {
        TreeSet<String> names = new TreeSet<>();
        String below = relativeFolder.isEmpty() ? "" : relativeFolder + "/";
        for (Layer l : layers) {
            if (l.prefix().startsWith(below) && l.prefix().length() > below.length()) {
                String rest = l.prefix().substring(below.length());
                names.add(rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest);
            } else if (l.file() == null) {
                String p = l.inLayer(relativeFolder);
                if (p != null) {
                    names.addAll(l.source().list(p));
                }
            }
        }
        return List.copyOf(names);
    }

    @Override
    public byte[] read(String relativePath) {
        Layer l = holder(relativePath);
        if (l == null) {
            throw new Wso2PortsException(home, "no file the container is given holds " + relativePath,
                    "Mount it, or let the product's own file stand");
        }
        return l.source().read(l.inLayer(relativePath));
    }

    @Override
    public Location homeLocation() {
        return home;
    }

    @Override
    public Location location(String relativePath) {
        Layer l = holder(relativePath);
        return l == null ? home : l.source().location(l.inLayer(relativePath));
    }

    @Override
    public Path path(String relativePath) {
        Layer l = holder(relativePath);
        return l == null ? null : l.source().path(l.inLayer(relativePath));
    }
}
