package io.github.wso2ports.distribution;

import io.github.wso2ports.Location;

import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Read access to the files of a distribution by their path relative to its home ({@code repository/conf/carbon.xml}),
 * whether the home is a folder or an archive. Knows nothing of WSO2.
 */
public interface DistributionSource {

    /** The home's own name, such as {@code wso2am-2.6.0}. */
    String name();

    boolean isFile(String relativePath);

    boolean isDirectory(String relativePath);

    /** True when anything is at the path: a file, a folder, or a link that leads nowhere (a loop, a lost target). */
    default boolean exists(String relativePath) {
        return isFile(relativePath) || isDirectory(relativePath);
    }

    /**
     * Why something at the path that does not resolve is a broken symbolic link ("leads into a loop of symbolic links",
     * "is a symbolic link to 'x', which does not exist"); null when it is none (an archive has no links).
     */
    default String brokenLink(String relativePath) {
        return null;
    }

    /** The names of the entries of a folder, sorted; empty when it does not exist. */
    List<String> list(String relativeFolder);

    /** The bytes of a file; a clear error when it is missing, unreadable or too large for a config file. */
    byte[] read(String relativePath);

    /**
     * The file parsed by {@code parser} from its bytes; a source that keeps what it reads ({@link CachingSource})
     * parses each file once, however many readers ask for it.
     *
     * @param type what the file is parsed as (one file is never parsed as two things, but the cache says which)
     */
    default <T> T parsed(String relativePath, Class<T> type, BiFunction<Location, byte[], T> parser) {
        return parser.apply(location(relativePath), read(relativePath));
    }

    /** How the home itself is shown to the user. */
    Location homeLocation();

    /** How a file is shown to the user. */
    Location location(String relativePath);

    /** The file on disk, for sources that can be written (folders); null for archives. */
    Path path(String relativePath);
}
