package io.github.wso2ports.report;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.check.CheckResult;
import io.github.wso2ports.check.ClashDetector;
import io.github.wso2ports.check.ReservedPort;
import io.github.wso2ports.check.RuntimeInstance;
import io.github.wso2ports.check.Suppression;
import io.github.wso2ports.testing.Instances;
import io.github.wso2ports.text.TextFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    /** Two instances clashing on 9443 on app1, one on app2 with an outbound port, a suppressed ephemeral warning. */
    static CheckResult estate() {
        List<RuntimeInstance> instances = List.of(
                Instances.instance("node1", "app1", 0, null, "servlet-https", 9443, 54, "jmx-rmi-registry", 9999, 132),
                Instances.instance("node2", "app1", 0, 1, "servlet-https", 9443, 55),
                Instances.instance("emm", "app2", 0, null, "fcm", 5228, 3, "servlet-http", 40000, 7));
        List<Suppression> suppressions = Suppression.parseFile(TextFile.utf8(Location.of("suppressions.txt"),
                "ephemeral app2 tcp/40000 instance=emm moving off the range in Q1 (OPS-7)\nclash * tcp/1 gone\n"
                        .getBytes(StandardCharsets.UTF_8)));
        return CheckResult.evaluate(instances, List.of(ReservedPort.of("9999", null, "app1", "monitoring", "pom.xml "
                + "<reservedPorts>", null)), ClashDetector.Options.defaults(), suppressions, true, false);
    }

    @Test
    void theJsonHoldsTheWholeModel() throws Exception {
        JsonNode root = JSON.readTree(ReportFiles.json(estate()));
        assertEquals("wso2-ports/1", root.get("schema").asText());
        assertEquals(3, root.get("instances").size());
        JsonNode node1 = root.get("instances").get(0);
        assertEquals("node1", node1.get("id").asText());
        assertEquals("app1", node1.get("host").asText());
        assertEquals("wso2carbon", node1.get("product").asText());
        JsonNode https = node1.get("ports").get(0);
        assertEquals("servlet-https", https.get("id").asText());
        assertEquals(9443, https.get("port").asInt());
        assertEquals("offset", https.get("rule").asText());
        assertEquals("node1/conf/x.xml", https.get("source").get("file").asText());
        assertEquals(54, https.get("source").get("line").asInt());
        JsonNode clash = null;
        for (JsonNode f : root.get("findings")) {
            if (f.get("kind").asText().equals("clash")) {
                clash = f;
            }
        }
        assertEquals("error", clash.get("severity").asText());
        assertEquals(9443, clash.get("port").asInt());
        assertEquals("node1", clash.get("owners").get(0).get("name").asText());
        assertEquals("node2", clash.get("owners").get(1).get("name").asText());
        assertEquals(55, clash.get("owners").get(1).get("line").asInt());
        JsonNode suppressed = root.get("findings").get(root.get("findings").size() - 1);
        assertEquals("ephemeral", suppressed.get("kind").asText());
        assertEquals("moving off the range in Q1 (OPS-7)", suppressed.get("suppressed").get("reason").asText());
        assertEquals(1, root.get("summary").get("suppressed").asInt());
        assertEquals(3, root.get("summary").get("errors").asInt());
        assertTrue(root.get("summary").get("fails").asBoolean());
    }

    @Test
    void bindAddressesAreInTheJsonAndTheMarkdown() throws Exception {
        CheckResult r = CheckResult.evaluate(List.of(
                Instances.bound(Instances.instance("a", "app1", 0, null, "servlet-https", 9443, 54, "servlet-http", 9763,
                        29), "10.0.0.1", null),
                Instances.instance("b", "app1", 0, null, "servlet-https", 9443, 55)), List.of(),
                ClashDetector.Options.defaults(), List.of(), true, false);
        JsonNode root = JSON.readTree(ReportFiles.json(r));
        JsonNode a = root.get("instances").get(0).get("ports");
        assertEquals("9443 10.0.0.1", a.get(0).get("port").asInt() + " " + a.get(0).get("bindAddress").asText());
        assertTrue(a.get(1).get("bindAddress").isNull(), "every address: null");
        JsonNode owners = root.get("findings").get(0).get("owners");
        assertEquals("10.0.0.1", owners.get(0).get("bindAddress").asText());
        assertFalse(owners.get(1).has("bindAddress"), "absent for a listener on every address");
        String md = ReportFiles.markdown(r, "1.2.3");
        assertTrue(md.contains("| Port | Protocol | Instance | Purpose | Bind address |"), md);
        assertTrue(md.contains("| 9443 | tcp | a | HTTPS servlet transport (management console) | 10.0.0.1 |"), md);
        assertTrue(md.contains("| 9443 | tcp | b | HTTPS servlet transport (management console) | any |"), md);
    }

    @Test
    void theSarifIsValidSarif210WithLocatedResults() throws Exception {
        String sarif = ReportFiles.sarif(estate(), "1.2.3");
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        JsonNode root = JSON.readTree(sarif);
        Set<ValidationMessage> errors = schema.validate(root);
        assertEquals(Set.of(), errors);
        JsonNode results = root.get("runs").get(0).get("results");
        assertEquals(4, results.size());
        JsonNode clash = null;
        for (JsonNode r : results) {
            clash = r.get("ruleId").asText().equals("clash") ? r : clash;
        }
        assertEquals("error", clash.get("level").asText());
        JsonNode loc = clash.get("locations").get(0).get("physicalLocation");
        assertEquals("node1/conf/x.xml", loc.get("artifactLocation").get("uri").asText());
        assertEquals(54, loc.get("region").get("startLine").asInt());
        assertEquals(55, clash.get("relatedLocations").get(0).get("physicalLocation").get("region").get("startLine")
                .asInt());
        JsonNode last = results.get(results.size() - 1);
        assertEquals("accepted", last.get("suppressions").get(0).get("status").asText());
        // the SARIF object model of a Maven artifact reads it too
        JSON.readValue(sarif, com.contrastsecurity.sarif.SarifSchema210.class);
    }

    @Test
    void everyResultHasItsOwnFingerprint() throws Exception {
        // the same kind on the same host and port for two different pairs of owners: two fingerprints
        List<RuntimeInstance> instances = List.of(
                Instances.instance("a", "h", 0, 1, "servlet-https", 9443, 1),
                Instances.instance("b", "h", 0, 1, "servlet-https", 9443, 1));
        CheckResult r = CheckResult.evaluate(instances, List.of(), ClashDetector.Options.defaults(), List.of(), true,
                false);
        Set<String> prints = new java.util.HashSet<>();
        JsonNode results = JSON.readTree(ReportFiles.sarif(r, "1")).get("runs").get(0).get("results");
        for (JsonNode result : results) {
            assertTrue(prints.add(result.get("partialFingerprints").get("wso2PortsFinding/v2").asText()),
                    result.toString());
        }
        assertEquals(3, results.size(), "a clash and two offset findings, one per instance");
    }

    @Test
    void theMarkdownHasTheInstancesTheFindingsATablePerHostTheOutboundPortsThenTheSources() {
        String md = ReportFiles.markdown(estate(), "1.2.3");
        int instances = md.indexOf("## Instances");
        int findings = md.indexOf("## Findings");
        int app1 = md.indexOf("## Host app1");
        int app2 = md.indexOf("## Host app2");
        int outbound = md.indexOf("## Outbound only");
        int sources = md.indexOf("## Where each port comes from");
        assertTrue(instances > 0 && instances < findings && findings < app1 && app1 < app2 && app2 < outbound
                && outbound < sources, md);
        assertTrue(md.contains("| Instance | Host | Product | Version | Offset | Offset from | Listening ports |"), md);
        assertTrue(md.contains("| 9443 | tcp | node1 | HTTPS servlet transport (management console) | any |"), md);
        assertTrue(md.contains("| app1 | 9443 | node1 | moves with the offset | 9443 | node1/conf/x.xml:54 |"), md);
        assertTrue(md.contains("| app2 | 5228 | tcp | emm | Firebase/Google Cloud Messaging"), md);
        assertFalse(md.substring(app2, outbound).contains("5228"), "outbound ports are not listeners");
        assertTrue(md.contains("| suppressed warning | app2 tcp/40000 ephemeral: "), md);
    }

    @Test
    void theSvgDrawsEachHostsPortsAndMarksTheClashes() throws Exception {
        String svg = ReportFiles.svg(estate());
        javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        org.w3c.dom.Document doc = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(svg)));
        org.w3c.dom.Element root = doc.getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", root.getNamespaceURI());
        org.w3c.dom.NodeList circles = root.getElementsByTagNameNS("http://www.w3.org/2000/svg", "circle");
        long listening = PortRow.of(estate()).stream().filter(r -> !r.outbound()).count();
        assertEquals(listening, circles.getLength(), "a dot per listening port");
        List<String> red = new java.util.ArrayList<>();
        List<String> titles = new java.util.ArrayList<>();
        for (int i = 0; i < circles.getLength(); i++) {
            org.w3c.dom.Element c = (org.w3c.dom.Element) circles.item(i);
            String title = c.getElementsByTagNameNS("http://www.w3.org/2000/svg", "title").item(0).getTextContent();
            titles.add(title);
            if (c.getAttribute("fill").equals("#c00000")) {
                red.add(title);
            }
        }
        // node1 and node2 clash on 9443 on app1: both dots red, said in their titles
        assertTrue(red.contains("node1: tcp/9443 HTTPS servlet transport (management console) (clash)"), red.toString());
        assertTrue(red.contains("node2: tcp/9443 HTTPS servlet transport (management console) (clash)"), red.toString());
        assertTrue(red.stream().allMatch(t -> t.endsWith("(clash)")), red.toString());
        assertTrue(titles.stream().anyMatch(t -> !t.endsWith("(clash)")), "ports without a clash are not red");
        assertTrue(svg.contains(">Host app1<") && svg.contains(">Host app2<"), svg);
        assertEquals(svg, ReportFiles.svg(estate()), "deterministic");
    }

    @Test
    void twoRunsWriteByteIdenticalFiles() throws Exception {
        List<Path> first = ReportFiles.write(temp.resolve("a"), estate(), "1.2.3");
        List<Path> second = ReportFiles.write(temp.resolve("b"), estate(), "1.2.3");
        for (int i = 0; i < first.size(); i++) {
            assertArrayEquals(Files.readAllBytes(first.get(i)), Files.readAllBytes(second.get(i)), first.get(i).toString());
            String text = Files.readString(first.get(i));
            assertFalse(text.contains("\r"), "LF only");
            assertFalse(text.contains(temp.toString()), "no absolute path");
        }
    }

    /** The three are written at once: one that cannot be written fails the call only after the others are whole. */
    @Test
    void aReportThatCannotBeWrittenFailsAfterTheOthersAreWritten() throws Exception {
        Path dir = temp.resolve("c");
        Files.createDirectories(dir.resolve(ReportFiles.MARKDOWN)); // a folder where ports.md goes
        Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> ReportFiles.write(dir, estate(), "1.2.3"));
        assertEquals("cannot write " + ReportFiles.MARKDOWN + ": Is a directory", e.getMessage());
        assertEquals(ReportFiles.json(estate()), Files.readString(dir.resolve(ReportFiles.JSON)));
        assertEquals(ReportFiles.sarif(estate(), "1.2.3"), Files.readString(dir.resolve(ReportFiles.SARIF)));
    }

    @Test
    void unusedSuppressionsAreReported() {
        CheckResult r = estate();
        assertEquals(1, r.unusedSuppressions().size());
        assertEquals("suppressions.txt:2", r.unusedSuppressions().get(0).location().toString());
    }
}
