package io.github.wso2ports.ports;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogTest {

    private final Catalog catalog = Catalog.builtIn();
    private final Map<String, CatalogEntry> byId = catalog.entries().stream()
            .collect(Collectors.toMap(CatalogEntry::id, Function.identity()));

    /** The seed page (../shared/seed), which is not copied into this repository. */
    private static String seed() throws IOException {
        String configured = System.getProperty("wso2ports.seed", "../shared/seed/000_895dbf0aa2b2ac63.txt");
        Assumptions.assumeFalse("skip".equals(configured), "seed tests skipped (-Dwso2ports.seed=skip)");
        Path seed = Paths.get(configured);
        // like the corpus, the seed page is not in this repository: a clone without it skips what needs it
        Assumptions.assumeTrue(Files.isRegularFile(seed), "no seed page at " + seed.toAbsolutePath() + ": the test "
                + "against it is skipped; point -Dwso2ports.seed=FILE at it");
        return Files.readString(seed, StandardCharsets.UTF_8);
    }

    /** Every port number the seed lists: in bullet lists, tables and the HTML table of mobile ports. */
    static Set<Integer> seedPorts(String text) {
        Set<Integer> ports = new TreeSet<>();
        List<Pattern> patterns = List.of(
                Pattern.compile("(?m)^\\s*-\\s+(\\d{3,5})(?:,\\s*(\\d{3,5}))?\\s"),
                Pattern.compile("\\|\\s*(?:spark\\.[\\w.]+\\s*\\|\\s*)?(\\d{3,5})\\s*\\|"),
                Pattern.compile("<(?:p|td)>(\\d{3,5})</(?:p|td)>"),
                Pattern.compile("ports to open are (\\d+), (\\d+) and (\\d+)"));
        for (Pattern p : patterns) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                for (int g = 1; g <= m.groupCount(); g++) {
                    if (m.group(g) != null) {
                        ports.add(Integer.valueOf(m.group(g)));
                    }
                }
            }
        }
        return ports;
    }

    @Test
    void everyPortOfTheSeedIsInTheCatalog() throws IOException {
        Set<Integer> seed = seedPorts(seed());
        assertTrue(seed.size() >= 70, "the seed extraction found only " + seed);
        Set<Integer> known = new TreeSet<>();
        for (CatalogEntry e : catalog.entries()) {
            known.add(e.port());
            known.addAll(e.seed());
        }
        Set<Integer> missing = new TreeSet<>(seed);
        missing.removeAll(known);
        assertEquals(Set.of(), missing, "seed ports the catalog does not cover");
    }

    @Test
    void seedPortsMapToTheRightEntries() {
        // seed number -> the catalog entry it belongs to (written by hand from the seed page and port-truth.md)
        Map<Integer, String> expected = Map.ofEntries(
                Map.entry(9445, "servlet-https"), Map.entry(9765, "servlet-http"), Map.entry(9446, "servlet-https"),
                Map.entry(5675, "amqp"), Map.entry(8675, "amqp-ssl"), Map.entry(1886, "mqtt"),
                Map.entry(8836, "mqtt-ssl"), Map.entry(8833, "mqtt-ssl"), Map.entry(7614, "broker-thrift"),
                Map.entry(8290, "passthrough-http"), Map.entry(8253, "passthrough-https"), Map.entry(7612, "databridge-thrift"),
                Map.entry(7712, "databridge-thrift-ssl"), Map.entry(9161, "cassandra-rpc"), Map.entry(9643, "c5-https"),
                Map.entry(2195, "apns-provider"), Map.entry(2196, "apns-provider"), Map.entry(11224, "cep-ha-event-sync"),
                Map.entry(10397, "apim-keyvalidation-thrift"), Map.entry(2199, "jndi-provider"));
        expected.forEach((port, id) -> {
            CatalogEntry e = byId.get(id);
            assertNotNull(e, id);
            assertTrue(e.port() == port || e.seed().contains(port), id + " should cover seed port " + port);
        });
    }

    @Test
    void correctionsAreRecorded() {
        assertEquals(9999, byId.get("jmx-rmi-registry").port());
        assertEquals(11111, byId.get("jmx-rmi-server").port());
        assertTrue(byId.get("jmx-rmi-registry").correction().contains("11111"));
        assertEquals(8883, byId.get("mqtt-ssl").port());
        assertTrue(byId.get("mqtt-ssl").correction().contains("8833"));
        assertTrue(byId.get("hazelcast-member").correction().contains("4100"));
        assertEquals(OffsetRule.FIXED, byId.get("hazelcast-member").rule());
        assertEquals(10711, byId.get("thrift-authentication").port());
        assertNotNull(byId.get("thrift-authentication").correction());
        assertEquals(8099, byId.get("apim-websocket-secure").port());
        assertNotNull(byId.get("apim-websocket-secure").correction());
        assertEquals(8672, byId.get("amqp-ssl").port());
        assertNotNull(byId.get("amqp-ssl").correction());
        assertEquals(9021, byId.get("apim-websub-http").port());
        assertEquals(8021, byId.get("apim-websub-https").port());
        assertNotNull(byId.get("apim-websub-https").correction());
        assertTrue(byId.get("apns-provider").correction().contains("2021"));

        Product mi = catalog.product("wso2mi").orElseThrow();
        assertEquals(10, mi.defaultOffset());
        assertTrue(mi.correction().contains("8280/8243"));
        assertEquals(8280, byId.get("passthrough-http").port());
        assertEquals(8243, byId.get("passthrough-https").port());
        assertEquals(9154, byId.get("mi-management-https").port());

        Product ei = catalog.product("wso2ei").orElseThrow();
        assertEquals(Map.of("integrator", 0, "analytics", 1, "business-process", 2, "broker", 3, "micro-integrator", 10),
                Map.of("integrator", ei.runtime("integrator").shippedOffset(), "analytics",
                        ei.runtime("analytics").shippedOffset(), "business-process",
                        ei.runtime("business-process").shippedOffset(), "broker", ei.runtime("broker").shippedOffset(),
                        "micro-integrator", ei.runtime("micro-integrator").shippedOffset()));
        Product iot = catalog.product("wso2iot").orElseThrow();
        assertEquals(2, iot.runtime("analytics").shippedOffset());
        assertEquals(3, iot.runtime("broker").shippedOffset());
        assertEquals(1, iot.runtime("backend").shippedOffset());
        assertEquals(4, iot.runtime("keymanager").shippedOffset());
    }

    @Test
    void everyEntryHasASourceAndEveryProductAKnownGroup() {
        Set<String> groups = new TreeSet<>();
        catalog.entries().forEach(e -> {
            groups.addAll(e.groups());
            if (e.plus() != null) {
                groups.addAll(e.plus().groups());
            }
            addFlagGroups(e.when(), groups);
            addFlagGroups(e.shifts(), groups);
        });
        catalog.urls().forEach(u -> groups.addAll(u.groups()));
        groups.addAll(catalog.inbound().groups());
        for (CatalogEntry e : catalog.entries()) {
            assertTrue(e.source().length() > 10, e.id());
        }
        Set<String> named = new TreeSet<>(Product.CARBON5_GROUPS);
        for (Product p : catalog.products()) {
            Set<String> own = new TreeSet<>(p.groups());
            p.versions().forEach(v -> own.addAll(v.groups()));
            p.runtimes().forEach(r -> own.addAll(r.groups()));
            for (String g : own) {
                assertTrue(groups.contains(g), p.key() + " names group " + g + " that no port or flag uses");
            }
            named.addAll(own);
        }
        Set<String> unnamed = new TreeSet<>(groups);
        unnamed.removeAll(named);
        assertEquals(Set.of(), unnamed, "groups ports or flags use but no product names (a typo?)");
    }

    private static void addFlagGroups(Condition c, Set<String> groups) {
        groups.addAll(c.onFor());
        groups.addAll(c.offFor());
        c.all().forEach(part -> addFlagGroups(part, groups));
    }

    @Test
    void versionsSelectGroups() {
        Product am = catalog.product("wso2am").orElseThrow();
        assertTrue(am.groups("1.9.0", null).contains("apim1"));
        assertTrue(!am.groups("2.6.0", null).contains("apim1") && am.groups("2.6.0", null).contains("thrift-auth"));
        assertTrue(am.groups("4.2.0", null).contains("apim-websub"));
        assertTrue(!am.groups("3.2.0", null).contains("apim-websub"));
        assertTrue(am.groups(null, null).contains("apim-websub") && !am.groups(null, null).contains("apim1"),
                "an unknown version is taken for the newest");
        Product mi = catalog.product("wso2mi").orElseThrow();
        assertTrue(mi.groups(null, null).contains("mi-management") && mi.groups("1.0.0", null).contains("mi1-tomcat"));
        assertEquals(-1, Versions.compare("4.9", "4.10"));
        assertEquals(0, Versions.compare("5.10", "5.10.0"));
    }

    /** The plugin loads catalog.bin, which the build derives from catalog.toml: the two must be one catalog. */
    @Test
    void compiledCatalogIsTheTomlCatalog() {
        byte[] compiled = Catalog.resource(Catalog.COMPILED);
        assertNotNull(compiled, Catalog.COMPILED + " was not written by the build (exec-maven-plugin, process-classes)");
        Catalog fromToml = Catalog.parse(new String(Catalog.resource(Catalog.RESOURCE), StandardCharsets.UTF_8));
        Catalog fromCompiled = Catalog.parse(CatalogData.fromCompiled(compiled), false);
        assertEquals(fromToml.products(), fromCompiled.products());
        assertEquals(fromToml.entries(), fromCompiled.entries());
        assertEquals(fromToml.urls(), fromCompiled.urls());
        assertEquals(fromToml.inbound(), fromCompiled.inbound());
        assertEquals(Catalog.COMPILED, Catalog.builtInSource(), "the plugin loads the compiled catalog");
        assertEquals(fromToml.entries(), catalog.entries());
        // the round trip keeps every value and type, not just what the records use
        CatalogData tree = CatalogData.fromToml("a = 1\nb = \"x\"\nc = true\nd = 1.5\n[t]\ne = [1, 2]\n"
                + "[[u]]\nf = { g = \"h\" }\n");
        CatalogData back = CatalogData.fromCompiled(tree.compiled());
        assertEquals(tree.toString(), back.toString());
        assertEquals("{a=1, b=x, c=true, d=1.5, t={e=[1, 2]}, u=[{f={g=h}}]}", back.toString());
        assertEquals(List.of(Long.class, String.class, Boolean.class, Double.class), back.keys().stream().limit(4)
                .map(k -> back.get(k).getClass()).toList(), "each value keeps its type");
        byte[] cut = java.util.Arrays.copyOf(tree.compiled(), tree.compiled().length - 1);
        assertThrows(IllegalStateException.class, () -> CatalogData.fromCompiled(cut), "a cut catalog is refused");
        assertThrows(IllegalStateException.class, () -> CatalogData.fromToml("a = 1979-05-27T07:32:00Z\n"));
        assertThrows(IllegalStateException.class, () -> tree.string("a"), "a type mismatch is named");
        assertThrows(IllegalStateException.class, () -> tree.table("t").strings("e"));
    }

    @Test
    void brokenCatalogsAreRejected() {
        String ok = "[[port]]\nid = \"a\"\nport = 1\npurpose = \"p\"\nrule = \"offset\"\nsource = \"s\"\n";
        Catalog.parse(ok);
        assertThrows(IllegalStateException.class, () -> Catalog.parse(ok.replace("port = 1", "port = 70000")));
        assertThrows(IllegalStateException.class, () -> Catalog.parse(ok + ok));
        assertThrows(IllegalArgumentException.class, () -> Catalog.parse(ok.replace("offset", "sometimes")));
        assertThrows(IllegalStateException.class, () -> Catalog.parse(ok.replace("source = \"s\"\n",
                "source = \"s\"\nlocators = [{ file = \"x.xml\" }]\n")));
        assertThrows(IllegalStateException.class, () -> Catalog.parse(ok + "[[product]]\nkey = \"k\"\nname = \"n\"\n"
                + "ports = { nope = 1 }\n"));
        assertThrows(IllegalStateException.class, () -> Catalog.parse(ok + "shifts = \"no-such-flag\"\n"));
        assertThrows(IllegalStateException.class, () -> Catalog.parse(ok.replace("source = \"s\"\n",
                "source = \"s\"\nlocators = [{ inbound = \"a.xml\", toml = \"a.port\" }]\n")));
        assertThrows(IllegalStateException.class, () -> Catalog.parse(ok.replace("source = \"s\"\n",
                "source = \"s\"\nlocators = [{ file = \"a.xml\", xpath = \"/a/@port\", address = \"../@[\" }]\n")));
        // a locator holds the parts of its kind only
        for (String locator : List.of("toml = \"a.port\", rule = \"fixed\"", "inbound = \"a.xml\", pattern = \"(1)\"",
                "file = \"a.conf\", property = \"p\", address = \"h\"",
                "file = \"a.xml\", xpath = \"/a/@port\", toml = \"a.port\"")) {
            assertThrows(IllegalStateException.class, () -> Catalog.parse(ok.replace("source = \"s\"\n",
                    "source = \"s\"\nlocators = [{ " + locator + " }]\n")), locator);
        }
        // a product key written after a [[product.versions]] header belongs to the versions table: named, not ignored
        IllegalStateException misplaced = assertThrows(IllegalStateException.class, () -> Catalog.parse(ok
                + "[[product]]\nkey = \"k\"\nname = \"n\"\n[[product.versions]]\nfrom = \"1.1\"\ndefault_offset = 10\n"));
        assertTrue(misplaced.getMessage().contains("k [[product.versions]] has an unknown key default_offset"),
                misplaced.getMessage());
    }

    /** Messages name a locator as they always did, whatever its kind. */
    @Test
    void locatorsNameTheirPlace() {
        assertEquals(List.of("deployment.toml transport.http.properties.port",
                "tomcat/catalina-server.xml /Server/Service/Connector[not(@scheme='https')]/@port"),
                byId.get("servlet-http").locators().stream().map(Locator::toString).toList());
        assertEquals(List.of("deployment.toml apim.ws.port", "inbound endpoint WebSocketInboundEndpoint.xml"),
                byId.get("apim-websocket").locators().stream().map(Locator::toString).toList());
        assertEquals("analytics/spark/spark-defaults.conf spark.ui.port", byId.get("spark-ui").locators().get(0).toString());
        assertEquals("transports/netty-transports.yml listenerConfigurations/*/port",
                byId.get("msf4j-http").locators().get(0).toString());
    }

    @Test
    void inboundEndpointsAndSharedFlagsAreData() {
        InboundScan scan = catalog.inbound();
        assertEquals("repository/deployment/server/synapse-configs/*/inbound-endpoints", scan.folder());
        InboundScan.Parameter http = scan.parameters().get(0);
        assertEquals(List.of("inbound.http.port"), http.names());
        assertEquals("inbound.port.offset.enable", http.shifts().name());
        assertTrue(http.shifts().defaultFor(Set.of("inbound-offset-on")), "API Manager 4.x: true");
        assertFalse(http.shifts().defaultFor(Set.of("mediation", "mi")), "Micro Integrator: false");
        assertSame(http.shifts(), catalog.entry("apim-websub-https").orElseThrow().shifts(), "one flag, one place");
        assertEquals("ws.use.port.offset", scan.parameters().get(1).shifts().parameter());
        CatalogEntry e = scan.entry("HttpListenerEP", "http", http, 8085);
        assertEquals("inbound-endpoint.HttpListenerEP", e.id());
        assertEquals("inbound endpoint HttpListenerEP (http)", e.purpose());
        assertEquals(OffsetRule.CONDITIONAL, e.rule());
        Product am = catalog.product("wso2am").orElseThrow();
        assertTrue(am.groups("4.0.0", null).contains("inbound-offset-on"));
        assertFalse(am.groups("3.2.0", null).contains("inbound-offset-on"));
    }
}
