package io.github.wso2ports.maven;

import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.RecordingLog;
import io.github.wso2ports.testing.Samples;
import io.github.wso2ports.testing.Trees;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.wso2ports.maven.Mojos.instance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MojoTest
class PlanMojoTest {

    private static final String POM = "src/test/resources/unit/plan/pom.xml";
    private static final String CARBON = "repository/conf/carbon.xml";

    @TempDir
    Path temp;

    private final RecordingLog log = new RecordingLog();
    private Dist am;
    private Dist is;
    private Dist esb;

    @BeforeEach
    void distributions() {
        am = Dist.at(temp.resolve("dist/wso2am-2.6.0")).file(CARBON, Samples.carbonXml(0))
                .file("repository/conf/tomcat/catalina-server.xml", Samples.catalinaServerXml(9763, 9443));
        is = Dist.at(temp.resolve("dist/wso2is-5.7.0")).file(CARBON, Samples.carbonXml(0));
        esb = Dist.at(temp.resolve("dist/wso2esb-5.0.0")).file(CARBON, Samples.carbonXml(7));
    }

    private PlanMojo configure(PlanMojo mojo, Map<String, Object> parameters) throws Exception {
        return Mojos.configure(mojo, temp, log, parameters);
    }

    @Test
    @InjectMojo(goal = "plan", pom = POM)
    void printsThePlanAndThePinLinesAndWritesNothing(PlanMojo mojo) throws Exception {
        var before = Trees.snapshot(temp);
        configure(mojo, Map.of("instances", List.of(instance("apim", am, null), instance("is", is, null),
                instance("esb", esb, "2")))).execute();
        List<String> lines = log.lines();
        assertEquals("[INFO] Offset plan for 3 instances:", lines.get(0));
        assertEquals("[INFO]   instance  host       offset  planned  ports moved  because", lines.get(1));
        assertEquals("[INFO]   apim      localhost       0        0            0  planned", lines.get(2));
        assertEquals("[INFO]   is        localhost       0        1            6  planned", lines.get(3));
        assertEquals("[INFO]   esb       localhost       7        2            6  pinned: <offset> in the pom", lines.get(4));
        assertTrue(lines.contains("[INFO]   is: <offset>1</offset>"), log.text());
        assertTrue(lines.contains("[INFO] Nothing written: -Dwso2-ports.write writes the 1 changed offset (or pin them "
                + "as above and run mvn wso2-ports:apply)"), log.text());
        var after = Trees.snapshot(temp);
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
    }

    @Test
    @InjectMojo(goal = "plan", pom = POM)
    void writeSetsTheFreeInstancesOffsetsAsApplyDoes(PlanMojo mojo) throws Exception {
        configure(mojo, Map.of("instances", List.of(instance("apim", am, null), instance("is", is, null),
                instance("esb", esb, "2")), "write", true)).execute();
        assertEquals(Samples.carbonXml(0), am.text(CARBON));
        assertEquals(Samples.carbonXml(1), is.text(CARBON));
        assertEquals(Samples.carbonXml(7), esb.text(CARBON), "a pinned instance is apply's, not the plan's");
        assertTrue(log.lines().contains("[INFO] is: set port offset 0 -> 1 in dist/wso2is-5.7.0/repository/conf/"
                + "carbon.xml:8 (<Offset> 0 -> 1)"), log.text());
    }

    @Test
    @InjectMojo(goal = "plan", pom = POM)
    void aHostFolderIsPlannedAroundItsZipsWhichNothingWrites(PlanMojo mojo) throws Exception {
        // a host's folder: API Manager unpacked, Identity Server as its release zip, both at offset 0
        io.github.wso2ports.testing.Zips.zip(is.home(), temp.resolve("dist/wso2is-5.7.0.zip"));
        org.apache.commons.io.file.PathUtils.deleteDirectory(is.home());
        org.apache.commons.io.file.PathUtils.deleteDirectory(esb.home());
        byte[] zip = java.nio.file.Files.readAllBytes(temp.resolve("dist/wso2is-5.7.0.zip"));
        configure(mojo, Map.of("home", "dist", "write", true)).execute();
        assertTrue(log.lines().contains("[INFO] dist holds 2 distributions: wso2am-2.6.0, wso2is-5.7.0.zip"), log.text());
        assertTrue(log.squeezed().stream().anyMatch(l -> l.startsWith("[INFO] wso2is-5.7.0 localhost 0 0 0 zip: a release "
                + "zip keeps the offset it ships with")), log.text());
        assertEquals(Samples.carbonXml(1), am.text(CARBON), "the unpacked one moves around the zip");
        assertArrayEquals(zip, java.nio.file.Files.readAllBytes(temp.resolve("dist/wso2is-5.7.0.zip")));
    }

    @Test
    @InjectMojo(goal = "plan", pom = POM)
    void noPlanFailsAndSaysWhatBlocks(PlanMojo mojo) throws Exception {
        var before = Trees.snapshot(temp);
        configure(mojo, Map.of("instances", List.of(instance("apim", am, "0"), instance("is", is, "0")),
                "write", true));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("wso2-ports:plan: no clash-free plan exists: "), e.getMessage());
        assertTrue(log.squeezed().contains("[ERROR] instances whose offsets are not free to change: localhost tcp/9443 "
                + "clash: apim (HTTPS servlet transport (management console), dist/wso2am-2.6.0/repository/conf/tomcat/"
                + "catalina-server.xml:7) <-> is (HTTPS servlet transport (management console), catalog default: no "
                + "dist/wso2is-5.7.0/repository/conf/tomcat/catalina-server.xml)"), log.text());
        var after = Trees.snapshot(temp);
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
    }

    @Test
    @InjectMojo(goal = "plan", pom = POM)
    void aPlanThatLeavesErrorsFailsAndWritesNothing(PlanMojo mojo) throws Exception {
        // API Manager's key manager URL points at 9444; Identity Server is pinned at offset 2 (9445): no offset fixes it
        Path amHome = io.github.wso2ports.testing.Corpus.copy("wso2am-4.7.0", temp.resolve("real"));
        Path toml = amHome.resolve("repository/conf/deployment.toml");
        String text = java.nio.file.Files.readString(toml);
        String url = "#service_url = \"https://localhost:${mgt.transport.https.port}/services/\"";
        assertTrue(text.contains(url));
        java.nio.file.Files.writeString(toml, text.replace(url, "service_url = \"https://localhost:9444/services/\""));
        Path isHome = io.github.wso2ports.testing.Corpus.copy("wso2is-7.3.0", temp.resolve("real"));
        var before = Trees.snapshot(temp);
        configure(mojo, Map.of("instances", List.of(instance("apim", Dist.at(amHome), null),
                instance("km", Dist.at(isHome), "2")), "write", true));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("wso2-ports:plan: after this plan, check would still report 1 error (see above), which no offset of "
                + "the free instances fixes; nothing was written", e.getMessage());
        assertTrue(log.squeezed().stream().anyMatch(l -> l.startsWith("[ERROR] after this plan, check still reports "
                + "localhost tcp/9444 link: apim (key manager service URL https://localhost:9444, real/wso2am-4.7.0/")), log.text());
        var after = Trees.snapshot(temp);
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
    }

    @Test
    @InjectMojo(goal = "plan", pom = POM)
    void skipDoesNothing(PlanMojo mojo) throws Exception {
        configure(mojo, Map.of("skip", true)).execute();
        assertEquals(List.of("[INFO] Skipping wso2-ports:plan (wso2-ports.skip)"), log.lines());
    }
}
