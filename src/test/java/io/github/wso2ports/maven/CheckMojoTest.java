package io.github.wso2ports.maven;

import io.github.wso2ports.ports.BuggyCatalog;
import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.RecordingLog;
import io.github.wso2ports.testing.Samples;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.github.wso2ports.maven.Mojos.instance;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MojoTest
class CheckMojoTest {

    private static final String POM = "src/test/resources/unit/check/pom.xml";

    @TempDir
    Path temp;

    private final RecordingLog log = new RecordingLog();
    private Dist am;
    private Dist is;

    @BeforeEach
    void distributions() {
        am = Dist.at(temp.resolve("dist/wso2am-2.6.0")).file("repository/conf/carbon.xml", Samples.carbonXml(0))
                .file("repository/conf/tomcat/catalina-server.xml", Samples.catalinaServerXml(9763, 9443));
        is = Dist.at(temp.resolve("dist/wso2is-5.7.0")).file("repository/conf/carbon.xml", Samples.carbonXml(0));
    }

    private CheckMojo configure(CheckMojo mojo, Map<String, Object> parameters) throws Exception {
        return Mojos.configure(mojo, temp, log, parameters);
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void clashesFailTheBuildOnceAfterPrintingEveryFinding(CheckMojo mojo) throws Exception {
        configure(mojo, Map.of("instances", List.of(instance("apim", am, null), instance("is", is, null))));
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("wso2-ports:check: 5 errors, 0 warnings (clash 5) in 2 instances on 1 host; to separate them, run "
                + "mvn wso2-ports:plan: it prints the <offset> of each instance to put in the pom (-Dwso2-ports.write "
                + "writes them into the distributions)", e.getMessage());
        // the port, both owners, their files and lines: what listens there is for -Dwso2-ports.verbose and the reports
        assertTrue(log.squeezed().contains("[ERROR] localhost tcp/9443 clash: apim dist/wso2am-2.6.0/repository/conf/"
                + "tomcat/catalina-server.xml:7 <-> is dist/wso2is-5.7.0/repository/conf/tomcat/catalina-server.xml "
                + "(default)"), log.text());
        assertTrue(log.squeezed().contains("[INFO] apim on localhost: API Manager 2.6.0, offset 0 "
                + "(dist/wso2am-2.6.0/repository/conf/carbon.xml:8), 16 ports"), log.text());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aBugIsOneErrorLineNamingTheFileNeverAStackTrace(CheckMojo mojo) throws Exception {
        configure(mojo, Map.of("instances", List.of(instance("apim", am, null))));
        try (AutoCloseable bug = BuggyCatalog.installed()) {
            MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
            assertEquals("wso2-ports could not read 1 thing it needs (see the errors above)", e.getMessage());
        }
        List<String> errors = log.lines().stream().filter(l -> l.startsWith("[ERROR]")).toList();
        assertEquals(1, errors.size(), log.text());
        assertTrue(errors.get(0).startsWith("[ERROR] dist/wso2am-2.6.0/repository/conf/carbon.xml: instance apim: "
                + "wso2-ports failed unexpectedly while reading this file (org.dom4j.XPathException: "), errors.get(0));
        assertTrue(errors.get(0).contains("please report it at https://github.com/wso2ports/"), errors.get(0));
        assertEquals(List.of(), log.traces());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void reportsThatCannotBeWrittenAreABuildErrorNamingTheFolder(CheckMojo mojo) throws Exception {
        Path notADirectory = Files.writeString(temp.resolve("reports"), "a file where the reports should go");
        configure(mojo, Map.of("instances", List.of(instance("apim", am, "0")), "outputDirectory",
                notADirectory.toString()));
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("wso2-ports could not write its reports to reports", e.getMessage());
        assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("[ERROR] reports: cannot write the reports: ")
                && l.endsWith("Make the output directory writable, or point -Dwso2-ports.outputDirectory elsewhere")),
                log.text());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void anUnchangedEstateRepeatsTheLastResultAndAnyChangeReadsAgain(CheckMojo mojo) throws Exception {
        org.apache.maven.project.MavenProject project = new org.apache.maven.project.MavenProject();
        project.setFile(temp.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(temp.resolve("target").toString());
        configure(mojo, Map.of("instances", List.of(instance("apim", am, null), instance("is", is, null)),
                "project", project, "cache", true));
        assertThrows(MojoFailureException.class, mojo::execute);
        List<String> first = List.copyOf(log.lines());
        assertTrue(Files.isRegularFile(temp.resolve("target/wso2-ports-check.cache")));

        log.lines().clear();
        project.getProperties().clear();
        MojoFailureException again = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals("[INFO] Nothing wso2-ports:check reads has changed since the last check "
                + "(target/wso2-ports-check.cache): its result follows (-Dwso2-ports.cache=false reads everything again)",
                log.lines().get(0));
        List<String> replayed = log.lines().stream().filter(l -> !l.startsWith("[DEBUG]")).toList();
        assertEquals(first.stream().filter(l -> !l.startsWith("[DEBUG]")).toList(), replayed.subList(1, replayed.size()));
        assertTrue(again.getMessage().startsWith("wso2-ports:check: 5 errors"), again.getMessage());
        assertEquals("9443", project.getProperties().getProperty("wso2-ports.apim.servlet-https"));

        // a changed offset, then a file that was absent: each is read again
        is.file("repository/conf/carbon.xml", Samples.carbonXml(1));
        log.lines().clear();
        mojo.execute();
        assertTrue(log.lines().stream().noneMatch(l -> l.contains("Nothing wso2-ports:check reads")), log.text());
        assertTrue(log.lines().get(log.lines().size() - 1).startsWith("[INFO] wso2-ports:check: 0 errors"), log.text());
        is.file("repository/conf/tomcat/catalina-server.xml", Samples.catalinaServerXml(9762, 9442));
        log.lines().clear();
        assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(log.lines().stream().noneMatch(l -> l.contains("Nothing wso2-ports:check reads")), log.text());
        assertTrue(log.squeezed().stream().anyMatch(l -> l.startsWith("[ERROR] localhost tcp/9443 clash: apim")),
                log.text());

        // a deleted report is written again
        Files.delete(temp.resolve("target/wso2-ports/ports.json"));
        log.lines().clear();
        assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(Files.isRegularFile(temp.resolve("target/wso2-ports/ports.json")));
    }

    /**
     * The cache's key is the request by construction: each setting of the goal (as the plugin descriptor lists them),
     * changed alone after a build that left a cache, reads everything again instead of repeating the verdict. A setting
     * added later fails this test until it is given a changed value here.
     */
    @Test
    @InjectMojo(goal = "check", pom = POM)
    void everySettingChangedAloneReadsEverythingAgain(CheckMojo injected) throws Exception {
        Path reserved = Files.writeString(temp.resolve("reserved.txt"), "5432 PostgreSQL\n");
        Path suppressions = Files.writeString(temp.resolve("suppressions.txt"), "# none yet\n");
        LinkSpec link = new LinkSpec();
        link.setFrom("apim");
        link.setUrl("apim-key-manager");
        link.setTo("is");
        ReservedPortSpec port = new ReservedPortSpec();
        port.setPort("5432");
        ReservedProductSpec product = new ReservedProductSpec();
        product.setProduct("wso2am-analytics");
        product.setHost("elsewhere");
        Path compose = Files.writeString(temp.resolve("docker-compose.yml"),
                "services:\n  db:\n    image: mysql:8.4\n    ports:\n      - \"3306\"\n");
        Map<String, Object> changed = new java.util.HashMap<>();
        changed.put("compose", compose.toString());
        changed.put("composeFiles", List.of(compose.toString()));
        changed.put("composeHost", "docker1");
        changed.put("ephemeralPorts", "49152-65535");
        changed.put("failOnClash", false);
        changed.put("failOnWarning", true);
        changed.put("home", am.home().toString());
        changed.put("instances", List.of(instance("apim", am, null)));
        changed.put("links", List.of(link));
        changed.put("outputDirectory", "other-reports");
        changed.put("reservedPorts", List.of(port));
        changed.put("reservedPortsFile", reserved.toString());
        changed.put("reservedProducts", List.of(product));
        changed.put("severities", Map.of("ephemeral", "ignore"));
        changed.put("suppressionsFile", suppressions.toString());
        changed.put("verbose", true);
        // skip reads nothing at all; cache=false reads everything by definition
        List<String> notAboutTheResult = List.of("skip", "cache");

        org.dom4j.Element descriptor = new org.dom4j.io.SAXReader().read(Path.of("target/classes/META-INF/maven/plugin.xml")
                .toFile()).getRootElement();
        List<String> settings = descriptor.element("mojos").elements("mojo").stream()
                .filter(m -> m.elementText("goal").equals("check")).findFirst().orElseThrow()
                .element("parameters").elements("parameter").stream()
                .filter(p -> p.elementText("editable").equals("true")).map(p -> p.elementText("name")).toList();
        assertTrue(settings.containsAll(changed.keySet()), settings.toString());
        for (String setting : settings) {
            if (notAboutTheResult.contains(setting)) {
                continue;
            }
            assertTrue(changed.containsKey(setting), "give the new setting " + setting + " a changed value in this test");
            Files.deleteIfExists(temp.resolve("target/wso2-ports-check.cache"));
            runCached(Map.of());
            assertTrue(runCached(Map.of()).stream().anyMatch(l -> l.contains("Nothing wso2-ports:check reads")),
                    "an unchanged build repeats the verdict");
            List<String> lines = runCached(Map.of(setting, changed.get(setting)));
            assertTrue(lines.stream().noneMatch(l -> l.contains("Nothing wso2-ports:check reads")),
                    setting + " changed, and the cached verdict was repeated:\n" + String.join("\n", lines));
        }
    }

    /** Runs check in a project with a cache, the estate apim + is and {@code changed} settings; returns its lines. */
    private List<String> runCached(Map<String, Object> changed) throws Exception {
        org.apache.maven.project.MavenProject project = new org.apache.maven.project.MavenProject();
        project.setFile(temp.resolve("pom.xml").toFile());
        project.getBuild().setDirectory(temp.resolve("target").toString());
        Map<String, Object> parameters = new java.util.HashMap<>(Map.of("instances", List.of(instance("apim", am, null),
                instance("is", is, null)), "project", project, "cache", true));
        parameters.putAll(changed);
        log.lines().clear();
        CheckMojo mojo = Mojos.configure(new CheckMojo(), temp, log, parameters);
        try {
            mojo.execute();
        } catch (MojoFailureException | MojoExecutionException e) {
            // clashes fail the build; whether it fails is not what this is about
        }
        return List.copyOf(log.lines());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void failOnClashFalseTurnsFindingsIntoWarnings(CheckMojo mojo) throws Exception {
        configure(mojo, Map.of("instances", List.of(instance("apim", am, null), instance("is", is, null)),
                "failOnClash", false)).execute();
        assertTrue(log.squeezed().stream().anyMatch(l -> l.startsWith("[WARNING] localhost tcp/9443 clash: ")), log.text());
        assertEquals("[INFO] wso2-ports:check: 0 errors, 5 warnings (clash 5) in 2 instances on 1 host",
                log.lines().get(log.lines().size() - 1));
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void failOnWarningFailsOnWarnings(CheckMojo mojo) throws Exception {
        am.file("repository/conf/tomcat/catalina-server.xml", Samples.catalinaServerXml(80, 443));
        configure(mojo, Map.of("instances", List.of(instance("apim", am, null))));
        mojo.execute();
        assertTrue(log.squeezed().stream().anyMatch(l -> l.startsWith("[WARNING] localhost tcp/443 privileged: apim dist/")),
                log.text());
        setVariableValueToObject(mojo, "failOnWarning", true);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("wso2-ports:check: 0 errors, 2 warnings (privileged 2)"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void reservedPortsFromTheFileAndThePom(CheckMojo mojo) throws Exception {
        Path file = temp.resolve("reserved-ports.txt");
        Files.writeString(file, "# ours\n9999 JMX of the monitoring agent\n");
        ReservedPortSpec spec = new ReservedPortSpec();
        spec.setPort("9443");
        spec.setReason("admin HTTPS");
        configure(mojo, Map.of("instances", List.of(instance("apim", am, null)), "reservedPortsFile", file.toString(),
                "reservedPorts", List.of(spec)));
        assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(log.squeezed().contains("[ERROR] localhost tcp/9999 reserved: apim dist/wso2am-2.6.0/repository/conf/"
                + "carbon.xml:10 <-> reserved: JMX of the monitoring agent reserved-ports.txt:2"), log.text());
        assertTrue(log.squeezed().stream().anyMatch(l -> l.startsWith("[ERROR] localhost tcp/9443 reserved: apim dist/")
                && l.contains("<-> reserved: admin HTTPS ") && l.endsWith("pom.xml <reservedPorts>")), log.text());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aMissingReservedPortsFileOrSuppressionsFileIsNamed(CheckMojo mojo) throws Exception {
        Files.createDirectories(temp.resolve("suppressions"));
        configure(mojo, Map.of("instances", List.of(instance("apim", am, null)), "reservedPortsFile",
                temp.resolve("reserved-ports.txt").toString(), "suppressionsFile", temp.resolve("suppressions").toString()));
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("wso2-ports could not read 2 things it needs (see the errors above)", e.getMessage());
        assertEquals(List.of("[ERROR] reserved-ports.txt: does not exist. Fix <reservedPortsFile> or create the file",
                "[ERROR] suppressions: is a folder, not a file. Point <suppressionsFile> at the file"), log.lines());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void unreadableInputIsABuildErrorNeverAPass(CheckMojo mojo) throws Exception {
        is.file("repository/conf/carbon.xml", "<Server");
        configure(mojo, Map.of("instances", List.of(instance("apim", am, null), instance("is", is, null),
                instance("gone", Dist.at(temp.resolve("x")), null))));
        Files.delete(temp.resolve("x"));
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("wso2-ports could not read 2 things it needs (see the errors above)", e.getMessage());
        assertTrue(log.lines().get(0).startsWith("[ERROR] dist/wso2is-5.7.0/repository/conf/carbon.xml:1: instance is: "
                + "malformed XML"), log.text());
        assertTrue(log.lines().get(1).startsWith("[ERROR] x: instance gone: the distribution home does not exist"),
                log.text());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void duplicateIdsAndBadSettingsAreBuildErrors(CheckMojo mojo) throws Exception {
        configure(mojo, Map.of("instances", List.of(instance("a", am, null), instance("a", is, null)),
                "severities", Map.of("loud", "error"), "ephemeralPorts", "60999-32768"));
        assertThrows(MojoExecutionException.class, mojo::execute);
        assertTrue(log.squeezed().stream().anyMatch(l -> l.startsWith("[ERROR] ") && l.endsWith("pom.xml <instances>: two "
                + "instances have the id 'a'. Give every instance a unique id")), log.text());
        assertTrue(log.text().contains("runs backwards"), log.text());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void severitiesRename(CheckMojo mojo) throws Exception {
        configure(mojo, Map.of("instances", List.of(instance("apim", am, null), instance("is", is, null)),
                "severities", Map.of("clash", "warning"))).execute();
        assertTrue(log.squeezed().stream().anyMatch(l -> l.startsWith("[WARNING] localhost tcp/9443 clash: ")), log.text());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void aHomeOnTheCommandLineIsCheckedAlone(CheckMojo mojo) throws Exception {
        configure(mojo, Map.of("home", am.home().toString(), "instances", List.of(instance("is", is, null)))).execute();
        assertEquals("[INFO] wso2-ports:check: 0 errors, 0 warnings in 1 instance on 1 host",
                log.lines().get(log.lines().size() - 1));
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void skipDoesNothing(CheckMojo mojo) throws Exception {
        configure(mojo, Map.of("skip", true)).execute();
        assertEquals(List.of("[INFO] Skipping wso2-ports:check (wso2-ports.skip)"), log.lines());
    }

    @Test
    @InjectMojo(goal = "check", pom = POM)
    void verboseListsEveryPort(CheckMojo mojo) throws Exception {
        configure(mojo, Map.of("home", am.home().toString(), "verbose", true)).execute();
        assertTrue(log.squeezed().stream().anyMatch(l -> l.matches("\\[INFO\\] +tcp/9443 +offset +base 9443 +HTTPS servlet "
                + "transport \\(management console\\) +dist/wso2am-2.6.0/repository/conf/tomcat/catalina-server.xml:7")),
                log.text());
        assertTrue(log.squeezed().stream().anyMatch(l -> l.contains("(disabled)")), log.text());
    }
}
