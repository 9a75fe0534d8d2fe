package io.github.wso2ports.distribution;

import io.github.wso2ports.Wso2PortsException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A folder that holds several distributions, as operators keep them on a host ({@code /opt/wso2/wso2am-4.3.0},
 * {@code /opt/wso2/wso2is-7.0.0}, ...): each distribution directly in it, unpacked or a release zip, is one.
 *
 * @param distributions the distributions found, by name
 * @param skipped       the folders and zips in it that are not distributions, each with why
 */
public record HostFolder(List<Path> distributions, List<String> skipped) {

    /** True when the path is a distribution itself: an unpacked home, or a release zip. */
    public static boolean isDistribution(Path p) {
        return whyNot(p) == null;
    }

    /** Why the path is not a distribution, or null when it is one. */
    private static String whyNot(Path p) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString();
        try {
            if (Files.isRegularFile(p) && name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                try (ZipSource zip = ZipSource.open(p, name)) {
                    LayoutDetector.detect(zip);
                }
            } else {
                LayoutDetector.detect(FolderSource.open(p, name));
            }
            return null;
        } catch (Wso2PortsException e) {
            return e.getMessage().contains("is not a WSO2 distribution") ? "not a WSO2 distribution this plugin knows"
                    : e.getMessage();
        } catch (IOException e) {
            return "it cannot be read";
        }
    }

    /**
     * The distributions directly in a folder that is not one itself, sorted by name; folders and zips that are not
     * distributions are named in {@link #skipped()}, other files are ignored.
     */
    public static HostFolder scan(Path folder) {
        List<Path> found = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<Path> entries;
        try (Stream<Path> s = Files.list(folder)) {
            entries = s.sorted().toList();
        } catch (IOException e) {
            return new HostFolder(List.of(), List.of());
        }
        for (Path p : entries) {
            String name = p.getFileName().toString();
            boolean zip = Files.isRegularFile(p) && name.toLowerCase(Locale.ROOT).endsWith(".zip");
            if (!zip && !Files.isDirectory(p)) {
                continue;
            }
            String why = whyNot(p);
            if (why == null) {
                found.add(p);
            } else {
                skipped.add(name + (zip ? "" : "/") + ": " + why);
            }
        }
        return new HostFolder(List.copyOf(found), List.copyOf(skipped));
    }
}
