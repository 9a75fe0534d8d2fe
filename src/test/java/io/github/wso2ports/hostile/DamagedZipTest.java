package io.github.wso2ports.hostile;

import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.testing.Corpus;
import io.github.wso2ports.testing.Zips;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real distribution's zip, damaged the ways downloads and repacks damage them (issue 11, item 7): check says the
 * archive is damaged, in words, and what to do; two entries of one name are refused naming both; a name with '.' and
 * '..' that stays inside is read like any other.
 */
class DamagedZipTest {

    private static final String DIST = "wso2am-2.6.0";
    private static final String CARBON = DIST + "/repository/conf/carbon.xml";

    @TempDir
    Path temp;

    private static int eocd(byte[] z) {
        for (int i = z.length - 22; i >= 0; i--) {
            if (z[i] == 0x50 && z[i + 1] == 0x4b && z[i + 2] == 0x05 && z[i + 3] == 0x06) {
                return i;
            }
        }
        throw new IllegalStateException("no end record");
    }

    /** The central directory record of an entry: its name's last occurrence, less the record's fixed 46 bytes. */
    private static int cen(byte[] z, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        for (int i = z.length - n.length; i >= 0; i--) {
            if (java.util.Arrays.equals(z, i, i + n.length, n, 0, n.length)) {
                return i - 46;
            }
        }
        throw new IllegalStateException(name);
    }

    private static byte[] putInt(byte[] z, int at, long value) {
        ByteBuffer.wrap(z).order(ByteOrder.LITTLE_ENDIAN).putInt(at, (int) value);
        return z;
    }

    private static int getInt(byte[] z, int at) {
        return ByteBuffer.wrap(z).order(ByteOrder.LITTLE_ENDIAN).getInt(at);
    }

    private static String check(Path zip) {
        EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec("am", zip, "dist/" + DIST + ".zip",
                "localhost", null, null, null, "apply")), Catalog.builtIn());
        assertEquals(1, r.errors().size(), r.errors().toString());
        return r.errors().get(0).describe();
    }

    @TestFactory
    List<DynamicTest> aDamagedArchiveIsNamedDamagedInWords() throws IOException {
        Path good = Zips.zip(Corpus.files().resolve(DIST), temp.resolve("good.zip"));
        byte[] zip = Files.readAllBytes(good);
        record Damage(String name, UnaryOperator<byte[]> how, String where, String what) {
        }
        List<Damage> damages = List.of(
                new Damage("cut short", z -> java.util.Arrays.copyOf(z, z.length - 30), "",
                        "its end record is missing: the file is cut short, or is not a zip"),
                new Damage("a central directory that points past the end", z -> putInt(z, eocd(z) + 16, z.length + 4096),
                        "", "its central directory is broken or points past the end of the file"),
                new Damage("a broken end record (a central directory larger than the file)",
                        z -> putInt(z, eocd(z) + 12, z.length * 2L), "",
                        "its central directory is broken or points past the end of the file"),
                new Damage("a compressed size that lies (too small)",
                        z -> putInt(z, cen(z, CARBON) + 20, getInt(z, cen(z, CARBON) + 20) / 2), "!/repository/conf/carbon.xml",
                        "an entry ends before its data does"),
                new Damage("an uncompressed size that lies", z -> putInt(z, cen(z, CARBON) + 24, 100),
                        "!/repository/conf/carbon.xml", "an entry is not the size its header says"),
                new Damage("flipped bytes in the compressed data", z -> {
                    int data = getInt(z, cen(z, CARBON) + 42) + 30 + CARBON.length();
                    for (int i = 40; i < 60; i++) {
                        z[data + i] ^= (byte) 0x5a;
                    }
                    return z;
                }, "!/repository/conf/carbon.xml", "the archive is damaged ("));
        List<DynamicTest> tests = new ArrayList<>();
        for (Damage d : damages) {
            tests.add(DynamicTest.dynamicTest(d.name(), () -> {
                Path home = temp.resolve(d.name().replaceAll("\\W+", "-")).resolve(DIST + ".zip");
                Files.createDirectories(home.getParent());
                Files.write(home, d.how().apply(zip.clone()));
                String message = check(home);
                assertTrue(message.startsWith("dist/" + DIST + ".zip" + d.where() + ": instance am: the archive is "
                        + "damaged ("), message);
                assertTrue(message.contains(d.what()), message);
                assertTrue(message.endsWith("): download or repack it"), message);
                assertTrue(!message.contains("Exception") && !message.contains("ZLIB"), message);
            }));
        }
        return tests;
    }

    /** The distribution zipped with every entry named by {@code rename}. */
    private Path zipRenamed(UnaryOperator<String> rename, Path to) throws IOException {
        Path folder = Corpus.files().resolve(DIST);
        try (OutputStream os = Files.newOutputStream(to); ZipOutputStream out = new ZipOutputStream(os);
                Stream<Path> files = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                out.putNextEntry(new ZipEntry(rename.apply(DIST + "/" + folder.relativize(p).toString().replace('\\', '/'))));
                Files.copy(p, out);
                out.closeEntry();
            }
        }
        return to;
    }

    @Test
    void twoEntriesOfOneNameAreRefusedNamingBoth() throws IOException {
        // the real carbon.xml and another one written as carbon.xmZ, then renamed in both headers: two carbon.xml
        Path home = temp.resolve("twice").resolve(DIST + ".zip");
        Files.createDirectories(home.getParent());
        zipRenamed(n -> n, home);
        byte[] real = Files.readAllBytes(Corpus.files().resolve(CARBON));
        byte[] other = "<Server><Ports><Offset>9</Offset></Ports></Server>".getBytes(StandardCharsets.UTF_8);
        Path withOther = temp.resolve("other.zip");
        try (OutputStream os = Files.newOutputStream(withOther); ZipOutputStream out = new ZipOutputStream(os)) {
            try (java.util.zip.ZipFile in = new java.util.zip.ZipFile(home.toFile())) {
                for (ZipEntry e : java.util.Collections.list(in.entries())) {
                    out.putNextEntry(new ZipEntry(e.getName()));
                    in.getInputStream(e).transferTo(out);
                    out.closeEntry();
                }
            }
            out.putNextEntry(new ZipEntry(CARBON.replace("carbon.xml", "carbon.xmZ")));
            out.write(other);
            out.closeEntry();
        }
        String text = Files.readString(withOther, StandardCharsets.ISO_8859_1).replace("carbon.xmZ", "carbon.xml");
        Files.writeString(home, text, StandardCharsets.ISO_8859_1);
        String message = check(home);
        assertTrue(message.startsWith("dist/" + DIST + ".zip!/repository/conf/carbon.xml: instance am: the archive "
                + "holds this file twice, as '" + CARBON + "' (" + real.length + " bytes) and as '" + CARBON + "' ("
                + other.length + " bytes)"), message);
        assertTrue(message.endsWith("the archive is refused. Repack it with one of them"), message);
    }

    @Test
    void aNameThatStaysInsideIsNormalisedNotAnEscape() throws IOException {
        Path plain = temp.resolve("plain");
        Path dotted = temp.resolve("dotted");
        Files.createDirectories(plain);
        Files.createDirectories(dotted);
        Path a = zipRenamed(n -> n, plain.resolve(DIST + ".zip"));
        Path b = zipRenamed(n -> n.replace(DIST + "/repository/", DIST + "/./repository/../repository//"),
                dotted.resolve(DIST + ".zip"));
        EstateReader.Result ra = EstateReader.read(List.of(new EstateReader.InstanceSpec("am", a, "a.zip", "localhost",
                null, null, null, "apply")), Catalog.builtIn());
        EstateReader.Result rb = EstateReader.read(List.of(new EstateReader.InstanceSpec("am", b, "a.zip", "localhost",
                null, null, null, "apply")), Catalog.builtIn());
        assertEquals(List.of(), rb.errors());
        List<String> portsA = ra.instances().get(0).config().ports().stream().map(p -> p.entry().id() + " " + p.base() + " " + p.location())
                .toList();
        List<String> portsB = rb.instances().get(0).config().ports().stream().map(p -> p.entry().id() + " " + p.base() + " " + p.location())
                .toList();
        assertEquals(portsA, portsB);
        assertTrue(portsB.size() > 10, portsB.toString());
    }
}
