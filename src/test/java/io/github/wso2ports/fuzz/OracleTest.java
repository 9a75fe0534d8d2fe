package io.github.wso2ports.fuzz;

import io.github.wso2ports.fuzz.Oracle.Runs;
import io.github.wso2ports.fuzz.Oracle.Unreadable;
import io.github.wso2ports.fuzz.Oracle.Unsure;
import io.github.wso2ports.fuzz.Oracle.Verdict;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Self-check of {@link Oracle} on real corpus files and hand-made variants that pin its rules (see the comments in
 * Oracle for the WSO2 code each rule comes from). The corpus is {@code -Dwso2ports.corpus=DIR} or
 * {@code ../shared/corpus}; when it is absent the corpus-based tests are skipped.
 */
class OracleTest {

    private static final Object UNREADABLE = Unreadable.class;
    private static final Object UNSURE = Unsure.class;

    private static Path file(String relative) {
        String configured = System.getProperty("wso2ports.corpus", "../shared/corpus");
        Assumptions.assumeFalse("skip".equals(configured), "corpus skipped");
        Path path = Paths.get(configured).resolve("files").resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(path), "corpus file absent: " + path);
        return path;
    }

    private static String read(String relative, Charset charset) {
        try {
            return new String(Files.readAllBytes(file(relative)), charset);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** expected: an Integer (Runs with that offset), or Unreadable.class / Unsure.class. */
    private static void check(Verdict actual, Object expected, String label) {
        if (expected instanceof Integer n) {
            assertEquals(new Runs(n), actual, label);
        } else {
            assertInstanceOf((Class<?>) expected, actual, label + ": " + actual);
        }
    }

    private record Case(String label, String text, Object expected) {
    }

    private static Stream<DynamicTest> run(List<Case> cases, Function<String, Verdict> oracle) {
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.label(),
                () -> check(oracle.apply(c.text()), c.expected(), c.label())));
    }

    // ---- carbon.xml --------------------------------------------------------------------------------------------

    private static final String AM_CARBON_XML = "wso2am-2.6.0/repository/conf/carbon.xml";
    private static final String OFFSET = "<Offset>0</Offset>";

    @Test
    void realCarbonXml() {
        check(Oracle.carbonXml(readBytes(AM_CARBON_XML)), 0, AM_CARBON_XML);
        check(Oracle.carbonXml(readBytes("wso2mi-4.3.0/conf/carbon.xml")), 10, "MI 4.3.0 carbon.xml");
    }

    @TestFactory
    Stream<DynamicTest> carbonXmlVariants() {
        // The file declares encoding="ISO-8859-1": edit it as Latin-1 text and write it back the same way.
        String xml = read(AM_CARBON_XML, StandardCharsets.ISO_8859_1);
        assertTrue(xml.indexOf(OFFSET) >= 0 && xml.indexOf(OFFSET) == xml.lastIndexOf(OFFSET), "one <Offset>0</Offset>");
        Function<String, String> offset = replacement -> xml.replace(OFFSET, replacement);
        List<Case> cases = List.of(
                // getLocalName(): namespaces ignored, the first Ports/Offset with text wins
                new Case("namespace decoy first", offset.apply("<d:Offset xmlns:d=\"urn:decoy\">7</d:Offset>" + OFFSET), 7),
                new Case("prefixed Ports", offset.apply("<Offset>6</Offset>").replace("<Ports>", "<p:Ports xmlns:p=\"urn:p\">")
                        .replace("</Ports>", "</p:Ports>"), 6),
                new Case("root renamed", xml.replace("<Server ", "<Anything ").replace("</Server>", "</Anything>"), 0),
                // elementHasText: trim() only drops chars <= U+0020
                new Case("blank first Offset", offset.apply("<Offset> \n\t</Offset><Offset>4</Offset>"), 4),
                new Case("NBSP-only first Offset", offset.apply("<Offset>&#160;</Offset><Offset>4</Offset>"), UNREADABLE),
                new Case("U+2003 padding", offset.apply("<Offset>&#x2003;3&#x2003;</Offset>"), UNREADABLE),
                // Integer.parseInt on the raw text: no trim, '+' and leading zeros and Unicode digits accepted
                new Case("ASCII padding", offset.apply("<Offset> 3 </Offset>"), UNREADABLE),
                new Case("newline padding", offset.apply("<Offset>\n    3\n</Offset>"), UNREADABLE),
                new Case("+3", offset.apply("<Offset>+3</Offset>"), 3),
                new Case("007", offset.apply("<Offset>007</Offset>"), 7),
                new Case("Arabic-Indic digit", offset.apply("<Offset>&#x663;</Offset>"), 3),
                new Case("character reference", offset.apply("<Offset>&#51;</Offset>"), 3),
                new Case("negative", offset.apply("<Offset>-3</Offset>"), UNREADABLE),
                new Case("65535", offset.apply("<Offset>65535</Offset>"), 65535),
                new Case("65536", offset.apply("<Offset>65536</Offset>"), UNREADABLE),
                new Case("hex", offset.apply("<Offset>0x1F</Offset>"), UNREADABLE),
                // Axiom getText(): own TEXT + CDATA children, not comments nor child elements
                new Case("CDATA", offset.apply("<Offset><![CDATA[5]]></Offset>"), 5),
                new Case("text + CDATA", offset.apply("<Offset>1<![CDATA[2]]></Offset>"), 12),
                new Case("comment inside the number", offset.apply("<Offset>1<!-- x -->2</Offset>"), 12),
                new Case("child element inside the number", offset.apply("<Offset>1<b>9</b>2</Offset>"), 12),
                // no default: CarbonBaseActivator System.setProperty("portOffset", null)
                new Case("Offset removed", offset.apply(""), UNREADABLE),
                new Case("empty Offset", offset.apply("<Offset/>"), UNREADABLE),
                new Case("Offset only under another parent", offset.apply("")
                        .replace("<Axis2Config>", "<Axis2Config><Ports><Offset>5</Offset></Ports>"), UNREADABLE),
                new Case("${} placeholder", offset.apply("<Offset>${portOffset}</Offset>"), UNREADABLE),
                new Case("replaceSystemProperty crash elsewhere", offset.apply(OFFSET + "<Foo>}${x}</Foo>"), UNREADABLE),
                new Case("secretAlias", offset.apply("<Offset xmlns:svns=\"http://org.wso2.securevault/configuration\""
                        + " svns:secretAlias=\"a\">3</Offset>"), UNSURE),
                new Case("unbound prefix", offset.apply("<x:Offset>3</x:Offset>"), UNREADABLE),
                new Case("not well-formed", xml.replace("</Ports>", ""), UNREADABLE),
                new Case("empty file", "", UNREADABLE),
                new Case("junk after the root", xml + "junk", UNSURE),
                new Case("DOCTYPE", xml.replace("<Server ", "<!DOCTYPE Server SYSTEM \"http://example.invalid/x.dtd\"><Server "),
                        UNSURE));
        return run(cases, text -> Oracle.carbonXml(text.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void carbonXmlEncodings() {
        String xml = read(AM_CARBON_XML, StandardCharsets.ISO_8859_1);
        byte[] utf16 = xml.replace("encoding=\"ISO-8859-1\"", "encoding=\"UTF-16\"").replace(OFFSET, "<Offset>8</Offset>")
                .getBytes(StandardCharsets.UTF_16);
        check(Oracle.carbonXml(utf16), 8, "UTF-16 with BOM");
        byte[] latin1 = xml.getBytes(StandardCharsets.ISO_8859_1);
        byte[] bomAndLatin1 = new byte[latin1.length + 3];
        bomAndLatin1[0] = (byte) 0xEF;
        bomAndLatin1[1] = (byte) 0xBB;
        bomAndLatin1[2] = (byte) 0xBF;
        System.arraycopy(latin1, 0, bomAndLatin1, 3, latin1.length);
        check(Oracle.carbonXml(bomAndLatin1), UNSURE, "UTF-8 BOM but encoding=ISO-8859-1");
    }

    // ---- deployment.toml ---------------------------------------------------------------------------------------

    private static final String AM_TOML = "wso2am-4.2.0/repository/conf/deployment.toml";
    private static final String HOSTNAME = "hostname = \"localhost\"\n";

    @Test
    void realDeploymentToml() {
        check(Oracle.deploymentToml(readBytes(AM_TOML), 0), 0, AM_TOML + " (offset commented out)");
        // MI 4.3.0 carbon.xml.j2: <Offset>{{server.offset | default('10')}}</Offset>
        String template = read("wso2mi-4.3.0/repository/resources/conf/templates/conf/carbon.xml.j2",
                StandardCharsets.UTF_8);
        assertTrue(template.contains("{{server.offset | default('10')}}"), "MI template default is 10");
        check(Oracle.deploymentToml(readBytes("wso2mi-4.3.0/conf/deployment.toml"), 10), 10, "MI 4.3.0 deployment.toml");
    }

    @TestFactory
    Stream<DynamicTest> deploymentTomlVariants() {
        String toml = read(AM_TOML, StandardCharsets.UTF_8);
        assertTrue(toml.contains("[server]\n" + HOSTNAME), "[server] starts with hostname");
        Function<String, String> server = line -> toml.replace(HOSTNAME, HOSTNAME + line + "\n");
        List<Case> cases = List.of(
                new Case("integer", server.apply("offset = 3"), 3),
                new Case("hex integer", server.apply("offset = 0x1F"), 31),
                new Case("underscored integer", server.apply("offset = 1_0"), 10),
                new Case("negative", server.apply("offset = -1"), UNREADABLE),
                new Case("above 65535", server.apply("offset = 70000"), UNREADABLE),
                // a string lands verbatim in <Offset>...</Offset> and is read as carbon.xml text
                new Case("quoted string", server.apply("offset = \"3\""), 3),
                new Case("string +3", server.apply("offset = \"+3\""), 3),
                new Case("string 007", server.apply("offset = \"007\""), 7),
                new Case("string with a space", server.apply("offset = \" 3\""), UNREADABLE),
                new Case("empty string", server.apply("offset = \"\""), UNREADABLE),
                new Case("string character reference", server.apply("offset = \"&#51;\""), 3),
                new Case("string non-ASCII", server.apply("offset = \"3\\u00a0\""), UNREADABLE),
                new Case("string ${}", server.apply("offset = \"${portOffset}\""), UNREADABLE),
                new Case("string $env{}", server.apply("offset = \"$env{OFFSET}\""), UNSURE),
                new Case("string with markup", server.apply("offset = \"3<!--x-->\""), UNSURE),
                new Case("float", server.apply("offset = 3.0"), UNREADABLE),
                new Case("boolean", server.apply("offset = true"), UNREADABLE),
                new Case("array", server.apply("offset = [3]"), UNREADABLE),
                new Case("table", server.apply("offset = {a = 1}"), UNREADABLE),
                new Case("empty table (dropped by dottedKeySet)", server.apply("offset = {}"), 0),
                new Case("date", server.apply("offset = 1979-05-27"), UNREADABLE),
                new Case("duplicate key", server.apply("offset = 1\noffset = 2"), UNREADABLE),
                new Case("mixed array elsewhere (TOML 1.0 only)", server.apply("offset = 2\nmixed = [1, \"a\"]"), UNSURE),
                new Case("BOM", "\uFEFF" + toml, UNREADABLE),
                new Case("not TOML", toml.replace("[server]", "[server"), UNREADABLE),
                new Case("offset in another table", toml.replace("[super_admin]\n", "[super_admin]\noffset = 5\n"), 0),
                new Case("inline table", "server = {offset = 3}\n", 3),
                new Case("dotted key", "server.offset = 4\n\n[database]\nx = 1\n", 4),
                new Case("quoted dotted key", "\"server.offset\" = 4\n", UNSURE),
                new Case("array of tables", "[[server]]\noffset = 3\n", UNSURE),
                new Case("sub-table offset", "[server.ports]\noffset = 5\n", 0));
        return run(cases, text -> Oracle.deploymentToml(text.getBytes(StandardCharsets.UTF_8), 0));
    }

    @Test
    void tomlDefaultIsTheTemplates() {
        check(Oracle.deploymentToml("[server]\nhostname = \"x\"\n".getBytes(StandardCharsets.UTF_8), 10), 10, "default");
    }

    // ---- Carbon 5 YAML -----------------------------------------------------------------------------------------

    private static final String SP_YAML = "wso2sp-4.4.0/conf/worker/deployment.yaml";
    private static final String YAML_OFFSET = "    offset: 0\n";

    @Test
    void realDeploymentYaml() {
        check(Oracle.carbon5Yaml(readBytes(SP_YAML), "wso2.carbon"), 0, SP_YAML);
    }

    @TestFactory
    Stream<DynamicTest> deploymentYamlVariants() {
        String yaml = read(SP_YAML, StandardCharsets.UTF_8);
        assertTrue(yaml.contains(YAML_OFFSET), "ports: offset: 0");
        Function<String, String> offset = value -> yaml.replace(YAML_OFFSET, "    offset: " + value + "\n");
        List<Case> cases = List.of(
                new Case("3", offset.apply("3"), 3),
                // int fields are built with ConstructYamlInt from the scalar text, whatever its implicit tag
                new Case("single-quoted '3'", offset.apply("'3'"), 3),
                new Case("double-quoted \"3\"", offset.apply("\"3\""), 3),
                new Case("quoted with a space", offset.apply("' 3'"), UNREADABLE),
                new Case("YAML 1.1 octal 010", offset.apply("010"), 8),
                new Case("007", offset.apply("007"), 7),
                new Case("09 (not octal)", offset.apply("09"), UNREADABLE),
                new Case("hex", offset.apply("0x1F"), 31),
                new Case("+3", offset.apply("+3"), 3),
                new Case("sexagesimal 1:30", offset.apply("1:30"), 90),
                new Case("float 3.0", offset.apply("3.0"), UNREADABLE),
                new Case("null", offset.apply("~"), UNREADABLE),
                new Case("boolean", offset.apply("true"), UNREADABLE),
                new Case("negative", offset.apply("-1"), UNREADABLE),
                new Case("above 65535", offset.apply("70000"), UNREADABLE),
                new Case("float in SnakeYAML 1.17 only", offset.apply("+_5"), UNSURE),
                new Case("placeholder", offset.apply("${sys:portOffset}"), UNSURE),
                new Case("duplicate key: last wins", yaml.replace(YAML_OFFSET, "    offset: 1\n    offset: 2\n"), 2),
                new Case("anchor and alias", yaml.replace(YAML_OFFSET, "    offset: *o\n")
                        .replace("wso2.carbon:", "anchor: &o 5\nwso2.carbon:"), 5),
                new Case("merge key", yaml.replace("  ports:\n      # port offset\n" + YAML_OFFSET,
                        "  ports:\n    <<: *b\n").replace("wso2.carbon:", "base: &b {offset: 6}\nwso2.carbon:"), 6),
                new Case("ports: {} (default 0)", yaml.replace("  ports:\n      # port offset\n" + YAML_OFFSET,
                        "  ports: {}\n"), 0),
                new Case("ports: null", yaml.replace(YAML_OFFSET, ""), UNSURE),
                new Case("no wso2.carbon (default 0)", yaml.replace("wso2.carbon:", "other.ns:"), 0),
                new Case("unknown key in ports", yaml.replace(YAML_OFFSET, YAML_OFFSET + "    http: 9090\n"), UNREADABLE),
                new Case("unknown key in wso2.carbon", yaml.replace("  id: wso2-sp\n", "  id: wso2-sp\n  foo: 1\n"),
                        UNREADABLE),
                new Case("two documents", yaml + "\n---\na: 1\n", UNREADABLE),
                new Case("not YAML", offset.apply("[3"), UNREADABLE),
                new Case("character beyond U+FFFF", yaml.replace(YAML_OFFSET, YAML_OFFSET + "    # \uD83D\uDE00\n"), UNSURE),
                new Case("empty document", "", UNREADABLE),
                new Case("wso2.carbon is a scalar", "wso2.carbon: 5\n", UNREADABLE));
        return run(cases, text -> Oracle.carbon5Yaml(text.getBytes(StandardCharsets.UTF_8), "wso2.carbon"));
    }

    @TestFactory
    Stream<DynamicTest> carbonYmlVariants() {
        List<Case> cases = List.of(
                new Case("offset", "id: x\nports:\n  offset: 4\n", 4),
                new Case("quoted", "ports:\n  offset: '4'\n", 4),
                new Case("explicit !!str tag", "ports:\n  offset: !!str 4\n", UNREADABLE),
                new Case("deployment mode", "ports: {offset: 2}\ndeployment: {mode: triggered, updateInterval: 3}\n", 2),
                new Case("unknown deployment mode", "ports: {offset: 2}\ndeployment: {mode: never}\n", UNREADABLE),
                new Case("unknown key", "ports: {offset: 2}\nfoo: 1\n", UNREADABLE),
                new Case("no ports (default 0)", "id: x\n", 0),
                new Case("duplicate key", "ports:\n  offset: 1\n  offset: 4\n", UNSURE),
                new Case("placeholder", "ports: {offset: '${x}'}\n", UNSURE),
                new Case("empty file", "", UNREADABLE),
                new Case("only a comment", "# nothing\n", UNREADABLE));
        return run(cases, text -> Oracle.carbon5Yaml(text.getBytes(StandardCharsets.UTF_8), ""));
    }

    private static byte[] readBytes(String relative) {
        try {
            return Files.readAllBytes(file(relative));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
