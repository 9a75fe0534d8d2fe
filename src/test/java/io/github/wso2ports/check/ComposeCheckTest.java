package io.github.wso2ports.check;

import io.github.wso2ports.Failed;
import io.github.wso2ports.compose.Published;
import io.github.wso2ports.distribution.InputRecord;
import io.github.wso2ports.testing.ComposeProjects;
import io.github.wso2ports.testing.Corpus;
import io.github.wso2ports.testing.Trees;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus's five compose projects, checked as they run, against the verdicts of an independent reference
 * (src/test/resources/compose-expected.tsv, written from the raw files and WSO2's code without the plugin): a mapping
 * it calls dead is a {@code published} error on its line, a service it calls not modelled an info, and nothing else
 * warns or fails. Then mutations of them, each caught.
 */
class ComposeCheckTest {

    @TempDir
    Path temp;

    /** The findings that matter, as (kind, service, compose line, port). */
    private static Set<String> keys(List<Finding> findings) {
        Set<String> out = new TreeSet<>();
        for (Finding f : findings) {
            for (Owner o : f.owners()) {
                out.add(f.kind().label() + " " + o.name() + " " + (o.location() == null ? 0 : o.location().line()) + " "
                        + f.port());
            }
        }
        return out;
    }

    /** The reference's verdicts of a project that are findings: dead mappings and services not modelled. */
    private static Set<String> expected(String project) throws IOException {
        Set<String> out = new TreeSet<>();
        try (InputStream in = ComposeCheckTest.class.getResourceAsStream("/compose-expected.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] c = line.split("\t");
                if (line.startsWith("#") || c.length < 5 || !c[0].equals(project)) {
                    continue;
                }
                String kind = switch (c[3]) {
                    case "dead-mapping" -> "published";
                    case "not-modelled" -> "not-modelled";
                    case "healthcheck" -> "healthcheck";
                    case "host-clash" -> "clash";
                    default -> null;
                };
                if (kind != null) {
                    out.add(kind + " " + c[1] + " " + c[2] + " " + (c[4].equals("-") ? 0 : Integer.parseInt(c[4])));
                }
            }
        }
        return out;
    }

    private CheckResult check(Path... composeFiles) {
        List<CheckRequest.InputFile> files = new ArrayList<>();
        for (Path f : composeFiles) {
            files.add(compose(f, temp.relativize(f).toString().replace('\\', '/')));
        }
        return EstateCheck.run(request(List.of(), "localhost", List.of(), files), null, shown());
    }

    /** Paths as a goal run in the test's folder shows them. */
    private java.util.function.Function<Path, String> shown() {
        return new io.github.wso2ports.UserPaths(temp)::display;
    }

    private static CheckRequest.InputFile compose(Path file, String shown) {
        return new CheckRequest.InputFile(file, shown, "<composeFiles>");
    }

    /** A request for these instances and compose files (on {@code host}), with these reserved ports. */
    private static CheckRequest request(List<EstateReader.InstanceSpec> instances, String host,
            List<CheckRequest.Reserved> reserved, List<CheckRequest.InputFile> files) {
        return new CheckRequest(instances, files, host, "pom.xml", reserved, null, List.of(),
                io.github.wso2ports.Port.EPHEMERAL_DEFAULT, null, List.of(), null, true, false, false, null, false, "");
    }

    static List<String> projects() {
        return ComposeProjects.ALL;
    }

    @ParameterizedTest
    @MethodSource("projects")
    void eachCorpusProjectGivesExactlyItsExpectedFindings(String project) throws IOException {
        Corpus.root();
        Path file = ComposeProjects.layOut(project, temp.resolve(project));
        CheckResult result = check(file);
        List<Finding> verdicts = result.findings().stream().filter(f -> Set.of(FindingKind.PUBLISHED,
                FindingKind.NOT_MODELLED, FindingKind.HEALTHCHECK, FindingKind.CLASH, FindingKind.RESERVED)
                .contains(f.kind())).toList();
        assertEquals(expected(project), keys(verdicts), () -> result.findings().stream().map(Finding::describe)
                .collect(Collectors.joining("\n")));
        // and nothing else that warns or fails
        List<String> others = result.findings().stream().filter(f -> !verdicts.contains(f))
                .filter(f -> f.severity() != Severity.INFO).map(Finding::describe).toList();
        assertEquals(List.of(), others);
    }

    @Test
    void theDeadMappingsSayWhatListensAndWhere() {
        Corpus.root();
        Path file = ComposeProjects.layOut("docker-ei_integrator-broker-bps-analytics", temp.resolve("ei"));
        CheckResult result = check(file);
        List<String> errors = result.findings().stream().filter(f -> f.kind() == FindingKind.PUBLISHED)
                .map(Finding::describe).toList();
        assertEquals(List.of("wso2ei-broker tcp/7614 published: wso2ei-broker (publishes 7614:7614, "
                + "ei/docker-compose.yml:79): publishes 7614, but nothing listens there: broker slot-coordination Thrift "
                + "server (clustered broker only) would be on 7617 (ei/broker/conf/broker.xml:37 plus offset 3 "
                + "(ei/broker/conf/carbon.xml:127)) and is not started; wso2ei-broker (Enterprise Integrator) listens on "
                + "tcp 1886, 5675, 8675, 8886, 9446, 9766, 10002, 11114",
                "wso2ei-broker tcp/8836 published: wso2ei-broker (publishes 8836:8836, ei/docker-compose.yml:78): "
                        + "publishes 8836, but MQTT over SSL (embedded broker) listens on 8886: "
                        + "ei/broker/conf/broker.xml:105 plus offset 3 (ei/broker/conf/carbon.xml:127)"), errors);
        assertTrue(result.fails());
    }

    /** The EI 6.2.0 project with one line of its compose file replaced. */
    private Path eiWith(String from, String to) throws IOException {
        Path file = ComposeProjects.layOut("docker-ei_integrator-broker-bps-analytics", temp.resolve("m"));
        String text = Files.readString(file);
        assertTrue(text.contains(from), from);
        Files.writeString(file, text.replace(from, to));
        return file;
    }

    /**
     * Every fixed mapping of every WSO2 service of the five projects, mutated two ways on its own line: its container
     * side moved 1000 up (where no product of the corpus listens) is a {@code published} error on that line; its host
     * side moved onto a host port another service publishes is a clash naming both lines.
     */
    @ParameterizedTest
    @MethodSource("projects")
    void everyMappingMovedOrDoubledIsCaught(String project) throws IOException {
        Corpus.root();
        Path file = ComposeProjects.layOut(project, temp.resolve("p"));
        List<String> lines = Files.readAllLines(file);
        CheckResult stock = check(file);
        int mutations = 0;
        for (Container c : stock.containers()) {
            for (Published p : c.published()) {
                if (!c.modelled() || p.ephemeral()) {
                    continue;
                }
                int at = p.location().line() - 1;
                String line = lines.get(at);
                String dead = line.replace(":" + p.container(), ":" + (p.container() + 1000));
                Files.write(file, with(lines, at, dead));
                assertTrue(keys(check(file).findings()).contains("published " + c.id() + " " + (at + 1) + " "
                        + (p.container() + 1000)), dead);
                Published other = stock.containers().stream().filter(o -> o != c)
                        .flatMap(o -> o.published().stream()).filter(o -> !o.ephemeral()).findFirst().orElse(null);
                if (other != null) {
                    String doubled = line.replace(p.host() + ":", other.hostFrom() + ":");
                    Files.write(file, with(lines, at, doubled));
                    Set<String> keys = keys(check(file).findings());
                    assertTrue(keys.contains("clash " + c.id() + " " + (at + 1) + " " + other.hostFrom())
                            && keys.contains("clash " + otherId(stock, other) + " " + other.location().line() + " "
                                    + other.hostFrom()), doubled + " " + keys);
                }
                mutations++;
            }
        }
        Files.write(file, lines);
        assertTrue(mutations > 0, project + " has a WSO2 service that publishes a port");
    }

    private static List<String> with(List<String> lines, int at, String line) {
        List<String> out = new ArrayList<>(lines);
        out.set(at, line);
        return out;
    }

    private static String otherId(CheckResult result, Published p) {
        return result.containers().stream().filter(c -> c.published().contains(p)).findFirst().orElseThrow().id();
    }

    @Test
    void whatTheCheckReadIsRecordedSoAChangedMountIsReadAgain() throws IOException {
        Corpus.root();
        Path file = ComposeProjects.layOut("docker-ei_integrator-broker-bps-analytics", temp.resolve("c"));
        CheckRequest request = request(List.of(), "localhost", List.of(), List.of(compose(file,
                "c/docker-compose.yml")));
        InputRecord record = new InputRecord();
        EstateCheck.run(request, record, shown());
        assertTrue(InputRecord.stillHolds(record.facts()));
        Path brokerXml = file.resolveSibling("broker/conf/broker.xml");
        Files.writeString(brokerXml, Files.readString(brokerXml) + "\n<!-- changed -->\n");
        assertFalse(InputRecord.stillHolds(record.facts()), "a mounted file changed");
    }

    @Test
    void aMappingMovedToADeadPortIsCaught() throws IOException {
        Corpus.root();
        // the integrator's PassThrough HTTPS published as if it were the servlet's
        CheckResult result = check(eiWith("      - 8243:8243", "      - 8243:9243"));
        assertTrue(keys(result.findings()).contains("published wso2ei-integrator 106 9243"), keys(result.findings())
                .toString());
    }

    @Test
    void twoServicesOnOneHostPortClash() throws IOException {
        Corpus.root();
        // business-process's HTTPS published on the host port analytics already publishes
        CheckResult result = check(eiWith("      - 9445:9445", "      - 9444:9445"));
        Set<String> keys = keys(result.findings());
        assertTrue(keys.contains("clash wso2ei-analytics 27 9444") && keys.contains("clash wso2ei-business-process 51 9444"),
                keys.toString());
        Finding clash = result.findings().stream().filter(f -> f.kind() == FindingKind.CLASH).findFirst().orElseThrow();
        assertEquals("localhost", clash.host());
    }

    @Test
    void aServiceWithoutAHostSideNeverClashes() throws IOException {
        Corpus.root();
        // without a host side Docker picks a free host port: no clash with analytics' 9444, and the mapping is live
        CheckResult result = check(eiWith("      - 9445:9445", "      - 9445"));
        Set<String> keys = keys(result.findings());
        assertTrue(keys.stream().noneMatch(k -> k.startsWith("clash") || k.contains("business-process")), keys.toString());
    }

    @Test
    void aReservedPortIsAboutTheHostNotAContainersOwnPorts() {
        Corpus.root();
        Path file = ComposeProjects.layOut("docker-ei_integrator-broker-bps-analytics", temp.resolve("ei"));
        CheckRequest request = request(List.of(), "docker1", List.of(new CheckRequest.Reserved("9446", "tcp", null,
                "monitoring agent"), new CheckRequest.Reserved("10002", "tcp", null, "JMX exporter")),
                List.of(compose(file, "ei/docker-compose.yml")));
        CheckResult result = EstateCheck.run(request, null, shown());
        // 9446 is published on the compose host; 10002 is the broker's JMX inside its own container only
        assertEquals(List.of("docker1 tcp/9446 reserved"), result.findings().stream()
                .filter(f -> f.kind() == FindingKind.RESERVED).map(Finding::head).toList());
    }

    @Test
    void aHealthcheckOnADeadPortIsAWarning() throws IOException {
        Corpus.root();
        CheckResult result = check(eiWith("https://localhost:9446/carbon", "https://localhost:9443/carbon"));
        assertTrue(keys(result.findings()).contains("healthcheck wso2ei-broker 81 9443"), keys(result.findings())
                .toString());
    }

    @Test
    void twoComposeFilesOnOneHostClashOnTheirHostPorts() {
        Corpus.root();
        Path a = ComposeProjects.layOut("docker-ei_integrator-broker-bps-analytics", temp.resolve("ei"));
        Path b = ComposeProjects.layOut("docker-is_is-with-analytics", temp.resolve("is"));
        CheckResult result = check(a, b);
        Set<String> keys = keys(result.findings());
        // 9443: EI's integrator and IS; 9444: EI analytics and the IS analytics worker (compose-expected.tsv's list)
        assertTrue(keys.contains("clash wso2ei-integrator 105 9443") && keys.contains("clash identity-server 51 9443"),
                keys.toString());
        assertTrue(keys.contains("clash wso2ei-analytics 27 9444")
                && keys.contains("clash identity-server-analytics-worker 20 9444"), keys.toString());
        // two files with a mysql service: each named with its file
        Path c = ComposeProjects.layOut("docker-apim_apim-is-as-km-with-analytics", temp.resolve("apim"));
        List<String> ids = check(b, c).containers().stream().map(Container::id).filter(id -> id.endsWith("mysql"))
                .toList();
        assertEquals(List.of("is/docker-compose.yml:mysql", "apim/docker-compose.yml:mysql"), ids);
    }

    @Test
    void aPlanForTheHostsInstancesKeepsClearOfThePublishedPorts() {
        Corpus.root();
        Path file = ComposeProjects.layOut("docker-apim_apim-with-mi", temp.resolve("compose"));
        Path am = Corpus.copy("wso2am-4.7.0", temp.resolve("wso2am-4.7.0"));
        CheckRequest request = request(List.of(new EstateReader.InstanceSpec("apim", am, "wso2am-4.7.0",
                "localhost", null, null, null, "apply")), "localhost", List.of(),
                List.of(compose(file, "compose/docker-compose.yml")));
        EstateCheck.Estate estate = EstateCheck.read(request, null, shown());
        io.github.wso2ports.plan.OffsetPlan plan = io.github.wso2ports.plan.OffsetPlanner.plan(estate.instances(),
                estate.reservedWithPublished(), estate.options());
        // offset 0 meets the published 9443, 8280 and 8243; 1 is clear of them (and of the MI's 8290/8253 at 10)
        assertEquals(1, plan.rows().get(0).planned());
        // (what remains are the gateway environment's literal URLs, which the new offset leaves behind)
        assertEquals(List.of(), plan.remaining().stream().filter(f -> f.kind() != FindingKind.LINK).toList());
    }

    @Test
    void anImageTagFromTheEnvironmentIsAnErrorUnlessItHasADefault() throws IOException {
        Path file = temp.resolve("env/docker-compose.yml");
        Trees.write(file, "services:\n  am:\n    image: wso2/wso2am:${AM_TAG}\n    ports:\n      - \"9443:9443\"\n");
        Failed failed = assertThrows(Failed.class, () -> check(file));
        assertEquals(List.of("env/docker-compose.yml:2: service am: its image wso2/wso2am:${AM_TAG} depends on a "
                + "variable without a default, so which WSO2 product and release it runs cannot be told. Give the "
                + "variable a default in the compose file (${TAG:-4.3.0}) or write the image"), failed.lines());
        Files.writeString(file, Files.readString(file).replace("${AM_TAG}", "${AM_TAG:-4.3.0}"));
        CheckResult result = check(file);
        assertEquals("4.3.0", result.containers().get(0).instance().config().product().version());
        assertEquals(List.of(), result.findings());
    }

    /**
     * WSO2's images of API Manager 4.x's distributed profiles and of Carbon 5 analytics runtimes, with nothing mounted:
     * each is read at its image's shipped configuration. The control plane publishes 8243 as docker-apim's README for
     * it maps it, but the control plane has no PassThrough transport (its p2 profile installs no mediation:
     * corpus-expected-ports.txt, wso2am-acp-4.5.0): that mapping is dead, and the only finding.
     */
    @Test
    void theImagesOfOtherProfilesAndRuntimesAreReadAsShipped() throws IOException {
        Path file = temp.resolve("images/docker-compose.yml");
        Trees.write(file, """
                services:
                  acp:
                    image: wso2am-acp:4.5.0
                    ports: ["9443:9443", "8243:8243"]
                  tm:
                    image: wso2/wso2am-tm:4.5.0
                    ports: ["9444:9443"]
                  gw:
                    image: wso2/wso2am-universal-gw:4.5.0
                    ports: ["8244:8243", "8280:8280"]
                  dashboard:
                    image: wso2am-analytics-dashboard:3.1.0
                    ports: ["9643:9643"]
                  worker:
                    image: wso2ei-analytics-worker:6.5.0
                    ports: ["9091:9091", "9445:9444"]
                """);
        CheckResult result = check(file);
        assertEquals(List.of("acp tcp/8243 published"), result.findings().stream()
                .filter(f -> f.severity() != Severity.INFO).map(Finding::head).toList());
        assertEquals(List.of("acp", "tm", "gw", "dashboard", "worker"), result.containers().stream()
                .filter(Container::modelled).map(Container::id).toList());
    }

    @Test
    void aMissingMountIsAnErrorNamingTheVolume() throws IOException {
        Corpus.root();
        Path file = ComposeProjects.layOut("docker-ei_integrator-broker-bps-analytics", temp.resolve("gone"));
        Trees.deleteRecursively(file.resolveSibling("broker"));
        Failed failed = assertThrows(Failed.class, () -> check(file));
        assertEquals(List.of("gone/docker-compose.yml:88: service wso2ei-broker: the volume ./broker of wso2ei-broker "
                + "is not there: gone/broker does not exist. Put the configuration the service mounts next to the "
                + "compose file, as it runs"), failed.lines());
    }
}
