package io.github.wso2ports.check;

import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.Samples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Ports that stay put although the offset is not 0 (port-truth.md, rule T and the fixed ports). */
class UnshiftedPortsTest {

    @TempDir
    Path temp;

    private List<String> findings(Dist d) {
        EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec("am", d.home(), "am", "h", null,
                null, null, "apply")), Catalog.builtIn());
        assertEquals(List.of(), r.errors());
        return ClashDetector.detect(r.instances(), List.of(), ClashDetector.Options.defaults()).stream()
                .filter(f -> f.kind() == FindingKind.UNSHIFTED).map(f -> f.severity() + " " + f.describe()).toList();
    }

    @Test
    void aLiteralInJmxXmlStaysPutAndIsAWarning() {
        Dist d = Dist.at(temp.resolve("wso2am-2.6.0")).file("repository/conf/carbon.xml", Samples.carbonXml(2))
                .file("repository/conf/etc/jmx.xml", """
                        <JMX xmlns="http://wso2.org/projects/carbon/jmx.xml">
                            <StartRMIServer>true</StartRMIServer>
                            <RMIRegistryPort>9999</RMIRegistryPort>
                            <RMIServerPort>${Ports.JMX.RMIServerPort}</RMIServerPort>
                        </JMX>
                        """);
        assertEquals(List.of("WARNING h tcp/9999 unshifted: am (JMX RMI registry, am/repository/conf/etc/jmx.xml:3): "
                + "stays at 9999 although the offset is 2: etc/jmx.xml holds a literal number where "
                + "${Ports.JMX.RMIRegistryPort} would move it with the offset"), findings(d));
    }

    @Test
    void theReferenceInJmxXmlMovesWithTheOffset() {
        Dist d = Dist.at(temp.resolve("wso2am-2.6.0")).file("repository/conf/carbon.xml", Samples.carbonXml(2))
                .file("repository/conf/etc/jmx.xml", """
                        <JMX xmlns="http://wso2.org/projects/carbon/jmx.xml">
                            <StartRMIServer>true</StartRMIServer>
                            <RMIRegistryPort>${Ports.JMX.RMIRegistryPort}</RMIRegistryPort>
                        </JMX>
                        """);
        assertEquals(List.of(), findings(d));
    }

    @Test
    void anUncommentedThriftServerPortStaysPut() {
        Dist d = Dist.at(temp.resolve("wso2am-1.9.0")).file("repository/conf/carbon.xml", Samples.carbonXml(1))
                .file("repository/conf/api-manager.xml", """
                        <APIManager>
                            <APIKeyValidator>
                                <ThriftServerPort>10397</ThriftServerPort>
                                <EnableThriftServer>true</EnableThriftServer>
                            </APIKeyValidator>
                        </APIManager>
                        """);
        assertEquals(List.of("WARNING h tcp/10397 unshifted: am (Thrift key-validation server, "
                + "am/repository/conf/api-manager.xml:3): stays at 10397 although the offset is 1: an uncommented "
                + "ThriftServerPort is used as written; left commented out, 10397 moves with the offset (API Manager "
                + "2.0+)"), findings(d));
    }

    @Test
    void portsFixedByDesignAreInfo() {
        Dist d = Dist.at(temp.resolve("wso2sp-4.4.0")).file("conf/worker/deployment.yaml", """
                wso2.carbon:
                  ports:
                    offset: 1
                wso2.transport.http:
                  listenerConfigurations:
                    - id: "default"
                      port: 9090
                """);
        assertEquals(List.of("INFO h tcp/9090 unshifted: am (HTTP listener (Carbon 5), am/conf/worker/deployment.yaml:7): "
                + "stays at 9090 although the offset is 1: before msf4j 2.7.5 (Stream Processor 4.x, EI 6.x and "
                + "Identity Server analytics, API Manager Analytics 3.0.0, Streaming Integrator 1.0.0), "
                + "wso2.carbon.ports.offset does not move Carbon 5 HTTP listeners (wso2/product-sp#786)"), findings(d));
    }

    @Test
    void carbon5ListenersMoveFromMsf4j275() {
        // API Manager Analytics 3.2.0 (msf4j 2.7.7): the worker's 9090 listens on 9091 at its offset 1
        Dist d = Dist.at(temp.resolve("wso2am-analytics-3.2.0")).file("conf/worker/deployment.yaml", """
                wso2.carbon:
                  ports:
                    offset: 1
                wso2.transport.http:
                  listenerConfigurations:
                    - id: "default"
                      port: 9090
                """);
        assertEquals(List.of(), findings(d));
    }
}
