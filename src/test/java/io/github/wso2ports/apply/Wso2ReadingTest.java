package io.github.wso2ports.apply;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.ports.ProductDetector;
import io.github.wso2ports.ports.RuntimeReader;
import io.github.wso2ports.testing.Corpus;
import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.Trees;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Check and apply read a runtime's offset as WSO2 does (issue 11), on real corpus files mutated: Carbon's
 * ServerConfiguration keys carbon.xml by local names and takes the first non-blank {@code Ports/Offset};
 * {@code Integer.parseInt(value.trim())}, whose {@code trim()} keeps U+00A0, U+2003, U+3000 ...; deployment.toml as
 * TOML 1.0 (config-mapper).
 */
class Wso2ReadingTest {

    private static final String CARBON = "repository/conf/carbon.xml";
    private static final String TOML = "repository/conf/deployment.toml";

    @TempDir
    Path temp;

    private int copies;

    /**
     * A copy of a corpus distribution with one file's text changed; written in UTF-8 (its XML declaration saying so)
     * when the change holds characters ISO-8859-1 cannot.
     */
    private Dist mutated(String corpusFolder, String file, String from, String to) throws Exception {
        Path home = Trees.copy(Corpus.files().resolve(corpusFolder), temp.resolve(copies++ + "/" + corpusFolder));
        String text = Files.readString(home.resolve(file), StandardCharsets.ISO_8859_1);
        assertTrue(text.contains(from), from);
        text = text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
        boolean wide = !StandardCharsets.ISO_8859_1.newEncoder().canEncode(to);
        Files.writeString(home.resolve(file), wide ? text.replace("encoding=\"ISO-8859-1\"", "encoding=\"UTF-8\"") : text,
                wide ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return Dist.at(home);
    }

    /** What check reads: the primary runtime's offset. */
    private static int checkReads(Dist d) {
        Distribution dist = d.detect();
        ProductRuntime r = dist.runtime(null);
        Catalog c = Catalog.builtIn();
        return RuntimeReader.read(dist, r, ProductDetector.detect(dist.source(), c, null), c).offset();
    }

    private static ApplyPlan apply(Dist d, int offset) {
        ApplyPlan plan = OffsetApplier.plan(d.detect(), null, offset, new OffsetApplier.Options(false));
        OffsetApplier.write(plan);
        return plan;
    }

    private static void refusedUnchanged(Dist d, int offset, String reason) {
        Map<String, byte[]> before = Trees.snapshot(d.home());
        Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> apply(d, offset));
        assertTrue(e.describe().contains(reason), e.describe());
        Map<String, byte[]> after = Trees.snapshot(d.home());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
    }

    @Test
    void anOffsetInAnotherNamespaceBeforeTheRealOneIsTheOneWso2Reads() throws Exception {
        Dist d = mutated("wso2am-2.6.0", CARBON, "    <Ports>\n", "    <Ports xmlns=\"urn:other\"><Offset>9</Offset>"
                + "</Ports>\n    <Ports>\n");
        assertEquals(9, checkReads(d));
        ApplyPlan plan = apply(d, 3);
        assertEquals(9, plan.currentOffset());
        assertTrue(d.text(CARBON).contains("<Ports xmlns=\"urn:other\"><Offset>3</Offset></Ports>"), "the one WSO2 reads");
        assertTrue(d.text(CARBON).contains("        <Offset>0</Offset>"), "the other stays");
        assertEquals(3, checkReads(d));
    }

    @Test
    void aPrefixedOffsetBeforeTheRealOneIsTheOneWso2Reads() throws Exception {
        Dist d = mutated("wso2am-2.6.0", CARBON, "        <Offset>0</Offset>",
                "        <x:Offset xmlns:x=\"urn:x\">9</x:Offset>\n        <Offset>0</Offset>");
        assertEquals(9, checkReads(d));
        apply(d, 4);
        assertEquals(4, checkReads(d));
        assertTrue(d.text(CARBON).contains("<x:Offset xmlns:x=\"urn:x\">4</x:Offset>"));
    }

    @Test
    void aBlankOffsetIsNoValueTheNextOneDecides() throws Exception {
        Dist d = mutated("wso2am-2.6.0", CARBON, "        <Offset>0</Offset>", "        <Offset> </Offset>\n"
                + "        <Offset>2</Offset>");
        assertEquals(2, checkReads(d));
        apply(d, 5);
        assertTrue(d.text(CARBON).contains("<Offset> </Offset>\n        <Offset>5</Offset>"));
    }

    @Test
    void anythingAroundTheNumberIsAValueWso2CannotRead() throws Exception {
        for (String space : new String[] {"\u2003", "\u00a0", "\u3000", "\u2028"}) {
            Dist d = mutated("wso2am-2.6.0", CARBON, "<Offset>0</Offset>", "<Offset>" + space + "2</Offset>");
            Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> checkReads(d));
            assertTrue(e.describe().startsWith(CARBON + ":127: <Offset> is '\\u"), e.describe());
            assertTrue(e.describe().contains("which WSO2 cannot read as a number (U+"), e.describe());
            assertTrue(e.describe().contains("Integer.parseInt fails on it and the server would fail at start-up"),
                    e.describe());
            refusedUnchanged(d, 3, "which WSO2 cannot read as a number");
        }
        // Carbon hands the text to Integer.parseInt untrimmed (ServletTransportManager.init): plain spaces, tabs and
        // line breaks around the number fail it too
        for (String padded : new String[] {" 2", "2 ", "\t 2 \n", "\n    2\n  "}) {
            Dist d = mutated("wso2am-2.6.0", CARBON, "<Offset>0</Offset>", "<Offset>" + padded + "</Offset>");
            Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> checkReads(d));
            assertTrue(e.describe().contains("WSO2 reads it with Integer.parseInt as it stands, which takes no space or "
                    + "line break around the number (ServletTransportManager.init), so the server would fail at start-up. "
                    + "Write the number alone, as <Offset>2</Offset>"), e.describe());
            refusedUnchanged(d, 3, "takes no space or line break around the number");
        }
        // a sign and leading zeros are what Integer.parseInt takes
        Dist signed = mutated("wso2am-2.6.0", CARBON, "<Offset>0</Offset>", "<Offset>+007</Offset>");
        assertEquals(7, checkReads(signed));
        apply(signed, 3);
        assertTrue(signed.text(CARBON).contains("<Offset>3</Offset>"));
    }

    @Test
    void deploymentTomlIsReadWithToml10Semantics() throws Exception {
        // a dotted key at the top level, an inline table, a quoted key: all [server] offset to config-mapper
        Dist dotted = mutated("wso2am-4.7.0", TOML, "[server]\n", "server.offset = 3\n[server_x]\n");
        assertEquals(3, checkReads(dotted));
        apply(dotted, 5);
        assertTrue(dotted.text(TOML).startsWith("server.offset = 5\n"), dotted.text(TOML));
        Dist quoted = mutated("wso2am-4.7.0", TOML, "#offset=0", "\"offset\" = 3");
        assertEquals(3, checkReads(quoted));
        apply(quoted, 6);
        assertTrue(quoted.text(TOML).contains("\"offset\" = 6"));
        Dist inline = mutated("wso2am-4.7.0", TOML, "[server]\n", "server = { offset = 3 }\n[server_x]\n");
        assertEquals(3, checkReads(inline));
        refusedUnchanged(inline, 5, "[server] offset is written in a form apply does not edit");
        Dist spaced = mutated("wso2am-4.7.0", TOML, "#offset=0", "offset = \"\u20032\"");
        Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> checkReads(spaced));
        assertTrue(e.describe().contains("which WSO2 cannot read as a number (U+2003 EM SPACE"), e.describe());
        refusedUnchanged(spaced, 4, "which WSO2 cannot read as a number");
    }

    @Test
    void aTwoMegabyteStringIsReadAndEditedLikeAnyOther() throws Exception {
        // tomlj lexes a string a character at a time: the string is shortened for it, and nothing else changes
        String big = "x".repeat(1_000_000) + "\\u00e9\\n" + "y".repeat(1_000_000);
        Dist d = mutated("wso2am-4.7.0", TOML, "#offset=0", "description = \"" + big + "\"\noffset = 2");
        String before = d.text(TOML);
        assertEquals(2, checkReads(d));
        ApplyPlan plan = apply(d, 7);
        assertEquals(Integer.valueOf(2), plan.currentOffset());
        assertEquals(before.replace("\noffset = 2", "\noffset = 7"), d.text(TOML));
        assertEquals(7, checkReads(d));
        // the same string made invalid at its far end: the error sits on its line, as tomlj says without shortening
        Dist bad = mutated("wso2am-4.7.0", TOML, "#offset=0", "description = \"" + big + "\\u12\"\noffset = 2");
        int line = (int) bad.text(TOML).lines().takeWhile(l -> !l.startsWith("description")).count() + 1;
        Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> checkReads(bad));
        assertTrue(e.describe().startsWith(TOML + ":" + line + ": invalid TOML: "), e.describe());
        refusedUnchanged(bad, 4, "invalid TOML");
    }
}
