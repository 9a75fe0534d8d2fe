package io.github.wso2ports.ports;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.apply.OffsetApplier;
import io.github.wso2ports.check.ClashDetector;
import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.check.Finding;
import io.github.wso2ports.check.FindingKind;
import io.github.wso2ports.check.RuntimeInstance;
import io.github.wso2ports.config.ConfigMapperMetadata;
import io.github.wso2ports.testing.Corpus;
import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.Samples;
import io.github.wso2ports.testing.Zips;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * config-mapper regenerates its XML files from deployment.toml whenever one of them no longer has the MD5 it
 * recorded (port-truth.md, config-mapper flow step 3), and generates nothing without deployment.toml (step 5).
 */
class GeneratedFilesTest {

    static final String METADATA = "repository/resources/conf/.metadata/metadata_config.properties";
    private static final String CARBON = "repository/conf/carbon.xml";
    private static final String AXIS2 = "repository/conf/axis2/axis2.xml";
    private static final String CATALINA = "repository/conf/tomcat/catalina-server.xml";
    private static final String TOML = "repository/conf/deployment.toml";

    @TempDir
    Path temp;

    /**
     * metadata_config.properties as config-mapper writes it after generating: {@code Properties.store} of each
     * file's MD5 keyed by its path relative to the home, with {@code separator} as the OS writes it.
     */
    static byte[] metadata(Dist d, char separator, String... paths) {
        Properties p = new Properties();
        for (String path : paths) {
            p.setProperty(path.replace('/', separator), ConfigMapperMetadata.md5(d.read(path)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            p.store(out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The line of metadata_config.properties that records {@code path} (Properties.store picks the order). */
    static int lineOf(Dist d, String path) {
        List<String> lines = new String(d.read(METADATA), StandardCharsets.ISO_8859_1).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(path + "=")) {
                return i + 1;
            }
        }
        throw new AssertionError(path + " is not recorded in " + lines);
    }

    /** An API Manager 4.2.0 as config-mapper leaves it after a start: generated files and their recorded MD5s. */
    private Dist generated() {
        Dist d = Dist.at(temp.resolve("wso2am-4.2.0")).file(TOML, Samples.deploymentToml("offset = 0"))
                .file(CARBON, Samples.carbonXml(0))
                .file(CATALINA, Samples.catalinaServerXml(9763, 9443))
                .file("repository/resources/conf/templates/repository/conf/carbon.xml.j2",
                        "<Offset>{{server.offset | default('0')}}</Offset>\n");
        return d.bytes(METADATA, metadata(d, '/', CARBON, CATALINA, TOML));
    }

    private static RuntimeInstance read(Path home, String display) {
        EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec("am", home, display, "h", null,
                null, null, "apply")), Catalog.builtIn());
        assertEquals(List.of(), r.errors());
        return r.instances().get(0);
    }

    static List<String> drift(RuntimeInstance i) {
        return ClashDetector.detect(List.of(i), List.of(), ClashDetector.Options.defaults()).stream()
                .filter(f -> f.kind() == FindingKind.DRIFT).map(f -> f.severity() + " " + f.describe()).toList();
    }

    @Test
    void filesThatStillHaveTheirRecordedMd5AreNotDrift() {
        Dist d = generated();
        assertEquals(List.of(), drift(read(d.home(), "am")));
    }

    @Test
    void aHandEditedGeneratedFileIsDriftAtThatFile() {
        Dist d = generated();
        // the mistake of port-truth.md issue row 1: the offset set in carbon.xml, which the next start resets
        d.file(CARBON, Samples.carbonXml(2));
        RuntimeInstance i = read(d.home(), "am");
        assertEquals(List.of("WARNING h drift: am (config-mapper, am/" + CARBON + "): its MD5 is not the one "
                + "config-mapper recorded when it generated it (am/" + METADATA + ":" + lineOf(d, CARBON) + "): a hand "
                + "edit that the next start overwrites: edit deployment.toml instead"), drift(i));
        assertEquals(0, i.offset(), "the toml's offset, not the hand edit's");
        Finding f = ClashDetector.detect(List.of(i), List.of(), ClashDetector.Options.defaults()).stream()
                .filter(x -> x.kind() == FindingKind.DRIFT).findFirst().orElseThrow();
        assertEquals("am/" + CARBON, f.owners().get(0).location().toString(), "SARIF annotates the generated file");
    }

    @Test
    void aGeneratedFileThatOnlyPredatesAChangedTomlIsNotDrift() {
        Dist d = generated();
        // what wso2-ports:apply does: the toml changes, the generated files wait for the next start
        d.file(TOML, Samples.deploymentToml("offset = 3"));
        RuntimeInstance i = read(d.home(), "am");
        assertEquals(List.of(), drift(i));
        assertEquals(3, i.offset());
        assertEquals(List.of("am/" + CARBON + ":8 says offset 0, but it is generated from deployment.toml at the next "
                + "start: the toml's 3 is used"), i.config().notes());
    }

    @Test
    void withoutMetadataNothingIsKnownToHaveDrifted() {
        Dist d = Dist.at(temp.resolve("wso2am-4.2.0")).file(TOML, Samples.deploymentToml("offset = 0"))
                .file(CARBON, Samples.carbonXml(2));
        assertEquals(List.of(), drift(read(d.home(), "am")));
    }

    @Test
    void filesWithoutARecordedMd5AreNotJudged() {
        Dist d = generated();
        d.file(AXIS2, "<axisconfig name=\"AxisJava2.0\"/>\n");
        assertEquals(List.of(), drift(read(d.home(), "am")));
    }

    @Test
    void windowsKeysAndEveryPortFileCount() {
        Dist d = generated();
        d.file(AXIS2, "<axisconfig name=\"AxisJava2.0\"/>\n");
        d.bytes(METADATA, metadata(d, '\\', CARBON, AXIS2, CATALINA, TOML));
        assertTrue(new String(d.read(METADATA)).contains("repository\\\\conf\\\\axis2\\\\axis2.xml="),
                "Properties.store escapes the Windows separator");
        d.file(AXIS2, "<axisconfig name=\"AxisJava2.0\"><!-- edited --></axisconfig>\n");
        d.file(CATALINA, Samples.catalinaServerXml(9764, 9443));
        List<String> drift = drift(read(d.home(), "am"));
        assertEquals(2, drift.size(), drift.toString());
        assertTrue(drift.get(0).startsWith("WARNING h drift: am (config-mapper, am/" + AXIS2 + "): "), drift.get(0));
        assertTrue(drift.get(1).startsWith("WARNING h drift: am (config-mapper, am/" + CATALINA + "): "), drift.get(1));
    }

    @Test
    void aZipIsReadInPlace() {
        Dist d = generated();
        d.file(CARBON, Samples.carbonXml(2));
        Path zip = Zips.zip(d.home(), temp.resolve("wso2am-4.2.0.zip"));
        List<String> drift = drift(read(zip, "wso2am-4.2.0.zip"));
        assertEquals(1, drift.size(), drift.toString());
        assertTrue(drift.get(0).startsWith("WARNING h drift: am (config-mapper, wso2am-4.2.0.zip!/" + CARBON + "): "),
                drift.get(0));
    }

    @Test
    void avoidConfigHashReadKeepsAHandEditUntilTheTomlChanges() {
        // Micro Integrator's scripts ship -DavoidConfigHashRead=true (wso2/product-micro-integrator#4770)
        Dist d = Dist.at(temp.resolve("wso2mi-4.3.0")).file("conf/deployment.toml", Samples.deploymentToml(""))
                .file("conf/carbon.xml", Samples.carbonXml(10))
                .file("repository/resources/conf/templates/conf/carbon.xml.j2",
                        "<Offset>{{server.offset | default('10')}}</Offset>\n")
                .file("bin/micro-integrator.sh", "#!/bin/sh\n$JAVACMD \\\n    -DavoidConfigHashRead=true \\\n    org.wso2.micro.integrator.bootstrap.Bootstrap\n");
        d.bytes(METADATA, metadata(d, '/', "conf/carbon.xml", "conf/deployment.toml"));
        d.file("conf/carbon.xml", Samples.carbonXml(4));
        assertEquals(List.of("WARNING h drift: am (config-mapper, am/conf/carbon.xml): its MD5 is not the one "
                + "config-mapper recorded when it generated it (am/" + METADATA + ":" + lineOf(d, "conf/carbon.xml")
                + "): a hand edit that lasts until deployment.toml changes, because -DavoidConfigHashRead (am/bin/micro-integrator.sh:3) regenerates "
                + "only then, and overwrites it: edit deployment.toml instead"), drift(read(d.home(), "am")));

        d.file("conf/deployment.toml", Samples.deploymentToml("offset = 1"));
        List<String> changed = drift(read(d.home(), "am"));
        assertEquals(1, changed.size(), changed.toString());
        assertTrue(changed.get(0).endsWith("a hand edit that the next start overwrites: edit deployment.toml instead"),
                changed.get(0));
    }

    @Test
    void avoidConfigUpdateKeepsHandEditsSoTheyAreNotDrift() {
        Dist d = generated();
        d.file(CARBON, Samples.carbonXml(2)).file("bin/api-manager.sh", "java -DavoidConfigUpdate org.wso2.carbon.bootstrap.Bootstrap \"$@\"\n");
        RuntimeInstance i = read(d.home(), "am");
        assertEquals(List.of(), drift(i));
        assertEquals(2, i.offset(), "the hand edit is what runs");
    }

    @Test
    void templatesWithoutDeploymentTomlLeaveTheXmlInCharge() {
        Dist d = Dist.at(temp.resolve("wso2is-5.11.0")).file(CARBON, Samples.carbonXml(2))
                .file(CATALINA, Samples.catalinaServerXml(9763, 9443))
                .file("repository/resources/conf/templates/repository/conf/carbon.xml.j2",
                        "<Offset>{{server.offset | default('0')}}</Offset>\n");
        RuntimeInstance i = read(d.home(), "is");
        assertEquals(2, i.offset(), "carbon.xml decides: nothing is generated");
        assertEquals("is/" + CARBON + ":8", i.config().offsetSource());
        assertEquals(List.of("WARNING h drift: am (config-mapper, is/" + TOML + "): does not exist, although the "
                + "distribution has repository/resources/conf/templates/: config-mapper generates nothing at start-up "
                + "without it, so " + CARBON + " and the other XML files as they are (not the templates) decide the "
                + "ports; restore deployment.toml from the original distribution to configure the runtime there"),
                drift(i));

        // apply writes the toml only, and does not create one
        Wso2PortsException e = assertThrows(Wso2PortsException.class,
                () -> OffsetApplier.plan(d.detect(), null, 3, new OffsetApplier.Options(false)));
        assertTrue(e.describe().startsWith(TOML + ": does not exist, although the distribution has "), e.describe());
        assertTrue(e.describe().endsWith("wso2-ports:apply sets the offset only in deployment.toml, and never creates "
                + "one: a new deployment.toml would regenerate every generated file from the defaults"), e.describe());
    }

    @Test
    void realGeneratedFilesFromTheCorpus() {
        // the corpus has no .metadata (never started): record the real files' MD5s as config-mapper would
        Dist am = Dist.at(Corpus.copy("wso2am-3.2.0", temp));
        am.bytes(METADATA, metadata(am, '/', CARBON, AXIS2, CATALINA, TOML));
        assertEquals(List.of(), drift(read(am.home(), "am")));

        am.file(TOML, am.text(TOML) + "\n[transport.http]\nproperties.port = 9764\n");
        assertEquals(List.of(), drift(read(am.home(), "am")), "a toml edit is how it is meant to be done");

        am.file(CARBON, am.text(CARBON).replace("<Offset>0</Offset>", "<Offset>2</Offset>"));
        assertEquals(List.of("WARNING h drift: am (config-mapper, am/" + CARBON + "): its MD5 is not the one "
                + "config-mapper recorded when it generated it (am/" + METADATA + ":" + lineOf(am, CARBON) + "): a hand "
                + "edit that the next start overwrites: edit deployment.toml instead"), drift(read(am.home(), "am")));

        Dist mi = Dist.at(Corpus.copy("wso2mi-4.3.0", temp));
        mi.bytes(METADATA, metadata(mi, '/', "conf/carbon.xml", "conf/deployment.toml"));
        mi.file("conf/carbon.xml", mi.text("conf/carbon.xml").replace("<Offset>10</Offset>", "<Offset>3</Offset>"));
        List<String> miDrift = drift(read(mi.home(), "mi"));
        assertEquals(1, miDrift.size(), miDrift.toString());
        assertTrue(miDrift.get(0).startsWith("WARNING h drift: am (config-mapper, mi/conf/carbon.xml): "), miDrift.get(0));
    }
}
