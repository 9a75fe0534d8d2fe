package io.github.wso2ports.check;

import io.github.wso2ports.plan.OffsetPlan;
import io.github.wso2ports.plan.OffsetPlanner;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.ports.PortUse;
import io.github.wso2ports.testing.ApimAnalytics;
import io.github.wso2ports.testing.Corpus;
import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.Samples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WSO2's standard setups, as they ship, on one host: the gate must not cry wolf on them, and must see every port they
 * listen on (issue 10).
 */
class StockEstatesTest {

    @TempDir
    Path temp;

    /** id, home, runtime (null: every runtime) and planned offset (null: the files'), on host "h". */
    private static List<RuntimeInstance> read(Object... idHomeRuntimeOffset) {
        List<EstateReader.InstanceSpec> specs = new ArrayList<>();
        for (int i = 0; i < idHomeRuntimeOffset.length; i += 4) {
            String id = (String) idHomeRuntimeOffset[i];
            Path home = (Path) idHomeRuntimeOffset[i + 1];
            specs.add(new EstateReader.InstanceSpec(id, home, id, "h", (String) idHomeRuntimeOffset[i + 3],
                    (String) idHomeRuntimeOffset[i + 2], null, "apply"));
        }
        EstateReader.Result r = EstateReader.read(specs, Catalog.builtIn());
        assertEquals(List.of(), r.errors());
        return r.instances();
    }

    private static List<String> failing(List<RuntimeInstance> estate) {
        return ClashDetector.detect(estate, List.of(), ClashDetector.Options.defaults()).stream()
                .filter(f -> f.fails(true)).map(Finding::describe).toList();
    }

    private static TreeSet<Long> listening(RuntimeInstance i) {
        TreeSet<Long> out = new TreeSet<>();
        i.config().ports().stream().filter(PortUse::listens).forEach(p -> out.add(p.effective(i.offset())));
        return out;
    }

    @Test
    void apiManager32WithItsAnalyticsWorkerAndDashboardPasses() {
        // WSO2's standard small setup (docker-apim apim-with-analytics): API Manager 3.2.0 beside Analytics 3.2.0
        Dist analytics = ApimAnalytics.pack(temp, "3.2.0");
        List<RuntimeInstance> estate = read("apim", Corpus.files().resolve("wso2am-3.2.0"), null, null,
                "worker", analytics.home(), "worker", null, "dashboard", analytics.home(), "dashboard", null);
        assertEquals(List.of(), failing(estate));
        // the worker listens on the yaml port + its offset 1 (msf4j 2.7.7), the dashboard on + 3
        assertEquals(new TreeSet<>(List.of(7071L, 7444L, 7612L, 7712L, 9091L, 9444L, 9612L, 9712L, 9806L)),
                listening(estate.get(1)));
        assertEquals(new TreeSet<>(List.of(9092L, 9643L)), listening(estate.get(2)));
        assertTrue(listening(estate.get(0)).containsAll(List.of(9443L, 9763L, 8280L, 8243L, 9999L, 11111L, 10711L,
                9611L, 9711L, 5672L, 8672L, 9099L, 8099L)), listening(estate.get(0)).toString());
    }

    @Test
    void aCarbon5PackWithOnlyItsWorkerIsReadAsAWorker() {
        // API Manager Analytics 3.0.0 copied with conf/worker alone: no Carbon 4 defaults (servlet, JMX, Spark)
        Dist worker = Dist.at(temp.resolve("wso2am-analytics-3.0.0")).file("conf/worker/deployment.yaml",
                ApimAnalytics.worker("3.0.0"));
        List<RuntimeInstance> estate = read("worker", worker.home(), null, null);
        assertEquals(1, estate.size());
        assertEquals(new TreeSet<>(List.of(7071L, 7444L, 7612L, 7712L, 9091L, 9444L, 9612L, 9712L, 9806L)),
                listening(estate.get(0)));
        assertEquals(List.of(), failing(estate));
    }

    @Test
    void twoEnterpriseIntegratorsOnOneHost() {
        // no MSF4J 9090 on the integrator, no Cassandra 9161 on analytics
        Path ei = Corpus.files().resolve("wso2ei-6.1.1");
        Dist copy = Dist.at(temp.resolve("second/wso2ei-6.1.1"));
        io.github.wso2ports.testing.Trees.copy(ei, copy.home());
        List<RuntimeInstance> estate = read("ei1", ei, "integrator", "0", "ei2", copy.home(), "integrator", "20");
        assertTrue(failing(estate.stream().map(i -> i.at(i.plannedOffset(), "planned")).toList()).isEmpty());
        assertTrue(!listening(estate.get(0)).contains(9090L));
        List<RuntimeInstance> free = read("ei1", ei, "integrator", null, "ei2", copy.home(), "integrator", null);
        OffsetPlan plan = OffsetPlanner.plan(free, List.of(), ClashDetector.Options.defaults());
        assertEquals(List.of(0, 1), plan.rows().stream().map(OffsetPlan.Row::planned).toList());
        assertEquals(List.of(), plan.remaining());
        List<RuntimeInstance> analytics = read("a", ei, "analytics", null);
        assertTrue(!listening(analytics.get(0)).contains(9161L) && !listening(analytics.get(0)).contains(9160L));
    }

    @Test
    void twoHaWorkersOnOneHostClashOnTheEventSyncPort() {
        // deployment.config type: ha with cluster.config enabled opens the event sync server (9893, not offset)
        String ha = ApimAnalytics.worker("3.2.0").replace("cluster.config:\n  enabled: false", "cluster.config:\n  enabled: true")
                + "deployment.config:\n  type: ha\n  eventSyncServer:\n    host: localhost\n    port: 9893\n";
        Dist a = Dist.at(temp.resolve("a/wso2am-analytics-3.2.0")).file("conf/worker/deployment.yaml", ha);
        Dist b = Dist.at(temp.resolve("b/wso2am-analytics-3.2.0")).file("conf/worker/deployment.yaml",
                ha.replace("offset: 1", "offset: 11"));
        List<String> f = failing(read("w1", a.home(), null, null, "w2", b.home(), null, null));
        assertTrue(f.stream().anyMatch(x -> x.startsWith("h tcp/9893 clash: w1 (HA event sync server (Carbon 5 two-node "
                + "HA), bound to 127.0.0.1, w1/conf/worker/deployment.yaml:")), f.toString());
        Dist single = Dist.at(temp.resolve("c/wso2am-analytics-3.2.0")).file("conf/worker/deployment.yaml",
                ApimAnalytics.worker("3.2.0"));
        assertTrue(!listening(read("w", single.home(), null, null).get(0)).contains(9893L), "HA is off as shipped");
    }

    @Test
    void sparkClusterModeOpensTheMasterAndWorkerPorts() {
        // DAS 3.2.0 with Carbon clustering on: SparkAnalyticsExecutor.getClusterMode -> carbonSpark (carbon-analytics v1.3.25)
        Dist das = Dist.at(temp.resolve("wso2das-3.2.0")).file("repository/conf/carbon.xml", Samples.carbonXml(2))
                .file("repository/conf/axis2/axis2.xml", "<axisconfig name=\"AxisJava2.0\">\n"
                        + "  <clustering class=\"org.wso2.carbon.core.clustering.hazelcast.HazelcastClusteringAgent\" "
                        + "enable=\"true\">\n    <parameter name=\"membershipScheme\">wka</parameter>\n"
                        + "    <parameter name=\"localMemberPort\">4000</parameter>\n  </clustering>\n</axisconfig>\n")
                .file("repository/conf/analytics/spark/spark-defaults.conf",
                        "carbon.spark.master local\ncarbon.spark.master.count  2\nspark.master.port 7077\n");
        TreeSet<Long> ports = listening(read("das", das.home(), null, null).get(0));
        assertTrue(ports.containsAll(List.of(7079L, 6068L, 8083L, 11002L, 11502L, 4042L, 13002L, 13003L, 12002L)),
                ports.toString());
        Dist local = Dist.at(temp.resolve("local/wso2das-3.2.0")).file("repository/conf/carbon.xml", Samples.carbonXml(0));
        TreeSet<Long> stock = listening(read("das", local.home(), null, null).get(0));
        assertTrue(stock.containsAll(List.of(4040L, 13000L, 13001L, 12000L)), stock.toString());
        assertTrue(List.of(7077L, 6066L, 8081L, 11000L, 11500L, 12500L, 13500L, 14000L, 14500L, 18080L).stream()
                .noneMatch(stock::contains), "local mode opens no master, worker, broadcast, executor, file server, "
                + "REPL or history port: " + stock);
    }

    @Test
    void aConfigMapperProductsJmxComesFromItsTomlNotAStubCarbonXml() {
        // ansible-apim ships a 32-line carbon.xml stub without <Ports>: config-mapper rewrites it at start
        Dist apim = Dist.at(temp.resolve("wso2am-4.1.0")).file("repository/conf/deployment.toml",
                Samples.deploymentToml("offset = 2"))
                .file("repository/conf/carbon.xml", "<Server xmlns=\"http://wso2.org/projects/carbon/carbon.xml\">\n"
                        + "  <Name>WSO2 API Manager</Name>\n</Server>\n");
        TreeSet<Long> ports = listening(read("apim", apim.home(), null, null).get(0));
        assertTrue(ports.containsAll(List.of(10001L, 11113L)), "JMX (monitoring.jmx.rmi_server_start is true in "
                + "API Manager's default.json): " + ports);
        Dist is = Dist.at(temp.resolve("wso2is-7.0.0")).file("repository/conf/deployment.toml",
                Samples.deploymentToml(""));
        assertTrue(!listening(read("is", is.home(), null, null).get(0)).contains(9999L), "Identity Server 5.10+ starts "
                + "JMX only on request");
    }

    @Test
    void aCarbon5PackIsKnownByTheTypeItsDeploymentYamlStates() {
        // docker-apim v3.2.0.1 apim-with-analytics mounts conf/apim-analytics-worker: no version in the folder name
        Dist docker = Dist.at(temp.resolve("conf/apim-analytics-worker")).file("conf/worker/deployment.yaml",
                ApimAnalytics.worker("3.2.0"));
        List<RuntimeInstance> estate = read("worker", docker.home(), null, null,
                "apim", Corpus.files().resolve("wso2am-3.2.0"), null, null);
        assertEquals("API Manager Analytics", estate.get(0).config().product().product().name());
        assertEquals(List.of(), failing(estate), "read as the newest, its listeners move with the offset 1");
    }

    @Test
    void aCarbon5RuntimeTheCatalogDoesNotNameGetsNoCarbon4Ports() {
        Dist isa = Dist.at(temp.resolve("wso2is-analytics-5.8.0"))
                .file("conf/worker/deployment.yaml", "wso2.carbon:\n  type: wso2-is-analytics\n  ports:\n    offset: 0\n"
                        + "wso2.transport.http:\n  listenerConfigurations:\n    - id: \"default\"\n      port: 9090\n"
                        + "    - id: \"msf4j-https\"\n      port: 9091\n      scheme: https\n")
                .file("conf/reporter/deployment.yaml", "wso2.carbon:\n  type: wso2-is-analytics\n  ports:\n    offset: 5\n"
                        + "wso2.transport.http:\n  listenerConfigurations:\n    - id: \"default\"\n      port: 9290\n");
        List<RuntimeInstance> estate = read("isa", isa.home(), null, null);
        RuntimeInstance reporter = estate.stream().filter(i -> i.id().equals("isa/reporter")).findFirst().orElseThrow();
        assertEquals(new TreeSet<>(List.of(9290L)), listening(reporter), "its listener, no servlet, JMX or Spark");
        assertTrue(reporter.config().notes().stream().anyMatch(n -> n.contains("has no runtime 'reporter' in the catalog")));
    }

    @Test
    void aCarbon5RuntimeIgnoresPortOffsetArguments() {
        // carbon-config ConfigProviderImpl reads WSO2_CARBON__PORTS_OFFSET, never portOffset
        Dist sp = Dist.at(temp.resolve("wso2sp-4.4.0")).file("conf/worker/deployment.yaml",
                "wso2.carbon:\n  ports:\n    offset: 0\n");
        EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec("sp", sp.home(), "sp", "h", null,
                null, null, "apply", "-DportOffset=4", "pom.xml <jvmArgs> of sp")), Catalog.builtIn());
        assertEquals(0, r.instances().get(0).offset());
        assertTrue(r.instances().get(0).config().notes().stream().anyMatch(n -> n.contains("-DportOffset is not read "
                + "by a Carbon 5 runtime")), r.instances().get(0).config().notes().toString());
    }

    @Test
    void aLeftoverCarbonXmlDoesNotHideTheCarbon5RuntimesBesideIt() {
        // an EI 6.4 copy with the source-tree wso2/analytics/conf/carbon.xml and the shipped conf/worker
        Dist ei = Dist.at(temp.resolve("wso2ei-6.4.0")).file("conf/carbon.xml", Samples.carbonXml(0))
                .file("wso2/analytics/conf/carbon.xml", Samples.carbonXml(1))
                .file("wso2/analytics/conf/worker/deployment.yaml", "wso2.carbon:\n  ports:\n    offset: 0\n");
        List<String> ids = read("ei", ei.home(), null, null).stream().map(RuntimeInstance::id).toList();
        assertEquals(List.of("ei/integrator", "ei/analytics/worker"), ids);
    }
}
