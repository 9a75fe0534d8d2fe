package io.github.wso2ports.compose;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.distribution.DistributionSource;
import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.distribution.InputRecord;
import io.github.wso2ports.distribution.RecordingSource;
import io.github.wso2ports.ports.ContainerHomes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The files a service's container is given, laid out in its product home: the bind mounts of the compose file
 * (resolved against the compose file's folder) and what its Dockerfile copies from the build context, each mapped
 * from its path in the container to the home by the images' conventions ({@link ContainerHomes}). Named volumes and
 * mounts outside the home (data, artifacts) hold no configuration and are left out.
 */
public final class ContainerFiles {

    private ContainerFiles() {
    }

    /**
     * @param folder     the compose file's folder
     * @param dockerfile the service's Dockerfile, or null when it runs an image
     * @param context    the build context the Dockerfile copies from, or null
     * @param display    how a host path is shown in messages
     * @param record     notes every file-system fact the reading relies on, or null
     */
    public static DistributionSource of(ComposeFile.Service service, Path folder, Dockerfile dockerfile, Path context,
            ContainerHomes homes, Function<Path, String> display, InputRecord record) {
        List<MountedSource.Layer> layers = new ArrayList<>();
        for (ComposeFile.Mount m : service.volumes()) {
            String prefix = homes.inHome(m.target());
            if (!m.bind() || prefix == null || m.source() == null) {
                continue;
            }
            if (m.source().startsWith("~")) {
                throw new Wso2PortsException(m.location(), "the volume " + m.source() + " of " + service.name()
                        + " is in a user's home, which a build cannot tell", "Mount it from a path relative to the "
                        + "compose file");
            }
            layers.add(layer(folder.resolve(m.source()).normalize(), prefix, m.location(), "the volume " + m.source()
                    + " of " + service.name(), display, record));
        }
        if (dockerfile != null && context != null) {
            for (Dockerfile.Copy c : dockerfile.copies()) {
                String prefix = homes.inHome(c.target());
                if (prefix == null) {
                    continue;
                }
                for (String source : c.sources()) {
                    Path from = context.resolve(source).normalize();
                    // a folder's content goes into the target; a file into it when it ends in / (or several are
                    // copied), else it becomes the target
                    boolean into = Files.isRegularFile(from) && (c.target().endsWith("/") || c.sources().size() > 1);
                    String at = into ? join(prefix, from.getFileName().toString()) : prefix;
                    layers.add(layer(from, at, c.location(), "what " + c.location() + " copies (" + source + ")",
                            display, record));
                }
            }
        }
        return new MountedSource(service.name(), service.location(), layers);
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static DistributionSource recorded(DistributionSource source, InputRecord record) {
        return record == null ? source : new RecordingSource(source, record);
    }

    /** A host folder whose content is at {@code homePath}, or a host file that is {@code homePath}. */
    private static MountedSource.Layer layer(Path source, String prefix, Location at, String what,
            Function<Path, String> display, InputRecord record) {
        if (record != null) {
            record.add(InputRecord.Kind.DIRECTORY, source, String.valueOf(Files.isDirectory(source)));
            record.add(InputRecord.Kind.FILE, source, String.valueOf(Files.isRegularFile(source)));
        }
        if (Files.isDirectory(source)) {
            return new MountedSource.Layer(prefix, recorded(new FolderSource(source, display.apply(source)), record),
                    null);
        }
        if (Files.isRegularFile(source)) {
            Path parent = source.getParent();
            return new MountedSource.Layer(prefix, recorded(new FolderSource(parent, display.apply(parent)), record),
                    source.getFileName().toString());
        }
        throw new Wso2PortsException(at, what + " is not there: " + display.apply(source) + " does not exist",
                "Put the configuration the service mounts next to the compose file, as it runs");
    }
}
