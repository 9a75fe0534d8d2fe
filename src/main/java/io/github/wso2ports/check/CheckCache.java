package io.github.wso2ports.check;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a check printed, exported and decided, with the key of its settings and the file-system facts it relied on,
 * so the next build with the same settings and facts can repeat it without reading a distribution. Kept in the JDK's
 * own data streams: it is read first thing on every build, when nothing else is loaded yet. A cache that cannot be
 * read is simply not used.
 *
 * @param key        everything besides the files that decides the result (plugin build, settings), as text
 * @param facts      what the check read, and the reports it wrote (a report changed since is a reason to run again)
 * @param log        the lines printed, each {level, text}
 * @param properties the project properties exported
 * @param failure    the build failure message, or null when it passed
 */
public record CheckCache(String key, List<InputRecord.Fact> facts, List<String[]> log, Map<String, String> properties,
        String failure) {

    private static final int MAGIC = 0x57534f32;
    private static final int VERSION = 1;

    /** The cache in {@code file}, or null when there is none or it cannot be read. */
    public static CheckCache load(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                return null;
            }
            String key = string(in);
            InputRecord.Kind[] kinds = InputRecord.Kind.values();
            List<InputRecord.Fact> facts = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                facts.add(new InputRecord.Fact(kinds[in.readUnsignedByte()], string(in), string(in)));
            }
            List<String[]> log = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                log.add(new String[] {string(in), string(in)});
            }
            Map<String, String> properties = new LinkedHashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                properties.put(string(in), string(in));
            }
            String failure = in.readBoolean() ? string(in) : null;
            return new CheckCache(key, facts, log, properties, failure);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Writes the cache (whole or not at all); a cache that cannot be written is skipped, never a build error. */
    public void save(Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            string(out, key);
            out.writeInt(facts.size());
            for (InputRecord.Fact f : facts) {
                out.writeByte(f.kind().ordinal());
                string(out, f.path());
                string(out, f.value());
            }
            out.writeInt(log.size());
            for (String[] line : log) {
                string(out, line[0]);
                string(out, line[1]);
            }
            out.writeInt(properties.size());
            for (Map.Entry<String, String> e : properties.entrySet()) {
                string(out, e.getKey());
                string(out, e.getValue());
            }
            out.writeBoolean(failure != null);
            if (failure != null) {
                string(out, failure);
            }
        } catch (IOException e) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.write(tmp, bytes.toByteArray());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the next build reads everything again; nothing is lost
        }
    }

    // strings as length and UTF-8 bytes: writeUTF stops at 64 KB
    private static void string(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("truncated");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }
}
