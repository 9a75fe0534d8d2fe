package io.github.wso2ports.check;

import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.distribution.LayoutDetector;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.ports.PortUse;
import io.github.wso2ports.ports.ProductDetector;
import io.github.wso2ports.ports.RuntimeReader;
import io.github.wso2ports.testing.Corpus;
import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.Samples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a config sets the address a listener binds, two instances bound to distinct addresses share a port
 * (port-truth.md (c) 23: the clash key is host, bind address, protocol and port).
 */
class BindAddressesTest {

    @TempDir
    Path temp;

    /** A catalina-server.xml whose HTTPS connector binds one address; a commented one binds another. */
    static String catalina(String httpsAddress) {
        return """
                <?xml version="1.0" encoding="utf-8"?>
                <Server port="8005" shutdown="SHUTDOWN">
                    <Service className="org.apache.catalina.core.StandardService" name="Catalina">
                        <!-- <Connector port="9763" address="192.168.9.9"/> -->
                        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="9763"
                                   redirectPort="9443" proxyPort="80"/>
                        <Connector protocol="org.apache.coyote.http11.Http11NioProtocol" port="9443"
                                   address="%s" scheme="https" secure="true" proxyPort="443"/>
                    </Service>
                </Server>
                """.formatted(httpsAddress);
    }

    /** An axis2.xml whose PassThrough HTTP listener binds one address; HTTPS has it commented out. */
    static String axis2(String httpAddress) {
        return """
                <axisconfig name="AxisJava2.0">
                    <transportReceiver name="http" class="org.apache.synapse.transport.passthru.PassThroughHttpListener">
                        <parameter name="port" locked="false">8280</parameter>
                        <parameter name="bind-address" locked="false">%s</parameter>
                    </transportReceiver>
                    <transportReceiver name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLListener">
                        <parameter name="port" locked="false">8243</parameter>
                        <!--parameter name="bind-address" locked="false">hostname or IP address</parameter-->
                    </transportReceiver>
                </axisconfig>
                """.formatted(httpAddress);
    }

    private static RuntimeInstance read(Path home, String id) {
        EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec(id, home, id, "app1", null,
                null, null, "apply")), Catalog.builtIn());
        assertEquals(List.of(), r.errors());
        return r.instances().get(0);
    }

    private static PortUse port(RuntimeInstance i, String id) {
        return i.config().ports().stream().filter(p -> p.entry().id().equals(id)).findFirst().orElseThrow();
    }

    private Dist classic(String name, String httpsAddress, String httpAddress) {
        return Dist.at(temp.resolve(name).resolve("wso2am-2.6.0")).file("repository/conf/carbon.xml", Samples.carbonXml(0))
                .file("repository/conf/tomcat/catalina-server.xml", catalina(httpsAddress))
                .file("repository/conf/axis2/axis2.xml", axis2(httpAddress));
    }

    @Test
    void theReaderTakesTheAddressFromCatalinaServerXmlAndAxis2Xml() {
        RuntimeInstance am = read(classic("a", "10.0.0.1", "10.0.0.1").home(), "am");
        assertEquals("10.0.0.1", port(am, "servlet-https").bindAddress());
        assertNull(port(am, "servlet-http").bindAddress(), "the commented connector's address is not read");
        assertEquals("10.0.0.1", port(am, "passthrough-http").bindAddress());
        assertNull(port(am, "passthrough-https").bindAddress(), "commented out: every address");
        // wildcards and localhost, as written in files
        assertNull(port(read(classic("b", "0.0.0.0", "::").home(), "am"), "servlet-https").bindAddress());
        assertNull(port(read(classic("c", "0.0.0.0", "[::]").home(), "am"), "passthrough-http").bindAddress());
        assertEquals("127.0.0.1", port(read(classic("d", "LOCALHOST", "*").home(), "am"), "servlet-https").bindAddress());
    }

    @Test
    void instancesOnDistinctAddressesShareAPortButNotWithAWildcard() {
        RuntimeInstance a = read(classic("a", "10.0.0.1", "10.0.0.1").home(), "a");
        RuntimeInstance b = read(classic("b", "10.0.0.2", "10.0.0.2").home(), "b");
        List<Finding> clashes = ClashDetector.detect(List.of(a, b), List.of(), ClashDetector.Options.defaults())
                .stream().filter(f -> f.kind() == FindingKind.CLASH).toList();
        List<Long> ports = clashes.stream().map(Finding::port).toList();
        assertTrue(!ports.contains(9443L) && !ports.contains(8280L), ports.toString());
        assertTrue(ports.contains(9763L) && ports.contains(8243L), "the wildcard listeners still clash: " + ports);
        RuntimeInstance c = read(classic("c", "0.0.0.0", "10.0.0.3").home(), "c");
        Finding https = ClashDetector.detect(List.of(a, b, c), List.of(), ClashDetector.Options.defaults()).stream()
                .filter(f -> f.kind() == FindingKind.CLASH && f.port() == 9443).findFirst().orElseThrow();
        assertEquals(3, https.owners().size());
        assertTrue(https.describe().contains("a (HTTPS servlet transport (management console), bound to 10.0.0.1, "
                + "a/repository/conf/tomcat/catalina-server.xml:7)"), https.describe());
    }

    @Test
    void deploymentTomlSetsTheAddressOverTheGeneratedFiles() {
        Dist d = Dist.at(temp.resolve("wso2am-4.2.0")).file("repository/conf/carbon.xml", Samples.carbonXml(0))
                .file("repository/conf/tomcat/catalina-server.xml", catalina("10.0.0.1"))
                .file("repository/conf/axis2/axis2.xml", axis2("10.0.0.1"))
                .file("repository/conf/deployment.toml", """
                        [server]
                        hostname = "localhost"
                        [transport.https.properties]
                        address = "10.0.0.3"
                        [transport.passthru_http.listener.parameters]
                        port = 8281
                        'bind-address' = "10.0.0.4"
                        """);
        RuntimeInstance am = read(d.home(), "am");
        PortUse https = port(am, "servlet-https");
        assertEquals("10.0.0.3", https.bindAddress(), "the toml's, not the generated file's");
        assertEquals("catalog default: am/repository/conf/deployment.toml sets no transport.https.properties.port, and "
                + "am/repository/conf/tomcat/catalina-server.xml is regenerated at start-up: the product's default",
                https.provenance(), "config-mapper rewrites catalina-server.xml: its port is not read");
        PortUse http = port(am, "passthrough-http");
        assertEquals(8281, http.base());
        assertEquals("10.0.0.4", http.bindAddress());
        Dist mi = Dist.at(temp.resolve("wso2mi-4.3.0")).file("conf/carbon.xml", Samples.carbonXml(10))
                .file("conf/deployment.toml", "[server]\nhostname = \"localhost\"\n[transport.http]\n"
                        + "listener.bind_address = \"192.168.1.5\"\nlistener.secured_bind_address = \"0.0.0.0\"\n");
        RuntimeInstance m = read(mi.home(), "mi");
        assertEquals("192.168.1.5", port(m, "passthrough-http").bindAddress());
        assertTrue(port(m, "passthrough-http").isCatalogDefault());
        assertNull(port(m, "passthrough-https").bindAddress());
    }

    /** The ports of the corpus Stream Processor, each with its bind address. */
    private static List<String> sp(Path home) {
        Catalog catalog = Catalog.builtIn();
        Distribution d = LayoutDetector.detect(new FolderSource(home, ""));
        ProductDetector.Detected product = ProductDetector.detect(d.source(), catalog, null);
        List<String> out = new ArrayList<>();
        for (ProductRuntime r : d.runtimes()) {
            for (PortUse p : RuntimeReader.read(d, r, product, catalog).ports()) {
                if (p.entry().id().startsWith("c5-")) {
                    out.add(r.name() + " " + p.entry().id() + " " + p.base() + " " + p.bindAddress());
                }
            }
        }
        return out;
    }

    @Test
    void theCorpusStreamProcessorBindsEveryAddressAsShipped() throws IOException {
        // every listenerConfigurations entry of the four deployment.yaml files says host: "0.0.0.0"
        Path shipped = Corpus.files().resolve("wso2sp-4.4.0");
        List<String> ports = sp(shipped);
        assertTrue(ports.contains("worker c5-https 9443 null"), ports.toString());
        assertTrue(ports.stream().allMatch(p -> p.endsWith(" null")), ports.toString());
        // the same files with the worker's HTTP listener bound to one address
        Path copy = Corpus.copy("wso2sp-4.4.0", temp);
        Path yaml = copy.resolve("conf/worker/deployment.yaml");
        List<String> lines = new ArrayList<>(Files.readAllLines(yaml));
        assertEquals("      port: 9090", lines.get(45), "conf/worker/deployment.yaml:46 (corpus-expected-ports.txt)");
        assertEquals("      host: \"0.0.0.0\"", lines.get(44));
        lines.set(44, "      host: \"10.1.2.3\"");
        Files.write(yaml, lines);
        List<String> bound = sp(copy);
        assertTrue(bound.contains("worker c5-http 9090 10.1.2.3"), bound.toString());
        assertTrue(bound.contains("worker c5-https 9443 null"), bound.toString());
    }
}
