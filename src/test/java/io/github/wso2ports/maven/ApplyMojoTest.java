package io.github.wso2ports.maven;

import io.github.wso2ports.ports.BuggyCatalog;
import io.github.wso2ports.testing.Corpus;
import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.HostileDisks;
import io.github.wso2ports.testing.JavaProcess;
import io.github.wso2ports.testing.RecordingLog;
import io.github.wso2ports.testing.Samples;
import io.github.wso2ports.testing.Trees;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.github.wso2ports.maven.Mojos.instance;
import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@MojoTest
class ApplyMojoTest {

    private static final String POM = "src/test/resources/unit/apply/pom.xml";
    private static final String CARBON = "repository/conf/carbon.xml";

    @TempDir
    Path temp;

    private final RecordingLog log = new RecordingLog();
    private Dist am;
    private Dist is;

    @BeforeEach
    void distributions() {
        am = Dist.at(temp.resolve("dist/wso2am-2.6.0")).file(CARBON, Samples.carbonXml(0));
        is = Dist.at(temp.resolve("dist/wso2is-5.11.0"))
                .file("repository/conf/deployment.toml", Samples.deploymentToml(""));
    }

    private ApplyMojo configure(ApplyMojo mojo, Map<String, Object> parameters) throws Exception {
        return Mojos.configure(mojo, temp, log, parameters);
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void setsTheOffsetOfTheHomeFolder(ApplyMojo mojo) throws Exception {
        configure(mojo, Map.of("home", am.home().toString(), "offset", "3")).execute();
        assertEquals(Samples.carbonXml(3), am.text(CARBON));
        assertEquals(List.of("[INFO] wso2am-2.6.0: set port offset 0 -> 3 in dist/wso2am-2.6.0/repository/conf/carbon.xml:8 "
                + "(<Offset> 0 -> 3)"), log.lines());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void aBugIsOneErrorLineNamingTheFileAndNothingIsWritten(ApplyMojo mojo) throws Exception {
        Map<String, byte[]> before = Trees.snapshot(am.home());
        configure(mojo, Map.of("home", am.home().toString(), "offset", "3"));
        try (AutoCloseable bug = BuggyCatalog.installed()) {
            assertThrows(MojoFailureException.class, mojo::execute);
        }
        List<String> errors = log.lines().stream().filter(l -> l.startsWith("[ERROR]")).toList();
        assertEquals(1, errors.size(), log.text());
        assertTrue(errors.get(0).startsWith("[ERROR] dist/wso2am-2.6.0/repository/conf/carbon.xml: wso2-ports failed "
                + "unexpectedly while reading this file (org.dom4j.XPathException: "), errors.get(0));
        assertEquals(List.of(), log.traces());
        Map<String, byte[]> after = Trees.snapshot(am.home());
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
    }

    /**
     * apply on a real distribution where the write fails: one [ERROR] in plain words, no "set port offset" line before
     * it, and every file as it was.
     */
    private void failsInPlainWords(ApplyMojo mojo, Path home, String expected) throws Exception {
        Map<String, byte[]> before = Trees.snapshot(home);
        configure(mojo, Map.of("home", home.toString(), "offset", "3"));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(List.of("[ERROR] " + display(home) + "/" + CARBON + ":" + expected), log.lines());
        assertTrue(e.getMessage().startsWith("wso2-ports:apply "), e.getMessage());
        assertEquals(List.of(), log.traces());
        Map<String, byte[]> after = Trees.snapshot(home);
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
    }

    /** What is done to a 1 MB tmpfs after a distribution was copied onto it. */
    private interface Spoil {
        void apply(Path disk) throws Exception;
    }

    private void failsOnASmallDisk(ApplyMojo mojo, Spoil spoil, String expected) throws Exception {
        Path disk = temp.resolve("disk");
        try (AutoCloseable mount = HostileDisks.tmpfs(disk, 1024 * 1024)) {
            Path home = Corpus.copy("wso2am-2.6.0", disk);
            spoil.apply(disk);
            failsInPlainWords(mojo, home, expected);
        }
    }

    private String display(Path p) {
        return temp.relativize(p).toString().replace('\\', '/');
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void aFullDiskIsSaidInPlainWords(ApplyMojo mojo) throws Exception {
        failsOnASmallDisk(mojo, HostileDisks::fill, "127: the disk is full, so the file was not changed. Free some space "
                + "on it and run again");
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void aReadOnlyFileSystemIsSaidInPlainWords(ApplyMojo mojo) throws Exception {
        failsOnASmallDisk(mojo, HostileDisks::readOnly, "127: the file system is read-only, so the file was not changed. "
                + "Remount it read-write, or work on a writable copy of the distribution");
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void anImmutableFileIsSaidInPlainWords(ApplyMojo mojo) throws Exception {
        Path home = Corpus.copy("wso2am-2.6.0", temp.resolve("x"));
        try (AutoCloseable flag = HostileDisks.immutable(home.resolve(CARBON))) {
            failsInPlainWords(mojo, home, "127: the file is marked immutable (or append-only), so the file was not "
                    + "changed. If it should change, clear the flag (chattr -i, or chattr -a, as root) and run again");
        }
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void aMistypedPomPropertyIsRefusedBeforeAnythingIsWritten(ApplyMojo mojo) throws Exception {
        org.apache.maven.project.MavenProject project = new org.apache.maven.project.MavenProject();
        project.setFile(temp.resolve("pom.xml").toFile());
        project.getProperties().setProperty("wso2-ports.dryrun", "true");
        project.getProperties().setProperty("wso2-ports.apim.offset", "3"); // a port check exported: not a setting
        project.getProperties().setProperty("wso2-ports.version", "1.0");
        byte[] before = am.read(CARBON);
        configure(mojo, Map.of("home", am.home().toString(), "offset", "3", "project", project));
        PluginDescriptor descriptor = (PluginDescriptor) getVariableValueFromObject(mojo, "plugin");
        assumeTrue(descriptor != null && descriptor.getMojos() != null, "the harness gives no plugin descriptor");
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("wso2-ports refused a mistyped setting (see above); nothing was read or written", e.getMessage());
        assertEquals(List.of("[ERROR] wso2-ports.dryrun in pom.xml <properties> is not a setting of wso2-ports (did you "
                + "mean wso2-ports.dryRun?); nothing was read or written. Fix the name"), log.lines());
        assertArrayEquals(before, am.read(CARBON));
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void aFolderOfDistributionsOrAListIsRefusedApplySetsOne(ApplyMojo mojo) throws Exception {
        byte[] before = am.read(CARBON);
        configure(mojo, Map.of("home", "dist", "offset", "3"));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("dist holds 2 distributions (wso2am-2.6.0, wso2is-5.11.0); apply sets the offset of one: "
                + "-Dwso2-ports.home=dist/wso2am-2.6.0, for example (mvn wso2-ports:plan -Dwso2-ports.write sets the "
                + "offsets of them all)", e.getMessage());
        setVariableValueToObject(mojo, "home", "dist/wso2am-2.6.0,dist/wso2is-5.11.0");
        e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("-Dwso2-ports.home names several distributions; apply sets the offset of "
                + "one"), e.getMessage());
        assertArrayEquals(before, am.read(CARBON));
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void runInsideADistributionItNamesTheHomeToRunIn(ApplyMojo mojo) throws Exception {
        byte[] before = am.read(CARBON);
        configure(mojo, Map.of("offset", "3", "basedir", am.home().resolve("repository/conf").toFile()));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("the current folder is not the home of a distribution but inside one: ../.. (wso2am-2.6.0); run in "
                + "it, or point -Dwso2-ports.home=../.. at it", e.getMessage());
        assertArrayEquals(before, am.read(CARBON));
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void warnsWhatKeepsTheNewOffsetFromTakingEffect(ApplyMojo mojo) throws Exception {
        try (JavaProcess server = JavaProcess.start("-Dcarbon.home=" + am.home().toAbsolutePath())) {
            am.file("bin/wso2server.sh", "#!/bin/sh\njava -DportOffset=5 org.wso2.carbon.bootstrap.Bootstrap \"$@\"\n")
                    .file("wso2carbon.pid", server.pid() + "\n");
            configure(mojo, Map.of("home", am.home().toString(), "offset", "3")).execute();
            assertTrue(am.text(CARBON).contains("<Offset>3</Offset>"), "warnings do not stop the write");
            assertEquals(List.of("[INFO] wso2am-2.6.0: set port offset 0 -> 3 in dist/wso2am-2.6.0/repository/conf/"
                    + "carbon.xml:8 (<Offset> 0 -> 3)",
                    "[WARNING]   -DportOffset=5 in dist/wso2am-2.6.0/bin/wso2server.sh:2 beats the offset this writes: "
                            + "the ports stay at offset 5 until it is removed",
                    "[WARNING]   the server is running (PID " + server.pid() + ", dist/wso2am-2.6.0/wso2carbon.pid): "
                            + "the new offset takes effect at the next start; stop it first"), log.lines());
        }
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void runsInTheCurrentFolderWithoutAHome(ApplyMojo mojo) throws Exception {
        configure(mojo, Map.of("offset", "2", "basedir", am.home().toFile())).execute();
        assertTrue(am.text(CARBON).contains("<Offset>2</Offset>"));
        assertTrue(log.lines().get(0).contains("in repository/conf/carbon.xml:8"), log.text());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void dryRunPrintsTheDiffAndWritesNothing(ApplyMojo mojo) throws Exception {
        byte[] before = am.read(CARBON);
        configure(mojo, Map.of("home", am.home().toString(), "offset", "3", "dryRun", true)).execute();
        assertArrayEquals(before, am.read(CARBON));
        assertTrue(log.lines().contains("[INFO] --- a/dist/wso2am-2.6.0/repository/conf/carbon.xml"), log.text());
        assertTrue(log.lines().contains("[INFO] -        <Offset>0</Offset>"), log.text());
        assertTrue(log.lines().contains("[INFO] +        <Offset>3</Offset>"), log.text());
        assertEquals("[INFO] Dry run (wso2-ports.dryRun): nothing was written", log.lines().get(log.lines().size() - 1));
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void aRefusedValueFailsTheBuildAndWritesNothing(ApplyMojo mojo) throws Exception {
        byte[] before = am.read(CARBON);
        configure(mojo, Map.of("home", am.home().toString(), "offset", "three"));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("wso2-ports:apply refused 1 of 1 distribution; nothing was written", e.getMessage());
        assertEquals(List.of("[ERROR] -Doffset is 'three', not a whole number. An offset is a whole number from 0 to 65535"),
                log.lines());
        assertArrayEquals(before, am.read(CARBON));
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void aMissingOffsetSaysHowToGiveOne(ApplyMojo mojo) throws Exception {
        configure(mojo, Map.of("home", am.home().toString()));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("mvn wso2-ports:apply -Doffset=3"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void anArchiveIsRefused(ApplyMojo mojo) throws Exception {
        Path zip = temp.resolve("wso2am-2.6.0.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("wso2am-2.6.0/" + CARBON));
            out.write(Samples.carbonXml(0).getBytes());
        }
        byte[] before = Files.readAllBytes(zip);
        configure(mojo, Map.of("home", zip.toString(), "offset", "1"));
        assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(List.of("[ERROR] wso2am-2.6.0.zip is an archive; apply never edits archives. Unpack it and point "
                + "-Dwso2-ports.home (or <home>) at the unpacked folder"), log.lines());
        assertArrayEquals(before, Files.readAllBytes(zip));
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void writesEveryInstancesPlannedOffset(ApplyMojo mojo) throws Exception {
        Dist ei = Dist.at(temp.resolve("dist/ei")).file("conf/carbon.xml", Samples.carbonXml(0))
                .file("wso2/broker/conf/carbon.xml", Samples.carbonXml(3));
        Instance broker = instance("broker", ei, "9");
        broker.setRuntime("broker");
        configure(mojo, Map.of("instances", List.of(instance("apim", am, "1"), instance("is", is, null),
                instance("km", is, "4"), broker))).execute();
        assertTrue(am.text(CARBON).contains("<Offset>1</Offset>"));
        assertEquals(Samples.deploymentToml("").replace("[server]\n", "[server]\noffset = 4\n"),
                is.text("repository/conf/deployment.toml"));
        assertTrue(ei.text("wso2/broker/conf/carbon.xml").contains("<Offset>9</Offset>"));
        assertTrue(ei.text("conf/carbon.xml").contains("<Offset>0</Offset>"));
        assertTrue(log.lines().contains("[INFO] is: no planned <offset>, left as it is"), log.text());
        assertTrue(log.lines().contains("[INFO] broker runtime broker: set port offset 3 -> 9 in "
                + "dist/ei/wso2/broker/conf/carbon.xml:8 (<Offset> 3 -> 9)"), log.text());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void oneRefusedInstanceMeansNothingIsWritten(ApplyMojo mojo) throws Exception {
        Map<String, byte[]> before = Trees.snapshot(temp);
        configure(mojo, Map.of("instances", List.of(instance("apim", am, "1"), instance("is", is, "-2"))));
        assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(List.of("[ERROR] instance is: <offset> is -2, a negative offset. An offset is a whole number from 0 "
                + "to 65535 (WSO2 would move ports below their defaults)"), log.lines());
        Map<String, byte[]> after = Trees.snapshot(temp);
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void offsetWithSeveralInstancesNeedsTheInstanceId(ApplyMojo mojo) throws Exception {
        configure(mojo, Map.of("offset", "5", "instances", List.of(instance("apim", am, "1"), instance("is", is, null))));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("say which one with -Dwso2-ports.instance=ID (one of [apim, is])"),
                e.getMessage());
        setVariableValueToObject(mojo, "instance", "is");
        mojo.execute();
        assertTrue(is.text("repository/conf/deployment.toml").contains("offset = 5"));
        assertTrue(am.text(CARBON).contains("<Offset>0</Offset>"));
        setVariableValueToObject(mojo, "instance", "nope");
        e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("no instance has the id 'nope'"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void twoInstancesOnOneFileAreRefusedBeforeAnythingIsWritten(ApplyMojo mojo) throws Exception {
        Map<String, byte[]> before = Trees.snapshot(temp);
        configure(mojo, Map.of("instances", List.of(instance("apim", am, "1"), instance("apim2", am, "2"))));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("wso2-ports:apply refused 1 of 2 distributions; nothing was written", e.getMessage());
        assertEquals(List.of("[ERROR] dist/wso2am-2.6.0/repository/conf/carbon.xml:8: instances apim and apim2 both set "
                + "the offset of this one file. Give each instance its own home or runtime"), log.lines());
        Map<String, byte[]> after = Trees.snapshot(temp);
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void homeAndInstanceTogetherAreAmbiguous(ApplyMojo mojo) throws Exception {
        configure(mojo, Map.of("home", am.home().toString(), "offset", "3", "instance", "apim",
                "instances", List.of(instance("apim", am, "1"))));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("give one of them"), e.getMessage());
        assertTrue(am.text(CARBON).contains("<Offset>0</Offset>"));
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void aRuntimeWithSeveralInstancesNeedsTheInstanceId(ApplyMojo mojo) throws Exception {
        configure(mojo, Map.of("runtime", "broker", "instances", List.of(instance("apim", am, "1"),
                instance("is", is, "2"))));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("-Dwso2-ports.runtime with 2 instances"), e.getMessage());
        assertTrue(am.text(CARBON).contains("<Offset>0</Offset>"));
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void skipDoesNothing(ApplyMojo mojo) throws Exception {
        byte[] before = am.read(CARBON);
        configure(mojo, Map.of("home", am.home().toString(), "offset", "3", "skip", true)).execute();
        assertArrayEquals(before, am.read(CARBON));
        assertEquals(List.of("[INFO] Skipping wso2-ports:apply (wso2-ports.skip)"), log.lines());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void aRelativeHomeOutsideTheProjectStaysRelative(ApplyMojo mojo) throws Exception {
        configure(mojo, Map.of("home", "../wso2am-2.6.0", "offset", "3", "basedir", temp.resolve("dist/x").toFile()))
                .execute();
        assertEquals(List.of("[INFO] wso2am-2.6.0: set port offset 0 -> 3 in ../wso2am-2.6.0/repository/conf/"
                + "carbon.xml:8 (<Offset> 0 -> 3)"), log.lines());
    }

    @Test
    @InjectMojo(goal = "apply", pom = POM)
    void anAbsoluteHomeOutsideTheProjectStaysAbsolute(ApplyMojo mojo) throws Exception {
        String typed = am.home().toAbsolutePath().toString();
        configure(mojo, Map.of("home", typed, "offset", "3", "basedir", temp.resolve("project").toFile())).execute();
        assertEquals(List.of("[INFO] wso2am-2.6.0: set port offset 0 -> 3 in " + typed + "/repository/conf/"
                + "carbon.xml:8 (<Offset> 0 -> 3)"), log.lines());
        // a refusal names it the same way
        RecordingLog again = new RecordingLog();
        mojo.setLog(again);
        setVariableValueToObject(mojo, "offset", "5");
        am.home().resolve(CARBON).toFile().setWritable(false, false);
        assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(List.of("[ERROR] " + typed + "/repository/conf/carbon.xml:8: is read-only (mode r--r--r--), so it "
                + "is not changed. If it should change, make it writable (chmod u+w) and run again"), again.lines());
    }
}
