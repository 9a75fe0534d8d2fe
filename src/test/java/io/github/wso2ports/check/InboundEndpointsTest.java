package io.github.wso2ports.check;

import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.ports.OffsetRule;
import io.github.wso2ports.ports.PortUse;
import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.Samples;
import io.github.wso2ports.testing.Zips;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Inbound endpoints deployed in a runtime's synapse configs are ports of it, with the offset semantics of
 * port-truth.md (a.2, a.3, a.6): HTTP(S) moves only when inbound.port.offset.enable is true (API Manager 4.x: true,
 * Micro Integrator: false), WebSocket only when the endpoint's ws.use.port.offset is true.
 */
class InboundEndpointsTest {

    private static final String SYNAPSE = "repository/deployment/server/synapse-configs/default/inbound-endpoints/";

    @TempDir
    Path temp;

    /** An inbound endpoint file as Synapse writes one (default namespace, parameters), written for these tests. */
    static String endpoint(String name, String protocol, String suspend, String... parameters) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < parameters.length; i += 2) {
            p.append("        <parameter name=\"").append(parameters[i]).append("\">").append(parameters[i + 1])
                    .append("</parameter>\n");
        }
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- <inboundEndpoint name="Decoy" protocol="http"><parameters><parameter name="inbound.http.port">1</parameter></parameters></inboundEndpoint> -->
                <inboundEndpoint xmlns="http://ws.apache.org/ns/synapse" name="%s" %s
                                 sequence="main" onError="fault" suspend="%s">
                    <parameters>
                %s    </parameters>
                </inboundEndpoint>
                """.formatted(name, protocol, suspend, p);
    }

    private static RuntimeInstance read(Path home, String id, String host) {
        EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec(id, home, id, host, null,
                null, null, "apply")), Catalog.builtIn());
        assertEquals(List.of(), r.errors());
        assertEquals(1, r.instances().size());
        return r.instances().get(0);
    }

    private static PortUse port(RuntimeInstance i, String id) {
        return i.config().ports().stream().filter(p -> p.entry().id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " not in " + i.config().ports().stream()
                        .map(p -> p.entry().id()).toList()));
    }

    private static List<Finding> findings(List<RuntimeInstance> instances, FindingKind kind) {
        return ClashDetector.detect(instances, List.of(), ClashDetector.Options.defaults()).stream()
                .filter(f -> f.kind() == kind).toList();
    }

    private Dist apim42(String serverLines) {
        return Dist.at(temp.resolve("wso2am-4.2.0")).file("repository/conf/carbon.xml", Samples.carbonXml(0))
                .file("repository/conf/deployment.toml", Samples.deploymentToml(serverLines));
    }

    private Dist mi43(String toml) {
        return Dist.at(temp.resolve("wso2mi-4.3.0")).file("conf/carbon.xml", Samples.carbonXml(10))
                .file("conf/deployment.toml", toml);
    }

    @Test
    void anHttpInboundEndpointOfApiManager4MovesWithTheOffset() {
        Dist d = apim42("offset = 10").file(SYNAPSE + "HttpListenerEP.xml",
                endpoint("HttpListenerEP", "protocol=\"http\"", "false", "inbound.http.port", "8085"));
        RuntimeInstance am = read(d.home(), "am", "h");
        PortUse p = port(am, "inbound-endpoint.HttpListenerEP");
        assertEquals(8085, p.base());
        assertEquals(8095, p.effective(am.offset()));
        assertEquals("inbound endpoint HttpListenerEP (http)", p.entry().purpose());
        assertEquals(OffsetRule.CONDITIONAL, p.rule());
        assertEquals("am/" + SYNAPSE + "HttpListenerEP.xml:6", p.provenance());
        assertEquals("moves only when a flag is set (on)", p.ruleDescription());
        assertTrue(p.listens());
        // the decoy in the comment is not an endpoint, and an endpoint is one port
        assertEquals(1, am.config().ports().stream().filter(x -> x.entry().id().startsWith("inbound-endpoint")).count());
    }

    @Test
    void apiManager4sTomlCanTurnTheInboundOffsetOff() {
        Dist d = apim42("offset = 10").file("repository/conf/deployment.toml", Samples.deploymentToml("offset = 10")
                + "[synapse_properties]\n'inbound.port.offset.enable' = false\n")
                .file(SYNAPSE + "HttpListenerEP.xml",
                        endpoint("HttpListenerEP", "protocol=\"https\"", "false", "inbound.http.port", "8085"));
        RuntimeInstance am = read(d.home(), "am", "h");
        assertEquals(8085, port(am, "inbound-endpoint.HttpListenerEP").effective(am.offset()));
        // the shipped WebSub receivers follow the same synapse property
        assertEquals(8021, port(am, "apim-websub-https").effective(am.offset()));
        List<Finding> unshifted = findings(List.of(am), FindingKind.UNSHIFTED);
        assertTrue(unshifted.stream().anyMatch(f -> f.severity() == Severity.INFO && f.describe().equals(
                "h tcp/8085 unshifted: am (inbound endpoint HttpListenerEP (https), am/" + SYNAPSE
                        + "HttpListenerEP.xml:6): stays at 8085 although the offset is 10: inbound.port.offset.enable "
                        + "is off (am/repository/conf/deployment.toml:10 sets false)")), unshifted.toString());
    }

    @Test
    void microIntegratorKeepsInboundPortsWhereTheyAreUnlessEnabled() {
        String endpoint = endpoint("HttpListenerEP", "protocol=\"http\"", "false", "inbound.http.port", "8085");
        RuntimeInstance byDefault = read(mi43("[server]\nhostname = \"localhost\"\n").file(SYNAPSE + "ep.xml", endpoint)
                .home(), "mi", "h");
        assertEquals(10, byDefault.offset());
        PortUse p = port(byDefault, "inbound-endpoint.HttpListenerEP");
        assertEquals(8085, p.effective(byDefault.offset()));
        assertEquals("inbound.port.offset.enable is off (not set; off by default)", p.stays());
        assertEquals("moves only when a flag is set (off)", p.ruleDescription());

        Dist enabled = Dist.at(temp.resolve("enabled/wso2mi-4.3.0")).file("conf/carbon.xml", Samples.carbonXml(10))
                .file("conf/deployment.toml", "[server]\nhostname = \"localhost\"\n[synapse_properties]\n"
                        + "'inbound.port.offset.enable' = true\n")
                .file(SYNAPSE + "ep.xml", endpoint);
        RuntimeInstance mi = read(enabled.home(), "mi", "h");
        assertEquals(8095, port(mi, "inbound-endpoint.HttpListenerEP").effective(mi.offset()));
    }

    @Test
    void aClassicProductReadsTheFlagFromSynapseProperties() {
        Dist d = Dist.at(temp.resolve("wso2esb-5.0.0")).file("repository/conf/carbon.xml", Samples.carbonXml(3))
                .file(SYNAPSE + "ep.xml", endpoint("HttpListenerEP", "protocol=\"http\"", "false",
                        "inbound.http.port", "8085"));
        assertEquals(8085, port(read(d.home(), "esb", "h"), "inbound-endpoint.HttpListenerEP").effective(3));
        d.file("repository/conf/synapse.properties", "# written for tests\nsynapse.threads.core = 20\n"
                + "inbound.port.offset.enable=true\n");
        PortUse p = port(read(d.home(), "esb", "h"), "inbound-endpoint.HttpListenerEP");
        assertEquals(8088, p.effective(3));
        assertNull(p.stays());
    }

    @Test
    void aWebSocketEndpointMovesOnlyWithItsOwnFlag() {
        Dist d = apim42("offset = 10")
                .file(SYNAPSE + "WsOff.xml", endpoint("WsOff", "protocol=\"ws\"", "false", "inbound.ws.port", "9200",
                        "ws.use.port.offset", "false"))
                .file(SYNAPSE + "WsOn.xml", endpoint("WsOn", "protocol=\"wss\"", "false", "inbound.ws.port", "9300",
                        "ws.use.port.offset", "true"))
                .file(SYNAPSE + "WsUnset.xml", endpoint("WsUnset", "protocol=\"ws\"", "false", "inbound.ws.port", "9400"));
        RuntimeInstance am = read(d.home(), "am", "h");
        PortUse off = port(am, "inbound-endpoint.WsOff");
        assertEquals(9200, off.effective(am.offset()));
        assertEquals("ws.use.port.offset is off (am/" + SYNAPSE + "WsOff.xml:7 sets false)", off.stays());
        assertEquals(9310, port(am, "inbound-endpoint.WsOn").effective(am.offset()));
        assertEquals(9400, port(am, "inbound-endpoint.WsUnset").effective(am.offset()), "absent: the code's false");
    }

    @Test
    void aSuspendedEndpointIsKeptButDoesNotListen() {
        Path a = mi43("[server]\noffset = 1\n").file(SYNAPSE + "ep.xml", endpoint("Paused", "protocol=\"http\"",
                "true", "inbound.http.port", "8085")).home();
        Path b = Dist.at(temp.resolve("b/wso2mi-4.3.0")).file("conf/carbon.xml", Samples.carbonXml(10))
                .file("conf/deployment.toml", "[server]\noffset = 2\n")
                .file(SYNAPSE + "ep.xml", endpoint("Live", "protocol=\"http\"", "false", "inbound.http.port", "8085"))
                .home();
        RuntimeInstance paused = read(a, "a", "h");
        PortUse p = port(paused, "inbound-endpoint.Paused");
        assertFalse(p.enabled());
        assertFalse(p.listens());
        assertEquals(List.of(), findings(List.of(paused, read(b, "b", "h")), FindingKind.CLASH));
    }

    @Test
    void twoInstancesWithTheSameUnshiftedInboundPortClash() {
        String endpoint = endpoint("HttpListenerEP", "protocol=\"http\"", "false", "inbound.http.port", "8085");
        Path a = mi43("[server]\noffset = 1\n").file(SYNAPSE + "ep.xml", endpoint).home();
        Path b = Dist.at(temp.resolve("b/wso2mi-4.3.0")).file("conf/carbon.xml", Samples.carbonXml(10))
                .file("conf/deployment.toml", "[server]\noffset = 2\n").file(SYNAPSE + "ep.xml", endpoint).home();
        List<Finding> clashes = findings(List.of(read(a, "a", "h"), read(b, "b", "h")), FindingKind.CLASH);
        assertEquals(List.of("h tcp/8085 clash: a (inbound endpoint HttpListenerEP (http), a/" + SYNAPSE + "ep.xml:6) "
                + "<-> b (inbound endpoint HttpListenerEP (http), b/" + SYNAPSE + "ep.xml:6)"),
                clashes.stream().map(Finding::describe).toList());
    }

    @Test
    void theShippedApiManagerEndpointsAreTheirCatalogEntriesNotSecondPorts() {
        // API Manager 2.6: no deployment.toml, so the endpoint file is where the WebSocket port is set
        Dist d = Dist.at(temp.resolve("wso2am-2.6.0")).file("repository/conf/carbon.xml", Samples.carbonXml(1))
                .file(SYNAPSE + "WebSocketInboundEndpoint.xml", endpoint("WebSocketInboundEndpoint",
                        "protocol=\"ws\"", "false", "inbound.ws.port", "9199", "ws.use.port.offset", "true"))
                .file(SYNAPSE + "SecureWebSocketInboundEndpoint.xml", endpoint("SecureWebSocketEP",
                        "protocol=\"wss\"", "false", "inbound.ws.port", "8099", "ws.use.port.offset", "false"));
        RuntimeInstance am = read(d.home(), "am", "h");
        PortUse ws = port(am, "apim-websocket");
        assertEquals(9199, ws.base(), "the file's value, not the catalog's 9099");
        assertFalse(ws.isCatalogDefault());
        assertEquals(9200, ws.effective(am.offset()));
        PortUse wss = port(am, "apim-websocket-secure");
        assertEquals(8099, wss.effective(am.offset()), "its ws.use.port.offset is false (wso2/product-apim#3395)");
        assertTrue(am.config().ports().stream().noneMatch(p -> p.entry().id().startsWith("inbound-endpoint")),
                "claimed files are not read twice");
    }

    @Test
    void deploymentTomlBeatsTheGeneratedEndpointFile() {
        Dist d = apim42("offset = 1").file("repository/conf/deployment.toml", Samples.deploymentToml("offset = 1")
                + "[apim.ws]\nport = 9098\n")
                .file(SYNAPSE + "WebSocketInboundEndpoint.xml", endpoint("WebSocketInboundEndpoint",
                        "protocol=\"ws\"", "false", "inbound.ws.port", "9099", "ws.use.port.offset", "true"));
        RuntimeInstance am = read(d.home(), "am", "h");
        PortUse ws = port(am, "apim-websocket");
        assertEquals(9098, ws.base());
        assertEquals("am/repository/conf/deployment.toml:10", ws.provenance());
        assertEquals(9099, ws.effective(am.offset()));
    }

    @Test
    void otherListenersClassBasedEndpointsAndPollingEndpoints() {
        Dist d = mi43("[server]\noffset = 0\n")
                .file(SYNAPSE + "hl7.xml", endpoint("Hl7", "protocol=\"hl7\"", "false", "inbound.hl7.Port", "20000",
                        "inbound.hl7.AutoAck", "true"))
                .file(SYNAPSE + "rm.xml", endpoint("Rm", "protocol=\"cxf_ws_rm\"", "false", "inbound.cxf.rm.port",
                        "20100", "inbound.cxf.rm.host", "10.0.0.7"))
                .file(SYNAPSE + "mcp.xml", endpoint("Mcp", "class=\"org.example.McpInboundListener\"", "false",
                        "inbound.mcp.port", "8300"))
                .file(SYNAPSE + "jms.xml", endpoint("Jms", "protocol=\"jms\"", "false", "interval", "1000",
                        "transport.jms.Destination", "orders"))
                .file(SYNAPSE + "notes.txt", "not an endpoint\n")
                .file(SYNAPSE + "other.xml", "<sequence name=\"notAnEndpoint\"/>\n");
        RuntimeInstance mi = read(d.home(), "mi", "h");
        PortUse hl7 = port(mi, "inbound-endpoint.Hl7");
        assertEquals(OffsetRule.FIXED, hl7.rule());
        assertEquals(20000, hl7.effective(10));
        PortUse rm = port(mi, "inbound-endpoint.Rm");
        assertEquals("10.0.0.7", rm.bindAddress());
        PortUse mcp = port(mi, "inbound-endpoint.Mcp");
        assertEquals("inbound endpoint Mcp (class org.example.McpInboundListener)", mcp.entry().purpose());
        assertEquals(OffsetRule.CONDITIONAL, mcp.rule());
        assertEquals(List.of("inbound-endpoint.Hl7", "inbound-endpoint.Mcp", "inbound-endpoint.Rm"),
                mi.config().ports().stream().map(p -> p.entry().id()).filter(id -> id.startsWith("inbound")).sorted()
                        .toList(), "a JMS endpoint polls: it listens on nothing");
    }

    @Test
    void aPortThatIsNotANumberIsSaidNotGuessed() {
        Dist d = mi43("[server]\noffset = 0\n").file(SYNAPSE + "ep.xml", endpoint("FromEnv", "protocol=\"http\"",
                "false", "inbound.http.port", "${HTTP_EP_PORT}"));
        RuntimeInstance mi = read(d.home(), "mi", "h");
        assertTrue(mi.config().ports().stream().noneMatch(p -> p.entry().id().startsWith("inbound")));
        assertTrue(mi.config().notes().contains("mi/" + SYNAPSE + "ep.xml:6: inbound endpoint FromEnv listens on "
                + "'${HTTP_EP_PORT}', which is not known before it starts, so it is not checked; write the port number"),
                mi.config().notes().toString());
    }

    @Test
    void eachEiRuntimeReadsTheEndpointsUnderItsOwnHome() {
        Dist d = Dist.at(temp.resolve("wso2ei-6.4.0")).file("conf/carbon.xml", Samples.carbonXml(0))
                .file("wso2/micro-integrator/conf/carbon.xml", Samples.carbonXml(10))
                .file(SYNAPSE + "ep.xml", endpoint("IntegratorEP", "protocol=\"http\"", "false",
                        "inbound.http.port", "8085"))
                .file("wso2/micro-integrator/" + SYNAPSE + "ep.xml", endpoint("MicroEP", "protocol=\"http\"", "false",
                        "inbound.http.port", "8086"));
        EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec("ei", d.home(), "ei", "h", null,
                null, null, "apply")), Catalog.builtIn());
        assertEquals(List.of(), r.errors());
        RuntimeInstance integrator = r.instances().stream().filter(i -> i.id().equals("ei/integrator")).findFirst()
                .orElseThrow();
        RuntimeInstance micro = r.instances().stream().filter(i -> i.id().equals("ei/micro-integrator")).findFirst()
                .orElseThrow();
        assertEquals("ei/" + SYNAPSE + "ep.xml:6", port(integrator, "inbound-endpoint.IntegratorEP").provenance());
        assertEquals("ei/wso2/micro-integrator/" + SYNAPSE + "ep.xml:6",
                port(micro, "inbound-endpoint.MicroEP").provenance());
        assertTrue(micro.config().ports().stream().noneMatch(p -> p.entry().id().equals("inbound-endpoint.IntegratorEP")));
    }

    @Test
    void aZipReadsTheSameEndpointsAsItsFolder() {
        Dist d = apim42("offset = 10").file(SYNAPSE + "HttpListenerEP.xml",
                endpoint("HttpListenerEP", "protocol=\"http\"", "false", "inbound.http.port", "8085"));
        Path zip = Zips.zip(d.home(), temp.resolve("wso2am-4.2.0.zip"));
        RuntimeInstance folder = read(d.home(), "am", "h");
        RuntimeInstance zipped = read(zip, "am", "h");
        PortUse p = port(zipped, "inbound-endpoint.HttpListenerEP");
        assertEquals(8095, p.effective(zipped.offset()));
        assertEquals("am!/" + SYNAPSE + "HttpListenerEP.xml:6", p.provenance());
        assertEquals(folder.config().ports().size(), zipped.config().ports().size());
    }
}
