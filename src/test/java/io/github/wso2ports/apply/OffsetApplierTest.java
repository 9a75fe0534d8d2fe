package io.github.wso2ports.apply;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.Layout;
import io.github.wso2ports.distribution.LayoutDetector;
import io.github.wso2ports.testing.ApimAnalytics;
import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.JavaProcess;
import io.github.wso2ports.testing.Samples;
import io.github.wso2ports.testing.Trees;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OffsetApplierTest {

    private static final String CARBON = "repository/conf/carbon.xml";
    private static final String TOML = "repository/conf/deployment.toml";

    @TempDir
    Path temp;

    private Dist classic(String carbonXml) {
        return Dist.at(temp.resolve("wso2am-2.6.0")).file(CARBON, carbonXml);
    }

    private Dist configMapper(String toml) {
        return Dist.at(temp.resolve("wso2am-4.2.0")).file(TOML, toml).file(CARBON, Samples.carbonXml(0));
    }

    private static ApplyPlan apply(Dist d, String runtime, int offset) {
        ApplyPlan plan = OffsetApplier.plan(d.detect(), runtime, offset, new OffsetApplier.Options(false));
        OffsetApplier.write(plan);
        return plan;
    }

    /** Asserts the run is refused with {@code reason} and leaves every file as it was. */
    private static Wso2PortsException refused(Dist d, String runtime, int offset, String reason, boolean replace) {
        Map<String, byte[]> before = Trees.snapshot(d.home());
        Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> {
            ApplyPlan plan = OffsetApplier.plan(d.detect(), runtime, offset, new OffsetApplier.Options(replace));
            OffsetApplier.write(plan);
        });
        assertTrue(e.describe().contains(reason), "expected '" + reason + "' in: " + e.describe());
        Map<String, byte[]> after = Trees.snapshot(d.home());
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
        return e;
    }

    private static Wso2PortsException refused(Dist d, int offset, String reason) {
        return refused(d, null, offset, reason, false);
    }

    // --- Carbon 4 classic: carbon.xml <Offset> ---------------------------------------------------------------

    @Test
    void classicChangesTheValueAloneAndIgnoresDecoysInComments() {
        String original = Samples.carbonXml(0);
        Dist d = classic(original);
        ApplyPlan plan = apply(d, null, 3);
        assertEquals(original.replace("<Offset>0</Offset>", "<Offset>3</Offset>"), d.text(CARBON));
        assertEquals(0, plan.currentOffset());
        assertEquals("wso2am-2.6.0/repository/conf/carbon.xml:8".replace("wso2am-2.6.0/", ""),
                plan.edit().location().toString());
    }

    @Test
    void theOffsetFileIsReadOnceAndWrittenOnce() throws Exception {
        Dist d = classic(Samples.carbonXml(0)).file("repository/conf/tomcat/catalina-server.xml",
                Samples.catalinaServerXml(9763, 9443));
        Map<String, Integer> reads = new java.util.HashMap<>();
        io.github.wso2ports.distribution.FolderSource folder = new io.github.wso2ports.distribution.FolderSource(
                d.home(), "");
        io.github.wso2ports.distribution.DistributionSource counting = new io.github.wso2ports.distribution
                .DistributionSource() {
            public String name() { return folder.name(); }
            public boolean isFile(String p) { return folder.isFile(p); }
            public boolean isDirectory(String p) { return folder.isDirectory(p); }
            public List<String> list(String p) { return folder.list(p); }
            public byte[] read(String p) { reads.merge(p, 1, Integer::sum); return folder.read(p); }
            public io.github.wso2ports.Location homeLocation() { return folder.homeLocation(); }
            public io.github.wso2ports.Location location(String p) { return folder.location(p); }
            public Path path(String p) { return folder.path(p); }
        };
        ApplyPlan plan = OffsetApplier.plan(LayoutDetector.detect(counting), null, 3, new OffsetApplier.Options(false));
        OffsetApplier.write(plan);
        assertEquals(1, reads.get(CARBON), reads.toString());
        assertTrue(d.text(CARBON).contains("<Offset>3</Offset>"));

        // a change between plan and write shows in the stamp, and the bytes then decide
        plan = OffsetApplier.plan(LayoutDetector.detect(folder), null, 4, new OffsetApplier.Options(false));
        d.file(CARBON, Samples.carbonXml(7));
        Files.setLastModifiedTime(d.path(CARBON), java.nio.file.attribute.FileTime.fromMillis(1));
        ApplyPlan stale = plan;
        Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> OffsetApplier.write(stale));
        assertTrue(e.describe().contains("changed while this run was working on it"), e.describe());
        assertTrue(d.text(CARBON).contains("<Offset>7</Offset>"));
    }

    @Test
    void classicKeepsCrlfBomTabsAndAMissingFinalNewline() {
        String text = Samples.carbonXml("<Offset>12</Offset>").replace("\n", "\r\n").stripTrailing();
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] bytes = concat(bom, text.replace("ISO-8859-1", "UTF-8").getBytes(StandardCharsets.UTF_8));
        Dist d = Dist.at(temp.resolve("d")).bytes(CARBON, bytes);
        apply(d, null, 5);
        String expected = text.replace("ISO-8859-1", "UTF-8").replace(">12<", ">5<");
        assertArrayEquals(concat(bom, expected.getBytes(StandardCharsets.UTF_8)), d.read(CARBON));
    }

    @Test
    void classicKeepsLatin1BytesAroundTheValue() {
        String text = Samples.carbonXml(0).replace("Sample Server", "Serveur d'\u00e9t\u00e9");
        Dist d = Dist.at(temp.resolve("d")).bytes(CARBON, text.getBytes(StandardCharsets.ISO_8859_1));
        apply(d, null, 2);
        assertArrayEquals(text.replace("<Offset>0<", "<Offset>2<").getBytes(StandardCharsets.ISO_8859_1), d.read(CARBON));
    }

    @Test
    void sameOffsetLeavesTheFileUntouched() throws Exception {
        Dist d = classic(Samples.carbonXml(4));
        Path file = d.path(CARBON);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(1_000_000_000L));
        ApplyPlan plan = apply(d, null, 4);
        assertFalse(plan.changes());
        assertNull(plan.change());
        assertEquals(1_000_000_000L, Files.getLastModifiedTime(file).toMillis(), "the file was rewritten");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<Offset/>", "<Offset></Offset>", "<Offset>  </Offset>"})
    void emptyOffsetIsRefused(String element) {
        refused(classic(Samples.carbonXml(element)), 1, "<Offset> is empty");
    }

    @Test
    void ofTwoOffsetsTheFirstIsTheOneWso2ReadsAndEdits() {
        // ServerConfiguration.getFirstProperty("Ports.Offset"): the first non-blank one
        Dist d = classic(Samples.carbonXml("<Offset>0</Offset><Offset>1</Offset>"));
        ApplyPlan plan = apply(d, null, 2);
        assertEquals(0, plan.currentOffset());
        assertTrue(d.text(CARBON).contains("<Offset>2</Offset><Offset>1</Offset>"), d.text(CARBON));
    }

    @Test
    void missingPortsIsRefused() {
        String xml = Samples.carbonXml(0).replaceAll("(?s)<Ports>.*</Ports>", "");
        refused(classic(xml), 1, "carbon.xml has no <Ports> element");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "99999999999", "1.5"})
    void unreadableCurrentValuesAreRefused(String value) {
        refused(classic(Samples.carbonXml("<Offset>" + value + "</Offset>")), 1, "<Offset> is");
    }

    @ParameterizedTest
    @ValueSource(strings = {"${portOffset}", "{{server.offset}}", "@offset@"})
    void placeholdersAreRefused(String value) {
        refused(classic(Samples.carbonXml("<Offset>" + value + "</Offset>")), 1, "placeholder or template tag");
    }

    @Test
    void markupInsideOffsetIsRefused() {
        refused(classic(Samples.carbonXml("<Offset><!-- was 2 -->0</Offset>")), 1, "holds a comment");
        refused(classic(Samples.carbonXml("<Offset>&#48;</Offset>")), 1, "holds a comment, CDATA section or entity");
    }

    @Test
    void malformedXmlIsRefusedWithItsLine() {
        Wso2PortsException e = refused(classic(Samples.carbonXml("<Offset>0</Ofset>")), 1, "malformed XML");
        assertEquals(8, e.location().line());
    }

    @Test
    void doctypeIsRefusedWithoutReadingTheEntity() throws Exception {
        Path secret = temp.resolve("secret.txt");
        Files.writeString(secret, "7");
        String xml = Samples.carbonXml("<Offset>&xxe;</Offset>").replace("<Server ",
                "<!DOCTYPE Server [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n<Server ");
        refused(classic(xml), 1, "DOCTYPE declaration, which is refused");
    }

    @Test
    void offsetBeyondAPortIsRefusedNamingThePortAndFile() {
        Dist d = classic(Samples.carbonXml(0)).file("repository/conf/tomcat/catalina-server.xml",
                Samples.catalinaServerXml(9763, 9443));
        Wso2PortsException e = refused(d, 60000, "would move JMX RMI server 11111 to 71111, beyond 65535");
        assertEquals("repository/conf/carbon.xml:11", e.location().toString());
        assertTrue(e.describe().contains("The largest offset this runtime takes is 54424"), e.describe());
        apply(d, null, 54424);
    }

    @Test
    void portsMovedBelow1024AreWarnedAbout() {
        Dist d = classic(Samples.carbonXml(0)).file("repository/conf/tomcat/catalina-server.xml",
                Samples.catalinaServerXml(80, 443));
        ApplyPlan plan = apply(d, null, 3);
        assertEquals(2, plan.warnings().size(), plan.warnings().toString());
        assertTrue(plan.warnings().get(0).contains("tomcat/catalina-server.xml:5: HTTP servlet transport"), plan.warnings().get(0));
        assertTrue(plan.warnings().get(0).contains("would listen on 83, below 1024"), plan.warnings().get(0));
    }

    @Test
    void readOnlyFileIsRefusedEvenForRoot() throws Exception {
        Dist d = classic(Samples.carbonXml(0));
        Files.setPosixFilePermissions(d.path(CARBON), PosixFilePermissions.fromString("r--r--r--"));
        refused(d, 3, "is read-only (mode r--r--r--)");
        // the same offset needs no write and is fine
        assertFalse(apply(d, null, 0).changes());
    }

    @Test
    void permissionsAreKept() throws Exception {
        Dist d = classic(Samples.carbonXml(0));
        Files.setPosixFilePermissions(d.path(CARBON), PosixFilePermissions.fromString("rw-r-----"));
        apply(d, null, 3);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(d.path(CARBON))));
    }

    @Test
    void aSymlinkedConfigWritesTheTargetAndKeepsTheLink() throws Exception {
        Path real = temp.resolve("shared-configs/carbon.xml");
        Trees.write(real, Samples.carbonXml(0));
        Dist d = Dist.at(temp.resolve("linked"));
        Files.createDirectories(d.path("repository/conf"));
        Files.createSymbolicLink(d.path(CARBON), real);
        apply(d, null, 6);
        assertTrue(Files.isSymbolicLink(d.path(CARBON)));
        assertTrue(Files.readString(real).contains("<Offset>6</Offset>"));
        try (var s = Files.list(real.getParent())) {
            assertEquals(1, s.count(), "a temp file was left behind");
        }
    }

    @Test
    void outOfRangeRequestIsRefused() {
        refused(classic(Samples.carbonXml(0)), -1, "out of range");
        refused(classic(Samples.carbonXml(0)), 70000, "out of range");
    }

    // --- config-mapper: deployment.toml [server] offset ------------------------------------------------------

    @Test
    void liveIntegerOffsetIsReplaced() {
        Dist d = configMapper(Samples.deploymentToml("offset = 2 # planned"));
        ApplyPlan plan = apply(d, null, 3);
        assertEquals(Samples.deploymentToml("offset = 3 # planned"), d.text(TOML));
        assertEquals("repository/conf/deployment.toml:3", plan.edit().location().toString());
        assertTrue(d.text(CARBON).contains("<Offset>0</Offset>"), "the generated carbon.xml must not be edited");
        assertTrue(plan.notes().stream().anyMatch(n -> n.equals(CARBON + ":8 says offset 0, but it is generated from "
                + "deployment.toml at the next start: the toml's 3 is used")), plan.notes().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"offset = \"2\"", "offset='2'", "offset   =   \"2\"   # puppet"})
    void quotedOffsetKeepsItsQuotes(String line) {
        Dist d = configMapper(Samples.deploymentToml(line));
        apply(d, null, 3);
        assertEquals(Samples.deploymentToml(line.replace('2', '3')), d.text(TOML));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "#offset=0|offset=3",
        "# offset  = 10|offset  = 3",
        "'  ## offset = \"0\"  # default'|'  offset = \"3\"  # default'",
        "#\toffset\t=\t1|offset\t=\t3"})
    void commentedOffsetIsUncommented(String line, String expected) {
        Dist d = configMapper(Samples.deploymentToml(line));
        apply(d, null, 3);
        assertEquals(Samples.deploymentToml(expected), d.text(TOML));
    }

    @Test
    void missingOffsetIsAddedUnderServer() {
        Dist d = configMapper(Samples.deploymentToml(""));
        ApplyPlan plan = apply(d, null, 3);
        assertEquals(Samples.deploymentToml("").replace("[server]\n", "[server]\noffset = 3\n"), d.text(TOML));
        assertEquals("repository/conf/deployment.toml:2", plan.edit().location().toString());
    }

    @Test
    void crlfFileGetsACrlfLine() {
        String toml = Samples.deploymentToml("").replace("\n", "\r\n");
        Dist d = configMapper(toml);
        apply(d, null, 3);
        assertEquals(toml.replace("[server]\r\n", "[server]\r\noffset = 3\r\n"), d.text(TOML));
    }

    @Test
    void missingServerTableIsAppendedAtTheEnd() {
        String toml = "# all commented\n# [server]\n# offset = 0\ntop = 1\n[database]\nurl = \"x\"\n";
        Dist d = configMapper(toml);
        apply(d, null, 3);
        assertEquals(toml + "\n[server]\noffset = 3\n", d.text(TOML));
    }

    @Test
    void missingFinalNewlineStaysMissing() {
        String toml = "[database]\nurl = \"x\"";
        Dist d = configMapper(toml);
        apply(d, null, 3);
        assertEquals(toml + "\n\n[server]\noffset = 3", d.text(TOML));
    }

    @Test
    void aServerHeaderInsideAMultiLineStringIsNotATable() {
        String toml = "note = \"\"\"\n[server]\n#offset=9\n\"\"\"\n[database]\nurl = \"x\"\n";
        Dist d = configMapper(toml);
        apply(d, null, 3);
        assertEquals(toml + "\n[server]\noffset = 3\n", d.text(TOML));
    }

    @Test
    void dottedServerOffsetAtTheTopIsReplaced() {
        String toml = "server.offset = 2\n[database]\nurl = \"x\"\n";
        Dist d = configMapper(toml);
        apply(d, null, 3);
        assertEquals(toml.replace("= 2", "= 3"), d.text(TOML));
    }

    @Test
    void inlineServerTableIsRefused() {
        refused(configMapper("server = { offset = 2 }\n"), 3, "form apply does not edit");
        refused(configMapper("server = { hostname = \"a\" }\n"), 3, "dotted keys or inline");
    }

    @Test
    void environmentOffsetIsRefusedUnlessReplacementIsAskedFor() {
        Dist d = configMapper(Samples.deploymentToml("offset = \"$env{PORT_OFFSET}\""));
        refused(d, null, 3, "run again with -Dwso2-ports.replacePlaceholder", false);
        ApplyPlan plan = OffsetApplier.plan(d.detect(), null, 3, new OffsetApplier.Options(true));
        assertNull(plan.currentOffset());
        OffsetApplier.write(plan);
        assertEquals(Samples.deploymentToml("offset = \"3\""), d.text(TOML));
    }

    @Test
    void offsetAtTheTopLevelIsRefused() {
        refused(configMapper("offset = 3\n" + Samples.deploymentToml("")), 3, "deployment.toml:1: 'offset' sits at the top level");
    }

    @Test
    void invalidTomlIsRefusedWithItsLine() {
        Wso2PortsException e = refused(configMapper(Samples.deploymentToml("offset = 2\noffset = 3")), 1,
                "invalid TOML: offset previously defined at line 3");
        assertEquals(4, e.location().line());
        refused(configMapper(Samples.deploymentToml("") + "[server]\nmode = 1\n"), 1, "invalid TOML");
        refused(configMapper("[server]\nhostname = \"unterminated\n"), 1, "deployment.toml:2: invalid TOML");
    }

    @Test
    void nonNumericTomlOffsetsAreRefused() {
        refused(configMapper(Samples.deploymentToml("offset = \"two\"")), 1, "[server] offset is 'two', not a whole number");
        refused(configMapper(Samples.deploymentToml("offset = 1.5")), 1, "[server] offset is a decimal number");
        refused(configMapper(Samples.deploymentToml("offset = -2")), 1, "a negative offset");
    }

    @Test
    void tomlPortsOverrideTheGeneratedXml() {
        Dist d = configMapper(Samples.deploymentToml("").replace("port = 9443", "port = 65000"))
                .file("repository/conf/tomcat/catalina-server.xml", Samples.catalinaServerXml(9763, 9443));
        refused(d, 1000, "deployment.toml:8: offset 1000 would move HTTPS servlet transport (management console) "
                + "65000 to 66000");
    }

    @Test
    void configMapperWithoutTomlIsRefused() {
        Dist d = Dist.at(temp.resolve("x")).file(CARBON, Samples.carbonXml(0))
                .file("repository/resources/conf/templates/repository/conf/carbon.xml.j2", "<Offset>{{x}}</Offset>");
        assertEquals(Layout.CONFIG_MAPPER, d.detect().layout(), "check reads it (the XML decides) and warns");
        refused(d, 3, TOML + ": does not exist, although the distribution has repository/resources/conf/templates/");
    }

    // --- Micro Integrator: conf/deployment.toml, default offset 10 -------------------------------------------

    private Dist mi(String serverLines, boolean withTemplate) {
        Dist d = Dist.at(temp.resolve("wso2mi-4.3.0")).file("conf/deployment.toml", Samples.deploymentToml(serverLines));
        if (withTemplate) {
            d.file("repository/resources/conf/templates/conf/carbon.xml.j2",
                    "<Ports>\n  <Offset>{{server.offset | default('10')}}</Offset>\n</Ports>\n");
        }
        return d;
    }

    @Test
    void miWithoutAnOffsetLineIsAlreadyAtTen() {
        Dist d = mi("# offset  = 10", true);
        ApplyPlan plan = apply(d, null, 10);
        assertFalse(plan.changes());
        assertEquals(10, plan.currentOffset());
        assertTrue(plan.currentSource().contains("carbon.xml.j2 default('10')"), plan.currentSource());
    }

    @Test
    void miOffsetReplacesTheDefault() {
        Dist d = mi("# offset  = 10", false);
        ApplyPlan plan = apply(d, null, 3);
        assertEquals(Samples.deploymentToml("offset  = 3"), d.text("conf/deployment.toml"));
        assertEquals(10, plan.currentOffset());
        assertTrue(plan.notes().get(0).contains("listens on 8283, not 8293"), plan.notes().get(0));
    }

    // --- multi-runtime distributions ---------------------------------------------------------------------------

    private Dist ei() {
        return Dist.at(temp.resolve("wso2ei-6.6.0"))
                .file("conf/carbon.xml", Samples.carbonXml(0))
                .file("wso2/analytics/conf/carbon.xml", Samples.carbonXml(1))
                .file("wso2/business-process/conf/carbon.xml", Samples.carbonXml(2))
                .file("wso2/broker/conf/carbon.xml", Samples.carbonXml(3))
                .file("wso2/components/plugins/readme.txt", "not a runtime");
    }

    @Test
    void multiRuntimeDefaultsToTheIntegrator() {
        Dist d = ei();
        Distribution dist = d.detect();
        assertEquals(Layout.MULTI_RUNTIME, dist.layout());
        assertEquals("integrator, analytics, broker, business-process", dist.runtimeNames());
        ApplyPlan plan = apply(d, null, 5);
        assertTrue(d.text("conf/carbon.xml").contains("<Offset>5</Offset>"));
        assertEquals("runtime broker: offset 3 (wso2/broker/conf/carbon.xml)", plan.others().get(1));
    }

    @Test
    void multiRuntimePicksTheNamedRuntime() {
        Dist d = ei();
        apply(d, "broker", 7);
        assertTrue(d.text("wso2/broker/conf/carbon.xml").contains("<Offset>7</Offset>"));
        assertTrue(d.text("conf/carbon.xml").contains("<Offset>0</Offset>"));
        refused(d, "nope", 1, "has no runtime named 'nope'. Use one of: integrator, analytics, broker, business-process",
                false);
    }

    @Test
    void iotProfilesAreAlternativesTargetedByName() {
        Dist d = Dist.at(temp.resolve("wso2iot-3.3.0"))
                .file("conf/carbon.xml", Samples.carbonXml(0))
                .file("wso2/broker/conf/carbon.xml", Samples.carbonXml(3))
                .file("repository/resources/profiles/keymanager/carbon.xml", Samples.carbonXml(4));
        Distribution dist = d.detect();
        assertEquals("core", dist.primary().name());
        ApplyPlan plan = apply(d, "keymanager", 8);
        assertTrue(d.text("repository/resources/profiles/keymanager/carbon.xml").contains("<Offset>8</Offset>"));
        assertTrue(plan.others().contains("runtime core: offset 0 (conf/carbon.xml)"), plan.others().toString());
        ApplyPlan core = apply(d, null, 1);
        assertTrue(core.others().contains("alternative profile keymanager: offset 8 "
                + "(repository/resources/profiles/keymanager/carbon.xml)"), core.others().toString());
    }

    @Test
    void microIntegrator100KeepsItsOffsetInCarbonXml() {
        Dist d = Dist.at(temp.resolve("wso2mi-1.0.0")).file("conf/carbon.xml", Samples.carbonXml(10));
        assertEquals(Layout.CLASSIC, d.detect().layout());
        apply(d, null, 2);
        assertTrue(d.text("conf/carbon.xml").contains("<Offset>2</Offset>"));
    }

    @Test
    void carbon5RuntimesBeforeMsf4j275AreRefusedWithTheReason() {
        Dist d = Dist.at(temp.resolve("wso2sp-4.4.0")).file("conf/worker/deployment.yaml",
                "wso2.carbon:\n  ports:\n    offset: 0\nwso2.transport.http:\n  listenerConfigurations:\n"
                        + "    - id: \"default\"\n      port: 9090\n");
        refused(d, 1, "conf/worker/deployment.yaml: runtime worker of Stream Processor 4.4.0 keeps its listeners where "
                + "they are whatever its offset (HTTP listener (Carbon 5) 9090 (conf/worker/deployment.yaml:7)): before "
                + "msf4j 2.7.5");
        // API Manager Analytics 3.0.0 ships msf4j 2.7.3
        refused(ApimAnalytics.pack(temp.resolve("a30"), "3.0.0"), "dashboard", 5, false,
                "runtime dashboard of API Manager Analytics 3.0.0 keeps its listeners where they are");
    }

    private Wso2PortsException refused(Dist d, String runtime, int offset, boolean replace, String reason) {
        return refused(d, runtime, offset, reason, replace);
    }

    @Test
    void carbon5ListenersMoveFromMsf4j275SoApplySetsTheirOffsetAlone() {
        // API Manager Analytics 3.2.0 (msf4j 2.7.7): the dashboard's 9089/9640 listen on 9092/9643 at its offset 3
        Dist d = ApimAnalytics.pack(temp.resolve("a32"), "3.2.0");
        String before = d.text("conf/dashboard/deployment.yaml");
        ApplyPlan plan = apply(d, "dashboard", 5);
        assertEquals(before.replace("    offset: 3\n", "    offset: 5\n"), d.text("conf/dashboard/deployment.yaml"));
        assertEquals("wso2.carbon.ports.offset 3 -> 5", plan.change());
        assertEquals(List.of(), plan.notes());
        assertEquals(List.of(), apply(d, "dashboard", 5).warnings(), "idempotent");
        // the worker moves too; what stays by design is said
        ApplyPlan worker = apply(d, "worker", 2);
        assertTrue(d.text("conf/worker/deployment.yaml").contains("    offset: 2\n"));
        assertEquals(List.of("conf/worker/deployment.yaml:38: Siddhi store query API, HTTP "
                + "(Carbon 5) 7071 stays where it is: wso2.carbon.ports.offset does not move the Siddhi store API "
                + "listeners: they start a MicroservicesRunner of their own, which binds the port as written, whatever "
                + "the msf4j version"), worker.notes().subList(0, 1));
        assertEquals(3, worker.notes().size(), worker.notes().toString());
    }

    @Test
    void aQuotedCarbon5OffsetKeepsItsQuotes() {
        Dist d = ApimAnalytics.pack(temp.resolve("q"), "3.2.0");
        d.file("conf/dashboard/deployment.yaml", d.text("conf/dashboard/deployment.yaml").replace("offset: 3",
                "offset: '3' # was 3"));
        apply(d, "dashboard", 4);
        assertTrue(d.text("conf/dashboard/deployment.yaml").contains("    offset: '4' # was 3\n"));
    }

    @Test
    void theMsf4jRuntimeOfEi6IsRefused() {
        // product-ei v6.1.1: wso2/msf4j/conf/carbon.yml (ports: offset: 0), transports/netty-transports.yml (9090)
        Dist d = Dist.at(temp.resolve("wso2ei-6.1.1")).file("conf/carbon.xml", Samples.carbonXml(0))
                .file("wso2/msf4j/conf/carbon.yml", "id: ${server.key}\ntenant: default\nports:\n offset: 0\n")
                .file("wso2/msf4j/conf/transports/netty-transports.yml",
                        "listenerConfigurations:\n -\n  id: \"default\"\n  host: \"0.0.0.0\"\n  port: 9090\n");
        refused(d, "msf4j", 3, false, "runtime msf4j of Enterprise Integrator 6.1.1 keeps its listeners where they "
                + "are whatever its offset (MSF4J netty HTTP (EI MSF4J runtime) 9090 (wso2/msf4j/conf/"
                + "transports/netty-transports.yml:5)): MSF4J 2.2.2 on Carbon kernel 5.1.2");
    }

    @Test
    void unknownFoldersListWhatWasLookedFor() {
        Dist d = Dist.at(temp.resolve("empty")).file("bin/readme.txt", "x");
        Wso2PortsException e = assertThrows(Wso2PortsException.class, d::detect);
        assertTrue(e.describe().contains("found none of repository/conf/deployment.toml, conf/deployment.toml"),
                e.describe());
        Dist t = Dist.at(temp.resolve("puppet")).file("repository/conf/carbon.xml.erb", "<Offset><%= @o %></Offset>");
        e = assertThrows(Wso2PortsException.class, t::detect);
        assertTrue(e.describe().contains("templates (repository/conf/carbon.xml.erb)"), e.describe());
        assertThrows(Wso2PortsException.class, () -> LayoutDetector.detect(
                io.github.wso2ports.distribution.FolderSource.open(temp.resolve("missing"), "missing")));
    }

    // --- what keeps the written offset from taking effect: start arguments, a running server ---------------

    @Test
    void aPortOffsetInTheStartScriptIsAWarningAtItsLine() {
        Dist d = classic(Samples.carbonXml(0)).file("bin/wso2server.sh", "#!/bin/sh\n# -DportOffset=7 is a comment\n"
                + "exec java -DportOffset=5 -Dcarbon.home=\"$CARBON_HOME\" org.wso2.carbon.bootstrap.Bootstrap \"$@\"\n");
        ApplyPlan plan = apply(d, null, 3);
        assertEquals(List.of("-DportOffset=5 in bin/wso2server.sh:3 beats the offset this writes: the ports "
                + "stay at offset 5 until it is removed"), plan.warnings());
        assertTrue(d.text(CARBON).contains("<Offset>3</Offset>"), "the file is written all the same");
        assertEquals(List.of(), apply(d, null, 5).warnings(), "the same offset: nothing stays behind");
    }

    @Test
    void aPortOffsetTheScriptFillsInIsAWarningToo() {
        Dist d = configMapper(Samples.deploymentToml("")).file("bin/api-manager.sh",
                "java -DportOffset=$PORT_OFFSET org.wso2.carbon.bootstrap.Bootstrap \"$@\"\n");
        assertEquals(List.of("-DportOffset=$PORT_OFFSET in bin/api-manager.sh:1 beats the offset this writes: "
                + "the ports stay at offset $PORT_OFFSET until it is removed"), apply(d, null, 2).warnings());
    }

    @Test
    void aPidFileNamingAJavaProcessOfThisHomeMeansTheServerRuns() throws Exception {
        Dist d = classic(Samples.carbonXml(0));
        try (JavaProcess server = JavaProcess.start("-Dcarbon.home=" + d.home().toAbsolutePath(), "-Xms8m")) {
            // the kernel writes `echo $PPID` from a 100-byte buffer: the number, a newline, then NULs
            byte[] written = new byte[100];
            byte[] number = (server.pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(number, 0, written, 0, number.length);
            d.bytes("wso2carbon.pid", written);
            ApplyPlan plan = apply(d, null, 3);
            assertEquals(List.of("the server is running (PID " + server.pid() + ", wso2carbon.pid): the new offset "
                    + "takes effect at the next start; stop it first"), plan.warnings());
            assertEquals(List.of(), apply(d, null, 3).warnings(), "nothing changes, nothing to take effect");
        }
    }

    @Test
    void aJavaProcessOfAnotherHomeIsNotThisServer() throws Exception {
        // a home copied with its PID file: the PID is the original's server
        Dist d = classic(Samples.carbonXml(0));
        try (JavaProcess other = JavaProcess.start("-Dcarbon.home=" + temp.resolve("wso2am-2.6.0-original"))) {
            d.file("wso2carbon.pid", other.pid() + "\n");
            assertEquals(List.of(), apply(d, null, 3).warnings());
        }
    }

    @Test
    void aHomeReachedThroughALinkIsStillThisHome() throws Exception {
        Dist d = classic(Samples.carbonXml(0));
        Path link = Files.createSymbolicLink(temp.resolve("current"), d.home().toAbsolutePath());
        try (JavaProcess server = JavaProcess.start("-Dcarbon.home=" + link)) {
            d.file("wso2carbon.pid", server.pid() + "\n");
            assertEquals(1, apply(d, null, 3).warnings().size());
        }
    }

    @Test
    void aProcessWhoseCommandLineCannotBeReadIsSaidSo() {
        // another user's process under hidepid, or PID 1 of a container seen from outside: alive, nothing to read
        RunningServer.Processes hidden = new RunningServer.Processes() {
            @Override
            public boolean alive(long pid) {
                return true;
            }

            @Override
            public boolean hidesOthers() {
                return false;
            }

            @Override
            public java.util.Optional<List<String>> commandLine(long pid) {
                return java.util.Optional.empty();
            }
        };
        Dist d = classic(Samples.carbonXml(0)).file("wso2carbon.pid", "1\n");
        ApplyPlan plan = OffsetApplier.plan(d.detect(), null, 3, new OffsetApplier.Options(false), hidden);
        assertEquals(List.of("wso2carbon.pid names PID 1, a process this user cannot see or read (another user's, or "
                + "hidden by /proc's hidepid), so whether this server runs could not be told; if it does, the new "
                + "offset takes effect at its next start"), plan.warnings());
        // under hidepid another user's process is not even seen as alive
        RunningServer.Processes hidepid = new RunningServer.Processes() {
            @Override
            public boolean alive(long pid) {
                return false;
            }

            @Override
            public boolean hidesOthers() {
                return true;
            }

            @Override
            public java.util.Optional<List<String>> commandLine(long pid) {
                return java.util.Optional.empty();
            }
        };
        Dist h = Dist.at(temp.resolve("hidden/wso2am-2.6.0")).file(CARBON, Samples.carbonXml(0))
                .file("wso2carbon.pid", "4242\n");
        assertEquals(1, OffsetApplier.plan(h.detect(), null, 3, new OffsetApplier.Options(false), hidepid).warnings()
                .size());
    }

    @Test
    void eachRuntimeKindHasItsOwnPidFile() throws Exception {
        // Carbon 5.2+: wso2/<runtime>/runtime.pid; an EI runtime: wso2carbon.pid in its own home
        Dist c5 = ApimAnalytics.pack(temp.resolve("pid"), "3.2.0");
        try (JavaProcess worker = JavaProcess.start("-Dcarbon.home=" + c5.home().toAbsolutePath(),
                "-Dwso2.runtime.path=" + c5.home().resolve("wso2/worker").toAbsolutePath())) {
            c5.file("wso2/worker/runtime.pid", worker.pid() + "\n");
            assertEquals(List.of("the server is running (PID " + worker.pid() + ", wso2/worker/runtime.pid): the new "
                    + "offset takes effect at the next start; stop it first"), apply(c5, "worker", 4).warnings());
            assertEquals(List.of(), apply(c5, "dashboard", 4).warnings(), "the dashboard's own PID file is not there");
        }
        Dist ei = Dist.at(temp.resolve("pid/wso2ei-6.1.1")).file("conf/carbon.xml", Samples.carbonXml(0))
                .file("wso2/broker/conf/carbon.xml", Samples.carbonXml(3));
        try (JavaProcess broker = JavaProcess.start("-Dcarbon.home=" + ei.home().resolve("wso2/broker").toAbsolutePath())) {
            ei.file("wso2/broker/wso2carbon.pid", broker.pid() + "\n");
            assertEquals(1, apply(ei, "broker", 5).warnings().size());
            assertEquals(List.of(), apply(ei, null, 5).warnings(), "the integrator's PID file is the home's");
        }
    }

    @Test
    void aStalePidFileIsSilent() throws Exception {
        Process done = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-version")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        done.waitFor();
        Dist dead = classic(Samples.carbonXml(0)).file("wso2carbon.pid", done.pid() + "\n");
        assertEquals(List.of(), apply(dead, null, 3).warnings());
        Dist garbage = Dist.at(temp.resolve("garbage")).file(CARBON, Samples.carbonXml(0))
                .file("wso2carbon.pid", "not a pid\n" + ProcessHandle.current().pid() + "\n");
        assertEquals(List.of(), apply(garbage, null, 3).warnings());
        Dist empty = Dist.at(temp.resolve("empty-pid")).file(CARBON, Samples.carbonXml(0)).file("wso2carbon.pid", "");
        assertEquals(List.of(), apply(empty, null, 3).warnings());
    }

    @Test
    void aPidRecycledByAnotherProgramIsNotTheServer() throws Exception {
        Process sleep;
        try {
            sleep = new ProcessBuilder("sleep", "60").start();
        } catch (IOException e) {
            Assumptions.abort("no sleep program to stand in for another process: " + e);
            return;
        }
        try {
            Dist d = classic(Samples.carbonXml(0)).file("wso2carbon.pid", sleep.pid() + "\n");
            assertEquals(List.of(), apply(d, null, 3).warnings());
        } finally {
            sleep.destroy();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
