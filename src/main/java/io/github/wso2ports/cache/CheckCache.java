package io.github.wso2ports.cache;

import io.github.wso2ports.Printer;
import io.github.wso2ports.check.CheckRequest;
import io.github.wso2ports.check.Verdict;
import io.github.wso2ports.distribution.InputRecord;

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
 * A check's verdict, with the request it answered and the file-system facts it relied on, so the next build with the
 * same request and facts can repeat it without reading a distribution. Kept in the JDK's own data streams: it is read
 * first thing on every build, when nothing else is loaded yet. A cache that cannot be read is simply not used.
 *
 * @param key     the plugin build and the request ({@link #key}); a build whose key differs reads everything
 * @param facts   what the check read, and the reports it wrote (a report changed since is a reason to run again)
 * @param verdict what the check showed and decided
 * @param reports the report files written, absolute
 */
public record CheckCache(String key, List<InputRecord.Fact> facts, Verdict verdict, List<String> reports) {

    private static final int MAGIC = 0x57534f32;
    private static final int VERSION = 2;

    /**
     * The key of a request: the plugin build and every value of the request. A setting that reaches the check
     * reaches it through the request, so it is in the key by construction.
     *
     * @param plugin the plugin's id and what identifies its jar
     */
    public static String key(String plugin, CheckRequest request) {
        return "plugin " + plugin + "\n" + request;
    }

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
            Printer.Level[] levels = Printer.Level.values();
            List<Printer.Line> lines = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                lines.add(new Printer.Line(levels[in.readUnsignedByte()], string(in)));
            }
            Map<String, String> properties = new LinkedHashMap<>();
            for (int n = in.readInt(); n > 0; n--) {
                properties.put(string(in), string(in));
            }
            String summary = string(in);
            String failure = in.readBoolean() ? string(in) : null;
            List<String> reports = new ArrayList<>();
            for (int n = in.readInt(); n > 0; n--) {
                reports.add(string(in));
            }
            return new CheckCache(key, facts, new Verdict(lines, properties, summary, failure), reports);
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
            out.writeInt(verdict.lines().size());
            for (Printer.Line line : verdict.lines()) {
                out.writeByte(line.level().ordinal());
                string(out, line.text());
            }
            out.writeInt(verdict.properties().size());
            for (Map.Entry<String, String> e : verdict.properties().entrySet()) {
                string(out, e.getKey());
                string(out, e.getValue());
            }
            string(out, verdict.summary());
            out.writeBoolean(verdict.failure() != null);
            if (verdict.failure() != null) {
                string(out, verdict.failure());
            }
            out.writeInt(reports.size());
            for (String report : reports) {
                string(out, report);
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
