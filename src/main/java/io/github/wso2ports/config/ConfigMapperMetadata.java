package io.github.wso2ports.config;

import io.github.wso2ports.Location;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * config-mapper's {@code repository/resources/conf/.metadata/metadata_config.properties}: the MD5 (lower-case hex)
 * of every file it generated and of deployment.toml, keyed by the path relative to the home with the OS's separator,
 * written by {@code java.util.Properties.store} (wso2/config-mapper {@code MetaDataParser}). Read as leniently as
 * WSO2 reads it, keeping each key's line.
 */
public final class ConfigMapperMetadata {

    /** Where config-mapper keeps it, relative to the home (MI included: its templates are under repository/ too). */
    public static final String PATH = "repository/resources/conf/.metadata/metadata_config.properties";

    /** A recorded MD5 and the line that records it. */
    public record Entry(String md5, Location location) {
    }

    private final Map<String, Entry> entries;

    private ConfigMapperMetadata(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static ConfigMapperMetadata parse(Location location, byte[] bytes) {
        Map<String, Entry> entries = new HashMap<>();
        // Properties.store writes ISO-8859-1 (other characters escaped) and never continues a line
        String[] lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Properties one = new Properties();
            try {
                one.load(new StringReader(lines[i]));
            } catch (IOException | IllegalArgumentException e) {
                continue; // a line WSO2 could not read either (a malformed escape)
            }
            for (String key : one.stringPropertyNames()) {
                String path = key.replace('\\', '/');
                path = path.startsWith("./") ? path.substring(2) : path;
                entries.put(path, new Entry(one.getProperty(key).strip().toLowerCase(Locale.ROOT),
                        location.atLine(i + 1)));
            }
        }
        return new ConfigMapperMetadata(entries);
    }

    /** The recorded MD5 of a file by its path relative to the home, or null when none is recorded. */
    public Entry get(String relativePath) {
        return entries.get(relativePath);
    }

    /** The MD5 of some bytes as config-mapper records it (commons-codec {@code md5Hex}). */
    public static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has MD5", e);
        }
    }
}
