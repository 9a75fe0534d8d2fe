package io.github.wso2ports.rewrite;

import io.github.wso2ports.apply.ApplyPlan;
import io.github.wso2ports.apply.OffsetApplier;
import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.distribution.LayoutDetector;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.apache.commons.io.file.PathUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * apply's edits change the value and nothing else, whatever surrounds it: random comments (holding decoy offsets),
 * whitespace, CRLF or LF, a byte order mark, both attribute quotes, decoy elements and keys, padding around the element.
 * Each generated file is built from parts, so the expected result is known exactly: the bytes before the value, the
 * new value, the bytes after it.
 */
class RewriteProperties {

    private static final String NS = "http://wso2.org/projects/carbon/carbon.xml";
    private static Path root;
    private static final AtomicInteger TRY = new AtomicInteger();

    @BeforeContainer
    static void folder() throws IOException {
        root = Files.createTempDirectory("wso2ports-properties");
    }

    @AfterContainer
    static void clean() throws IOException {
        PathUtils.deleteDirectory(root);
    }

    /** A file as parts: what comes before the value, the value, what comes after, and how it is encoded. */
    record Parts(String before, String value, String after, Charset charset, boolean bom) {

        byte[] bytes(String v) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (bom) {
                out.writeBytes(charset == StandardCharsets.UTF_8 ? new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}
                        : new byte[] {(byte) 0xfe, (byte) 0xff});
            }
            out.writeBytes((before + v + after).getBytes(charset == StandardCharsets.UTF_16 ? StandardCharsets.UTF_16BE
                    : charset));
            return out.toByteArray();
        }
    }

    private static ApplyPlan plan(String relative, Parts parts, int offset) throws IOException {
        Path home = root.resolve("try-" + TRY.incrementAndGet());
        Path file = home.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, parts.bytes(parts.value()));
        try {
            return OffsetApplier.plan(LayoutDetector.detect(FolderSource.open(home, "home")), null, offset,
                    new OffsetApplier.Options(false));
        } finally {
            PathUtils.deleteDirectory(home);
        }
    }

    @Property(tries = 300)
    void carbonXmlEditsTheOffsetAlone(@ForAll("carbonXml") Parts parts, @ForAll("offsets") int offset)
            throws IOException {
        ApplyPlan plan = plan("repository/conf/carbon.xml", parts, offset);
        assertArrayEquals(parts.bytes(parts.value()), plan.edit().before());
        assertArrayEquals(parts.bytes(parts.value().replace("0", String.valueOf(offset))), plan.edit().after(),
                () -> new String(plan.edit().after(), parts.charset()));
    }

    @Property(tries = 300)
    void deploymentTomlEditsTheOffsetAlone(@ForAll("deploymentToml") Parts parts, @ForAll("offsets") int offset)
            throws IOException {
        ApplyPlan plan = plan("repository/conf/deployment.toml", parts, offset);
        String value = parts.value().startsWith("\"") ? "\"" + offset + "\"" : String.valueOf(offset);
        assertArrayEquals(parts.bytes(value), plan.edit().after(), () -> new String(plan.edit().after(),
                StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<Integer> offsets() {
        return Arbitraries.integers().between(1, 2000);
    }

    private static Arbitrary<String> newline() {
        return Arbitraries.of("\n", "\r\n");
    }

    private static Arbitrary<String> blank() {
        return Arbitraries.of("", " ", "\t", "  ", " \t ");
    }

    @Provide
    Arbitrary<Parts> carbonXml() {
        Arbitrary<Charset> charset = Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
                StandardCharsets.UTF_16);
        Arbitrary<String> decoy = Arbitraries.of(
                "<!-- <Offset>9</Offset> -->",
                "<!--\n  <Ports><Offset>8</Offset></Ports>\n-->",
                "<?decoy <Offset>7</Offset>?>",
                "<Other xmlns=\"urn:decoy\"><Offset>6</Offset></Other>",
                "<Note><![CDATA[<Offset>5</Offset> & more]]></Note>",
                "<Name a='x' b=\"y &amp; z\">caf\u00e9</Name>",
                "");
        Arbitrary<List<String>> decoys = decoy.list().uniqueElements().ofMaxSize(4);
        Arbitrary<String> padding = Arbitraries.of("", " ", "\n\t", "  \n  ");
        return Combinators.combine(charset, Arbitraries.of(true, false), newline(), blank(), decoys, decoys,
                padding, padding).as((cs, bom, nl, indent, outside, inside, pre, post) -> {
                    boolean withBom = cs == StandardCharsets.UTF_16 || (bom && cs == StandardCharsets.UTF_8);
                    String name = cs == StandardCharsets.UTF_16 ? "UTF-16" : cs.name();
                    StringBuilder head = new StringBuilder("<?xml version=\"1.0\" encoding=\"" + name + "\"?>" + nl);
                    outside.forEach(d -> head.append(d.startsWith("<!--") || d.startsWith("<?") ? d + nl : ""));
                    head.append("<Server xmlns=\"").append(NS).append("\">").append(nl);
                    inside.forEach(d -> head.append(indent).append(d).append(nl));
                    head.append(indent).append("<Ports ").append(nl.equals("\n") ? "a='1'" : "a=\"1\"").append('>')
                            .append(nl).append(indent).append(indent).append(pre).append("<Offset>");
                    // around the element, not the number: Carbon parses the element's text untrimmed
                    String tail = "</Offset>" + post + nl + indent + "</Ports>" + nl + "</Server>" + nl;
                    return new Parts(head.toString(), "0", tail, cs, withBom);
                });
    }

    @Provide
    Arbitrary<Parts> deploymentToml() {
        Arbitrary<String> decoy = Arbitraries.of(
                "# offset = 9",
                "#offset=8 # an old value",
                "description = \"offset = 7\"",
                "notes = '''\noffset = 6\n'''",
                "[server.extra]\nx = 1",
                "");
        Arbitrary<List<String>> decoys = decoy.list().uniqueElements().ofMaxSize(3);
        // no byte order mark: config-mapper's TOML parser rejects one (HostileInputTest)
        return Combinators.combine(Arbitraries.of(false), newline(), blank(), decoys, decoys,
                Arbitraries.of("0", "\"0\""), Arbitraries.of("", " # the port offset", "\t#x")).as(
                        (bom, nl, space, before, after, value, comment) -> {
                            StringBuilder head = new StringBuilder();
                            before.stream().filter(d -> !d.startsWith("[")).forEach(d -> head.append(d).append('\n'));
                            head.append("[server]\nhostname = \"localhost\"\n");
                            head.append("offset").append(space).append('=').append(space);
                            StringBuilder tail = new StringBuilder(comment).append('\n');
                            after.forEach(d -> tail.append(d).append('\n'));
                            tail.append("[transport.https.properties]\nport = 9443\n");
                            return new Parts(head.toString().replace("\n", nl), value, tail.toString().replace("\n", nl),
                                    StandardCharsets.UTF_8, bom);
                        });
    }
}
