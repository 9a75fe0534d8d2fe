package io.github.wso2ports.hostile;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.apply.ApplyPlan;
import io.github.wso2ports.apply.OffsetApplier;
import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.distribution.LayoutDetector;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.testing.Samples;
import io.github.wso2ports.testing.Trees;

import io.github.wso2ports.check.ReservedPort;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Hostile and broken distributions, fed to apply and to check as they are on disk: each bad input gets a
 * {@link Wso2PortsException} (what the mojos print as one line: file, what is wrong, how to fix it; never a stack
 * trace), nothing is written, and nothing touches the network (a loopback canary that the entity and DTD URLs point
 * at counts every connection). The inputs marked accepted must work.
 */
class HostileInputTest {

    private static final String CARBON = "repository/conf/carbon.xml";
    private static final String TOML = "repository/conf/deployment.toml";
    private static final String DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    private static final String NS = "http://wso2.org/projects/carbon/carbon.xml";

    private static Canary canary;

    @TempDir
    Path temp;

    @BeforeAll
    static void startCanary() {
        canary = new Canary();
    }

    @AfterAll
    static void stopCanary() throws IOException {
        int hits = canary.hits();
        canary.close();
        assertEquals(0, hits, "a hostile input made a network connection");
    }

    enum Goal { APPLY, CHECK }

    /**
     * @param expected what the error says (a fragment of its one-line description), or null when the input is accepted
     * @param accepted checks what an accepted input led to (the home after apply)
     */
    record Case(String name, Consumer<Path> build, List<Goal> goals, String expected, String file,
            Consumer<Path> accepted) {
    }

    private static Case bad(String name, Consumer<Path> build, String file, String expected, Goal... goals) {
        return new Case(name, build, List.of(goals.length == 0 ? Goal.values() : goals), expected, file, null);
    }

    private static Case ok(String name, Consumer<Path> build, Consumer<Path> accepted, Goal... goals) {
        return new Case(name, build, List.of(goals.length == 0 ? Goal.values() : goals), null, null, accepted);
    }

    private static Consumer<Path> carbon(String text) {
        return home -> Trees.write(home.resolve(CARBON), text);
    }

    private static Consumer<Path> carbonBytes(byte[] bytes) {
        return home -> Trees.write(home.resolve(CARBON), bytes);
    }

    private static Consumer<Path> toml(String text) {
        return home -> {
            Trees.write(home.resolve(TOML), text);
            Trees.write(home.resolve(CARBON), Samples.carbonXml(0));
        };
    }

    private static String server(String ports) {
        return DECL + "<Server xmlns=\"" + NS + "\">\n    <Ports>\n" + ports + "    </Ports>\n</Server>\n";
    }

    private static String withDoctype(String doctype, String offset) {
        return DECL + doctype + "\n<Server xmlns=\"" + NS + "\">\n    <Ports>\n        <Offset>" + offset
                + "</Offset>\n    </Ports>\n</Server>\n";
    }

    private static Consumer<Path> offsetIs(String expected) {
        return home -> assertTrue(read(home, CARBON).contains(expected), read(home, CARBON));
    }

    private static String read(Path home, String relative) {
        try {
            return Files.readString(home.resolve(relative), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<Case> cases() {
        String laughs = "<!DOCTYPE Server [<!ENTITY a \"ha\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>";
        List<Case> cases = new ArrayList<>();
        // --- XML ---
        cases.add(bad("external entity to a local file", carbon(withDoctype(
                "<!DOCTYPE Server [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>", "&e;")), CARBON, "DOCTYPE"));
        cases.add(bad("external entity to a URL", carbon(withDoctype(
                "<!DOCTYPE Server [<!ENTITY e SYSTEM \"" + canary.url("entity") + "\">]>", "&e;")), CARBON, "DOCTYPE"));
        cases.add(bad("external DTD", carbon(withDoctype(
                "<!DOCTYPE Server SYSTEM \"" + canary.url("carbon.dtd") + "\">", "0")), CARBON, "DOCTYPE"));
        cases.add(bad("parameter entity to a URL", carbon(withDoctype(
                "<!DOCTYPE Server [<!ENTITY % p SYSTEM \"" + canary.url("p") + "\"> %p;]>", "0")), CARBON, "DOCTYPE"));
        cases.add(bad("billion laughs", carbon(withDoctype(laughs, "&d;")), CARBON, "DOCTYPE"));
        cases.add(ok("XInclude of a URL (never processed)", carbon(DECL + "<Server xmlns=\"" + NS + "\" "
                + "xmlns:xi=\"http://www.w3.org/2001/XInclude\">\n<xi:include href=\"" + canary.url("inc") + "\"/>\n"
                + "    <Ports>\n        <Offset>0</Offset>\n    </Ports>\n</Server>\n"), offsetIs("<Offset>3</Offset>")));
        cases.add(bad("truncated file", carbon(Samples.carbonXml(0).substring(0, 300)), CARBON, "malformed XML"));
        cases.add(bad("empty file", carbon(""), CARBON, "the file is empty"));
        cases.add(bad("binary garbage", carbonBytes(new byte[] {0x50, 0x4b, 3, 4, 0, 0, (byte) 0xff, (byte) 0xfe, 0, 1}),
                CARBON, ""));
        cases.add(bad("NUL bytes in the text", carbonBytes(Samples.carbonXml(0).replace("Sample Server", "Sample\0Server")
                .getBytes(StandardCharsets.ISO_8859_1)), CARBON, ""));
        cases.add(bad("invalid UTF-8 for the declared encoding", carbonBytes(concat(DECL.getBytes(StandardCharsets.UTF_8),
                ("<Server xmlns=\"" + NS + "\"><!-- caf").getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xe9},
                (" --><Ports><Offset>0</Offset></Ports></Server>\n").getBytes(StandardCharsets.UTF_8))), CARBON,
                "UTF-8"));
        cases.add(bad("a UTF-8 byte order mark on a file that declares ISO-8859-1", carbonBytes(concat(
                new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, Samples.carbonXml(0).getBytes(
                StandardCharsets.ISO_8859_1))), CARBON, "UTF-8 byte order mark, but its XML declaration says "
                + "encoding=\"ISO-8859-1\""));
        cases.add(ok("UTF-16 with a byte order mark", carbonBytes(concat(new byte[] {(byte) 0xfe, (byte) 0xff},
                Samples.carbonXml(0).replace("ISO-8859-1", "UTF-16").getBytes(StandardCharsets.UTF_16BE))), home -> {
                    byte[] b = Trees.read(home.resolve(CARBON));
                    assertEquals((byte) 0xfe, b[0]);
                    assertTrue(new String(b, StandardCharsets.UTF_16).contains("<Offset>3</Offset>"));
                }));
        cases.add(ok("UTF-16 without a byte order mark", carbonBytes(Samples.carbonXml(0).replace("ISO-8859-1", "UTF-16")
                .getBytes(StandardCharsets.UTF_16LE)), home -> assertTrue(new String(Trees.read(home.resolve(CARBON)),
                StandardCharsets.UTF_16LE).contains("<Offset>3</Offset>"))));
        // ServerConfiguration takes the first non-blank one: the second is no second opinion
        cases.add(ok("two Offset elements", carbon(server("        <Offset>0</Offset>\n        <Offset>1</Offset>\n")),
                home -> assertTrue(new String(Trees.read(home.resolve(CARBON)), StandardCharsets.ISO_8859_1)
                        .contains("<Offset>3</Offset>\n        <Offset>1</Offset>"))));
        cases.add(bad("Ports missing", carbon(DECL + "<Server xmlns=\"" + NS + "\">\n    <Name>x</Name>\n</Server>\n"),
                CARBON, "Offset"));
        cases.add(bad("Offset missing", carbon(server("        <JMX/>\n")), CARBON, "Offset"));
        cases.add(bad("an empty <Offset/>", carbon(server("        <Offset/>\n")), CARBON, "empty"));
        cases.add(bad("a non-numeric offset", carbon(server("        <Offset>three</Offset>\n")), CARBON, "three"));
        cases.add(bad("a negative offset", carbon(server("        <Offset>-1</Offset>\n")), CARBON, "negative"));
        cases.add(bad("an offset beyond the int range", carbon(server("        <Offset>99999999999</Offset>\n")),
                CARBON, "99999999999"));
        cases.add(bad("an offset beyond the port range", carbon(server("        <Offset>70000</Offset>\n")), CARBON,
                "70000"));
        cases.add(bad("an offset padded with whitespace and newlines", carbon(server("        <Offset>\n\t  0 \n"
                + "        </Offset>\n")), CARBON, "takes no space or line break around the number"));
        cases.add(bad("a ${placeholder} offset", carbon(server("        <Offset>${port.offset}</Offset>\n")), CARBON,
                "${port.offset}"));
        cases.add(bad("a Jinja template tag", carbon(server("        <Offset>{{server.offset}}</Offset>\n")), CARBON,
                "{{server.offset}}"));
        cases.add(bad("another root element", carbon(DECL + "<project><Ports><Offset>0</Offset></Ports></project>\n"),
                CARBON, "not a carbon.xml"));
        // --- TOML ---
        cases.add(bad("duplicate keys", toml("[server]\noffset = 1\noffset = 2\n"), TOML, "offset"));
        cases.add(bad("[server] twice", toml("[server]\nhostname = \"a\"\n[server]\noffset = 2\n"), TOML, "server"));
        cases.add(ok("an offset written as a quoted string", toml("[server]\noffset = \"2\"\n"),
                home -> assertEquals("[server]\noffset = \"3\"\n", read(home, TOML))));
        cases.add(bad("a deployment.toml with a byte order mark", home -> Trees.write(home.resolve(TOML),
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "[server]\noffset = 1\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))), TOML,
                "starts with a byte order mark, which config-mapper's TOML parser rejects"));
        cases.add(bad("invalid TOML", toml("[server\noffset = 2\n"), TOML, ""));
        cases.add(bad("an offset at the top level", toml("offset = 2\n[server]\nhostname = \"a\"\n"), TOML, "top level"));
        cases.add(bad("an offset in the wrong table", toml("[server]\nhostname = \"a\"\n[transport.http]\noffset = 2\n"),
                TOML, "'offset' sits in [transport.http]"));
        cases.add(bad("a fractional offset", toml("[server]\noffset = 2.5\n"), TOML, "2.5"));
        cases.add(bad("a boolean offset", toml("[server]\noffset = true\n"), TOML, "true"));
        cases.add(bad("an offset beyond the port range (TOML)", toml("[server]\noffset = 70000\n"), TOML, "70000"));
        cases.add(bad("[[server]] as an array of tables", toml("[[server]]\nhostname = \"a\"\n"), TOML,
                "[[server]] is an array of tables"));
        // --- file system ---
        cases.add(bad("a read-only config", home -> {
            Trees.write(home.resolve(CARBON), Samples.carbonXml(0));
            setMode(home.resolve(CARBON), "r--r--r--");
        }, CARBON, "read-only", Goal.APPLY));
        cases.add(ok("a read-only config is read", home -> {
            Trees.write(home.resolve(CARBON), Samples.carbonXml(0));
            setMode(home.resolve(CARBON), "r--r--r--");
        }, home -> { }, Goal.CHECK));
        cases.add(bad("a folder where carbon.xml should be", home -> mkdirs(home.resolve(CARBON)), CARBON,
                "is a folder where a file is expected"));
        cases.add(bad("a symlink loop", home -> {
            mkdirs(home.resolve("repository/conf"));
            symlink(home.resolve(CARBON), home.resolve(CARBON));
        }, CARBON, "cannot be read: symbolic links here form a loop"));
        cases.add(bad("a home that is a symlink loop", home -> symlink(home, home), "",
                "the distribution home leads into a loop of symbolic links"));
        cases.add(bad("a home that links to nothing", home -> symlink(home, home.resolveSibling("gone")), "",
                "the distribution home is a symbolic link to '"));
        cases.add(bad("a conf folder that is a symlink loop", home -> {
            mkdirs(home.resolve("repository"));
            symlink(home.resolve("repository/conf"), home.resolve("repository/conf"));
        }, "repository/conf", "leads into a loop of symbolic links, so the distribution cannot be read"));
        cases.add(bad("a missing home", home -> { }, "", "does not exist"));
        cases.add(bad("a home that is a file", home -> Trees.write(home, "not a folder"), "", "not a folder"));
        cases.add(bad("a home without an offset file", home -> Trees.write(home.resolve("README.txt"), "hello"), "",
                "carbon.xml"));
        // --- zip (check reads it in place; apply never edits archives) ---
        String top = "wso2am-2.6.0/";
        byte[] carbon = Samples.carbonXml(0).getBytes(StandardCharsets.UTF_8);
        cases.add(bad("a zip entry that climbs out with ../", zipHome(Map.of(top + CARBON, carbon,
                top + "../../etc/cron.d/x", new byte[] {1})), "!/" + top + "../../etc/cron.d/x", "climbs out",
                Goal.CHECK));
        cases.add(bad("a zip entry with an absolute path", zipHome(Map.of(top + CARBON, carbon, "/etc/passwd",
                new byte[] {1})), "!//etc/passwd", "absolute", Goal.CHECK));
        cases.add(bad("a zip bomb", zipHome(Map.of(top + CARBON, new byte[17 * 1024 * 1024])), "!/" + CARBON,
                "inflates to more than", Goal.CHECK));
        cases.add(bad("a truncated zip", home -> {
            byte[] whole = zip(Map.of(top + CARBON, carbon, top + "README.txt", new byte[4096]));
            Trees.write(home, java.util.Arrays.copyOf(whole, whole.length / 2));
        }, "", "the archive is damaged (its end record is missing", Goal.CHECK));
        cases.add(bad("a zip entry whose data is corrupt", home -> {
            byte[] whole = zip(Map.of(top + CARBON, carbon));
            int data = 30 + (top + CARBON).length();
            for (int i = data + 10; i < data + 40; i++) {
                whole[i] ^= 0x5a;
            }
            Trees.write(home, whole);
        }, "!/" + CARBON, "the archive is damaged (", Goal.CHECK));
        cases.add(bad("a zip without the offset file", zipHome(Map.of(top + "README.txt", new byte[] {1})), "",
                "not a WSO2 distribution", Goal.CHECK));
        cases.add(bad("not a zip at all", home -> Trees.write(home, "PK but not really"), "",
                "the archive is damaged (its end record is missing", Goal.CHECK));
        return cases;
    }

    /** A home that is a zip of these entries (written as home.zip: check opens homes named *.zip as archives). */
    private static Consumer<Path> zipHome(Map<String, byte[]> entries) {
        return home -> Trees.write(home, zip(new java.util.TreeMap<>(entries)));
    }

    @TestFactory
    List<DynamicTest> hostileInputs() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : cases()) {
            for (Goal goal : c.goals()) {
                Path root = temp.resolve(String.valueOf(tests.size()));
                tests.add(DynamicTest.dynamicTest(goal.name().toLowerCase() + ": " + c.name() + (c.expected() == null
                        ? " (accepted)" : ""), () -> run(c, goal, root)));
            }
        }
        return tests;
    }

    private void run(Case c, Goal goal, Path root) {
        mkdirs(root);
        Path home = root.resolve(c.name().contains("zip") ? "home.zip" : "home");
        c.build().accept(home);
        Map<String, byte[]> before = Trees.snapshot(root);
        int hits = canary.hits();
        Wso2PortsException error = null;
        try {
            if (goal == Goal.APPLY) {
                Distribution d = LayoutDetector.detect(FolderSource.open(home, "home"));
                ApplyPlan plan = OffsetApplier.plan(d, null, 3, new OffsetApplier.Options(false));
                OffsetApplier.write(plan);
            } else {
                EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec("x", home,
                        home.getFileName().toString(),
                        "localhost", null, null, null, "apply")), Catalog.builtIn());
                if (!r.errors().isEmpty()) {
                    assertEquals(1, r.errors().size(), r.errors().toString());
                    throw r.errors().get(0);
                }
            }
        } catch (Wso2PortsException e) {
            error = e;
        } catch (RuntimeException e) {
            fail(c.name() + ": not a clear error but " + e, e);
        }
        assertEquals(hits, canary.hits(), "network access");
        if (System.getProperty("hostile.print") != null) {
            System.out.println("CASE " + goal + " " + c.name() + " => " + (error == null ? "ACCEPTED" : error.describe()));
        }
        if (c.expected() == null) {
            if (error != null) {
                fail(c.name() + " must be accepted, but: " + error.describe());
            }
            if (goal == Goal.APPLY) {
                c.accepted().accept(home);
            } else {
                assertUnchanged(before, root);
            }
            return;
        }
        assertNotNull(error, c.name() + " was accepted");
        String said = error.describe();
        String shown = home.getFileName().toString();
        String file = c.file().isEmpty() ? "" : c.file().startsWith("!") ? c.file() : "/" + c.file();
        assertTrue(said.startsWith(shown + file), said);
        assertTrue(said.contains(c.expected()), said);
        assertUnchanged(before, root);
    }

    private static void assertUnchanged(Map<String, byte[]> before, Path root) {
        Map<String, byte[]> after = Trees.snapshot(root);
        assertEquals(before.keySet(), after.keySet(), "files appeared or vanished");
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
    }

    /**
     * A file its reader may not read. Root reads anything, so as root the read runs in a JVM of its own as nobody
     * (setpriv), with the classpath copied where nobody can read it.
     */
    @Test
    void anUnreadableFileIsNamedNotSkipped() throws Exception {
        Path root = Files.createTempDirectory("wso2ports-unreadable");
        try {
            setMode(root, "rwxr-xr-x");
            Path home = root.resolve("home");
            Trees.write(home.resolve(CARBON), Samples.carbonXml(0));
            setMode(home.resolve(CARBON), "---------");
            String said;
            if (!"root".equals(System.getProperty("user.name"))) {
                EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec("x", home, "home",
                        "localhost", null, null, null, "apply")), Catalog.builtIn());
                said = r.errors().isEmpty() ? "read" : r.errors().get(0).describe();
            } else {
                Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv")), "setpriv is needed to test "
                        + "an unreadable file as root");
                said = readAsNobody(root, home);
            }
            assertTrue(said.startsWith("home/" + CARBON + ": instance x: cannot be read: permission denied"), said);
        } finally {
            setMode(root.resolve("home/" + CARBON), "rw-------");
            org.apache.commons.io.file.PathUtils.deleteDirectory(root);
        }
    }

    private static String readAsNobody(Path root, Path home) throws Exception {
        Path lib = root.resolve("lib");
        List<String> classpath = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path from = Path.of(entry);
            Path to = lib.resolve(n++ + "-" + from.getFileName());
            if (Files.isDirectory(from)) {
                Trees.copy(from, to);
            } else if (Files.isRegularFile(from)) {
                mkdirs(lib);
                Files.copy(from, to);
            } else {
                continue;
            }
            classpath.add(to.toString());
        }
        try (var walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (!p.equals(home.resolve(CARBON))) {
                    setMode(p, Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--");
                }
            }
        }
        Process p = new ProcessBuilder("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                String.join(java.io.File.pathSeparator, classpath), ReadEstate.class.getName(), home.toString())
                .directory(root.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out.lines().findFirst().orElse("").replace(home.toString(), "home");
    }

    /** Pom settings that make no sense are build errors that say which setting, before anything is read. */
    @Test
    void badPomSettingsAreNamed() {
        Path home = temp.resolve("pom/wso2ei-6.6.0");
        Trees.write(home.resolve("conf/carbon.xml"), Samples.carbonXml(0));
        Trees.write(home.resolve("wso2/broker/conf/carbon.xml"), Samples.carbonXml(3));
        EstateReader.InstanceSpec a = new EstateReader.InstanceSpec("ei", home, "dist/ei", "h", null, null, null, "apply");
        EstateReader.InstanceSpec b = new EstateReader.InstanceSpec("ei", home, "dist/ei", "h", null, null, null, "apply");
        EstateReader.InstanceSpec empty = new EstateReader.InstanceSpec(" ", home, "dist/ei", "h", null, null, null,
                "apply");
        EstateReader.InstanceSpec runtime = new EstateReader.InstanceSpec("rt", home, "dist/ei", "h", null, "brokr", null,
                "apply");
        EstateReader.Result r = EstateReader.read(List.of(a, b, empty, runtime), Catalog.builtIn(),
                io.github.wso2ports.Location.of("pom.xml <instances>"));
        List<String> said = r.errors().stream().map(Wso2PortsException::describe).toList();
        assertEquals(3, said.size(), said.toString());
        assertEquals("pom.xml <instances>: two instances have the id 'ei'. Give every instance a unique id",
                said.get(0));
        assertEquals("pom.xml <instances>: an <instance> has no <id>. Give every instance a unique id", said.get(1));
        assertTrue(said.get(2).startsWith("dist/ei: instance rt: ") && said.get(2).contains("brokr"), said.get(2));
        Wso2PortsException backwards = org.junit.jupiter.api.Assertions.assertThrows(Wso2PortsException.class,
                () -> ReservedPort.of("9000-8000", "tcp", null, "db", "pom.xml <reservedPorts>", null));
        assertEquals("pom.xml <reservedPorts>: the port range '9000-8000' runs backwards. Write the lower port first: "
                + "8000-9000",
                backwards.describe());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void setMode(Path file, String mode) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static void symlink(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream os = bytes; ZipOutputStream out = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry z = new ZipEntry(e.getKey());
                CRC32 crc = new CRC32();
                crc.update(e.getValue());
                out.putNextEntry(z);
                out.write(e.getValue());
                out.closeEntry();
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return bytes.toByteArray();
    }
}
