package io.github.wso2ports.distribution;

import io.github.wso2ports.Location;
import io.github.wso2ports.Unexpected;
import io.github.wso2ports.Wso2PortsException;

import org.apache.commons.io.input.BoundedInputStream;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A distribution read in place from its release zip: only the entries asked for are inflated, nothing is
 * unpacked, and entry names are never used as file paths. A single top-level folder (as in WSO2's zips) is the
 * distribution's home.
 */
public final class ZipSource implements DistributionSource, Closeable {

    private final ZipFile zip;
    private final String displayZip;
    private final String name;
    private final TreeMap<String, ZipEntry> entries;

    private ZipSource(ZipFile zip, String displayZip, String name, TreeMap<String, ZipEntry> entries) {
        this.zip = zip;
        this.displayZip = displayZip;
        this.name = name;
        this.entries = entries;
    }

    /**
     * @param displayZip how the zip is shown in messages (relative to the project or working folder)
     */
    public static ZipSource open(Path file, String displayZip) {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new Wso2PortsException(Location.of(displayZip), "is not a readable zip archive (" + e.getMessage()
                    + ")", "Check that the download is complete");
        } catch (IOException e) {
            throw new Wso2PortsException(Location.of(displayZip), "cannot be read: " + e, null, e);
        }
        try {
            Map<String, ZipEntry> raw = new TreeMap<>();
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                String n = e.getName().replace('\\', '/');
                if (n.startsWith("/") || n.matches("^[A-Za-z]:.*") || ("/" + n + "/").contains("/../")) {
                    throw new Wso2PortsException(Location.of(displayZip + "!/" + n), "this entry name is absolute "
                            + "or climbs out of the archive ('..'), so the archive is refused",
                            "Use the distribution's original release zip");
                }
                if (!e.isDirectory()) {
                    raw.put(n, e);
                }
            }
            String prefix = singleTopFolder(raw.keySet());
            TreeMap<String, ZipEntry> entries = new TreeMap<>();
            raw.forEach((n, e) -> entries.put(n.substring(prefix.length()), e));
            String fileName = file.getFileName().toString();
            String name = prefix.isEmpty() ? fileName.replaceFirst("(?i)\\.zip$", "")
                    : prefix.substring(0, prefix.length() - 1);
            return new ZipSource(zip, displayZip, name, entries);
        } catch (RuntimeException e) {
            try {
                zip.close();
            } catch (IOException ignored) {
                // the archive was refused; closing it is best effort
            }
            throw e;
        }
    }

    private static String singleTopFolder(Iterable<String> names) {
        String top = null;
        for (String n : names) {
            int slash = n.indexOf('/');
            if (slash < 0) {
                return "";
            }
            String first = n.substring(0, slash + 1);
            if (top == null) {
                top = first;
            } else if (!top.equals(first)) {
                return "";
            }
        }
        return top == null ? "" : top;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isFile(String relativePath) {
        return entries.containsKey(relativePath);
    }

    @Override
    public boolean isDirectory(String relativePath) {
        String prefix = relativePath.endsWith("/") ? relativePath : relativePath + "/";
        String next = entries.ceilingKey(prefix);
        return next != null && next.startsWith(prefix);
    }

    @Override
    public List<String> list(String relativeFolder) {
        String prefix = relativeFolder.endsWith("/") ? relativeFolder : relativeFolder + "/";
        TreeSet<String> names = new TreeSet<>();
        for (String n : entries.tailMap(prefix).keySet()) {
            if (!n.startsWith(prefix)) {
                break;
            }
            String rest = n.substring(prefix.length());
            int slash = rest.indexOf('/');
            names.add(slash < 0 ? rest : rest.substring(0, slash));
        }
        return new ArrayList<>(names);
    }

    @Override
    public byte[] read(String relativePath) {
        ZipEntry e = entries.get(relativePath);
        Location where = location(relativePath);
        Unexpected.reading(where);
        if (e == null) {
            throw new Wso2PortsException(where, "is not in the archive", null);
        }
        long max = FolderSource.MAX_CONFIG_BYTES;
        try (InputStream in = BoundedInputStream.builder().setInputStream(zip.getInputStream(e))
                .setMaxCount(max + 1).get()) {
            byte[] bytes = in.readAllBytes();
            if (bytes.length > max) {
                throw new Wso2PortsException(where, "inflates to more than " + max + " bytes, too large for a config "
                        + "file", "Check that the archive is a WSO2 distribution");
            }
            return bytes;
        } catch (ZipException ex) {
            throw new Wso2PortsException(where, "cannot be inflated: " + ex.getMessage(),
                    "The archive is corrupt: download it again", ex);
        } catch (IOException ex) {
            throw new Wso2PortsException(where, "cannot be read: " + ex, null, ex);
        }
    }

    @Override
    public Location homeLocation() {
        return Location.of(displayZip);
    }

    @Override
    public Location location(String relativePath) {
        return Location.of(displayZip + "!/" + relativePath);
    }

    @Override
    public Path path(String relativePath) {
        return null;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
