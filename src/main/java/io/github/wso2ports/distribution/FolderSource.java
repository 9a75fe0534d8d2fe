package io.github.wso2ports.distribution;

import io.github.wso2ports.IoWords;
import io.github.wso2ports.Location;
import io.github.wso2ports.Unexpected;
import io.github.wso2ports.Wso2PortsException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/** A distribution unpacked in a folder. */
public final class FolderSource implements DistributionSource {

    /** Config files are small; anything larger is not what we think it is. */
    static final long MAX_CONFIG_BYTES = 16L * 1024 * 1024;

    private final Path home;
    private final String displayHome;

    /**
     * @param home        the distribution's home folder
     * @param displayHome how the home is shown in messages (relative to the project or working folder), or
     *                    the empty string to show paths relative to the home itself
     */
    public FolderSource(Path home, String displayHome) {
        this.home = home;
        this.displayHome = displayHome;
    }

    /** Opens a home folder, with a clear error when it is missing or not a folder. */
    public static FolderSource open(Path home, String displayHome) {
        Location shown = Location.ofFolder(displayHome);
        if (!Files.exists(home)) {
            String link = brokenLink(home);
            throw new Wso2PortsException(shown, "the distribution home " + (link != null ? link
                    : "does not exist"), link != null ? "Point the link at the distribution's folder, or point "
                            + "-Dwso2-ports.home (or <home>) at the folder itself"
                            : "Point -Dwso2-ports.home (or <home>) at an unpacked WSO2 distribution");
        }
        if (!Files.isDirectory(home)) {
            throw new Wso2PortsException(shown, "the distribution home is a file, not a folder",
                    "Point it at the folder of an unpacked WSO2 distribution");
        }
        return new FolderSource(home, displayHome);
    }

    /**
     * Why a path that does not resolve is a broken link, in words: it leads into a loop of symbolic links, or it is a
     * link to a target that is gone; null when it is no link, or resolves.
     */
    static String brokenLink(Path p) {
        try {
            p.toRealPath();
            return null;
        } catch (FileSystemLoopException e) {
            return "leads into a loop of symbolic links";
        } catch (FileSystemException e) {
            if (e.getReason() != null && e.getReason().contains("Too many levels of symbolic links")) {
                return "leads into a loop of symbolic links";
            }
            if (Files.isSymbolicLink(p)) {
                try {
                    return "is a symbolic link to '" + Files.readSymbolicLink(p) + "', which does not exist";
                } catch (IOException ignored) {
                    return "is a symbolic link to something that does not exist";
                }
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public String brokenLink(String relativePath) {
        return brokenLink(path(relativePath));
    }

    @Override
    public String name() {
        Path name = home.toAbsolutePath().normalize().getFileName();
        return name == null ? home.toString() : name.toString();
    }

    @Override
    public boolean isFile(String relativePath) {
        return Files.isRegularFile(path(relativePath));
    }

    @Override
    public boolean exists(String relativePath) {
        return Files.exists(path(relativePath), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public boolean isDirectory(String relativePath) {
        return Files.isDirectory(path(relativePath));
    }

    @Override
    public List<String> list(String relativeFolder) {
        Path dir = path(relativeFolder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            throw new Wso2PortsException(location(relativeFolder), "cannot list the folder: " + e.getMessage(), null, e);
        }
        Collections.sort(names);
        return names;
    }

    @Override
    public byte[] read(String relativePath) {
        Path file = path(relativePath);
        Location where = location(relativePath);
        Unexpected.reading(where);
        try {
            if (Files.isDirectory(file)) {
                throw new Wso2PortsException(where, "is a folder where a file is expected", "Replace it with the file");
            }
            long size = Files.size(file);
            if (size > MAX_CONFIG_BYTES) {
                throw new Wso2PortsException(where, "is " + size + " bytes, too large for a config file",
                        "Check that it is the right file");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Wso2PortsException(where, "does not exist", null, e);
        } catch (AccessDeniedException e) {
            throw new Wso2PortsException(where, "cannot be read: permission denied",
                    "Give this user read permission on it", e);
        } catch (FileSystemException e) {
            throw new Wso2PortsException(where, "cannot be read: " + IoWords.of(e, false).problem(),
                    "It must be a readable file; replace a broken or looping link with the file itself", e);
        } catch (IOException e) {
            IoWords words = IoWords.of(e, false);
            throw new Wso2PortsException(where, "cannot be read: " + words.problem(), words.fix(), e);
        }
    }

    @Override
    public Location homeLocation() {
        // "." rather than an absolute path: reports hold no path of the build machine
        return Location.ofFolder(displayHome);
    }

    @Override
    public Location location(String relativePath) {
        return Location.of(displayHome.isEmpty() ? relativePath : displayHome + "/" + relativePath);
    }

    @Override
    public Path path(String relativePath) {
        return home.resolve(relativePath);
    }
}
