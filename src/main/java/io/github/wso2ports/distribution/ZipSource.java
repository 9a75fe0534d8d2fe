package io.github.wso2ports.distribution;

import io.github.wso2ports.IoWords;
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
import java.util.zip.CRC32;
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
            throw damaged(Location.of(displayZip), e);
        } catch (IOException e) {
            IoWords words = IoWords.of(e, false);
            throw new Wso2PortsException(Location.of(displayZip), "cannot be read: " + words.problem(), words.fix(), e);
        }
        try {
            Map<String, List<ZipEntry>> raw = new TreeMap<>();
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                String n = normalise(e.getName());
                if (n == null) {
                    throw new Wso2PortsException(Location.of(displayZip + "!/" + e.getName()), "this entry name is "
                            + "absolute or climbs out of the archive ('..'), so the archive is refused",
                            "Use the distribution's original release zip");
                }
                if (!e.isDirectory() && !n.isEmpty()) {
                    raw.computeIfAbsent(n, k -> new ArrayList<>()).add(e);
                }
            }
            String prefix = singleTopFolder(raw.keySet());
            TreeMap<String, ZipEntry> entries = new TreeMap<>();
            for (Map.Entry<String, List<ZipEntry>> named : raw.entrySet()) {
                List<ZipEntry> same = named.getValue();
                if (same.size() > 1) {
                    // which of them an unzip keeps depends on the tool: there is no one config to check
                    ZipEntry a = same.get(0);
                    ZipEntry b = same.get(1);
                    throw new Wso2PortsException(Location.of(displayZip + "!/" + named.getKey().substring(prefix.length())),
                            "the archive holds this file " + (same.size() == 2 ? "twice" : same.size() + " times")
                                    + ", as '" + a.getName() + "' (" + a.getSize() + " bytes) and as '" + b.getName()
                                    + "' (" + b.getSize() + " bytes), so which one a server gets depends on the unzip "
                                    + "tool; the archive is refused", "Repack it with one of them");
                }
                entries.put(named.getKey().substring(prefix.length()), same.get(0));
            }
            String fileName = file.getFileName().toString();
            String name = prefix.isEmpty() ? fileName.replaceFirst("(?i)\\.zip$", "")
                    : prefix.substring(0, prefix.length() - 1);
            return new ZipSource(zip, displayZip, name, entries);
        } catch (IllegalArgumentException e) {
            // ZipFile's entries() throws it for a name that is not valid in the archive's encoding
            close(zip);
            throw new Wso2PortsException(Location.of(displayZip), "the archive is damaged (an entry name is not "
                    + "valid UTF-8: " + e.getMessage() + "): download or repack it", null, e);
        } catch (RuntimeException e) {
            close(zip);
            throw e;
        }
    }

    private static void close(ZipFile zip) {
        try {
            zip.close();
        } catch (IOException ignored) {
            // the archive was refused; closing it is best effort
        }
    }

    /**
     * An entry name as a path inside the archive: separators made '/', '.' and empty segments dropped, '..' resolved
     * ({@code a/./conf/../conf/x} is {@code a/conf/x}); null when it is absolute or climbs out.
     */
    static String normalise(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            return null;
        }
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String part : n.split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.addLast(part);
            }
        }
        return String.join("/", parts);
    }

    /**
     * A zip the JDK cannot read, in words a user can act on: "the archive is damaged (what is wrong): download or
     * repack it".
     */
    static Wso2PortsException damaged(Location where, IOException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        String what;
        if (m.contains("END header not found") || m.contains("zip file is empty")) {
            what = "its end record is missing: the file is cut short, or is not a zip";
        } else if (m.contains("END header") || m.contains("CEN header") || m.contains("central directory")
                || m.contains("zip64")) {
            what = "its central directory is broken or points past the end of the file";
        } else if (m.contains("LOC header")) {
            what = "an entry's header is broken";
        } else if (m.contains("entry size") || m.contains("compressed size")) {
            what = "an entry is not the size its header says";
        } else if (e instanceof java.io.EOFException || m.contains("Unexpected end of ZLIB")) {
            what = "an entry ends before its data does";
        } else if (e instanceof ZipException) {
            what = "an entry's compressed data is corrupt: " + m;
        } else {
            what = IoWords.of(e, false).problem();
        }
        return new Wso2PortsException(where, "the archive is damaged (" + what + "): download or repack it", null, e);
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
            // the JDK checks neither for a deflated entry: a damaged archive must not pass for a config
            if (e.getSize() >= 0 && e.getSize() != bytes.length) {
                throw damaged(where, new ZipException("invalid entry size (expected " + e.getSize() + " but got "
                        + bytes.length + " bytes)"));
            }
            CRC32 crc = new CRC32();
            crc.update(bytes);
            if (e.getCrc() >= 0 && e.getCrc() != crc.getValue()) {
                throw new Wso2PortsException(where, "the archive is damaged (this entry's data does not match its "
                        + "checksum): download or repack it", null);
            }
            return bytes;
        } catch (ZipException | java.io.EOFException ex) {
            throw damaged(where, ex);
        } catch (IOException ex) {
            IoWords words = IoWords.of(ex, false);
            throw new Wso2PortsException(where, "cannot be read: " + words.problem(), words.fix(), ex);
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
