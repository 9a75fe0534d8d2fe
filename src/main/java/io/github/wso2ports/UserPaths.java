package io.github.wso2ports;

import org.apache.commons.io.FilenameUtils;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Paths as the user typed them and as messages show them, relative to one folder (the project, or the current
 * folder without one).
 */
public final class UserPaths {

    private final Path base;

    /** Absolute paths the user typed that lie outside the base folder: shown absolute, as typed. */
    private final List<Path> typedAbsolute = new CopyOnWriteArrayList<>();

    public UserPaths(Path base) {
        this.base = base.toAbsolutePath().normalize();
    }

    public Path base() {
        return base;
    }

    /**
     * A path parameter as the user typed it, resolved against the base folder; null when not given. Maven would
     * resolve a File parameter itself and lose whether it was typed absolute, which messages keep.
     *
     * @param parameter how the parameter is named in messages
     */
    public Path typed(String text, String parameter) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Path p;
        try {
            p = Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new Wso2PortsException(null, parameter + " '" + text + "' is not a path this system can use ("
                    + e.getReason() + ")", "Fix " + parameter);
        }
        if (!p.isAbsolute()) {
            return base.resolve(p).normalize();
        }
        Path absolute = p.normalize();
        if (!absolute.startsWith(base)) {
            typedAbsolute.add(absolute);
        }
        return absolute;
    }

    /**
     * A path as the user should see it: under an absolute path the user typed outside the base folder, absolute as
     * typed; otherwise relative to the base folder, with {@code ..} when outside it. So a message holds an absolute
     * path only where the user typed one (one inside the project, as {@code ${project.basedir}/dist} gives, shows
     * relative), and absolute otherwise only across file-system roots.
     */
    public String display(Path path) {
        Path p = path.toAbsolutePath().normalize();
        if (p.equals(base)) {
            return "";
        }
        for (Path root : typedAbsolute) {
            if (p.startsWith(root)) {
                return FilenameUtils.separatorsToUnix(p.toString());
            }
        }
        if (base.getRoot() == null || !base.getRoot().equals(p.getRoot())) {
            return p.toString();
        }
        return FilenameUtils.separatorsToUnix(base.relativize(p).toString());
    }

    /** As {@link #display}, with the base folder itself shown as {@code .}. */
    public String shown(Path path) {
        return Location.ofFolder(display(path)).file();
    }
}
