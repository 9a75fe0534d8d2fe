package io.github.wso2ports.check;

import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.Samples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LinkCheckerTest {

    @TempDir
    Path temp;

    private List<RuntimeInstance> read(Object... idDistHost) {
        List<EstateReader.InstanceSpec> specs = new ArrayList<>();
        for (int i = 0; i < idDistHost.length; i += 3) {
            Dist d = (Dist) idDistHost[i + 1];
            specs.add(new EstateReader.InstanceSpec((String) idDistHost[i], d.home(), (String) idDistHost[i],
                    (String) idDistHost[i + 2], null, null, null, "apply"));
        }
        EstateReader.Result r = EstateReader.read(specs, Catalog.builtIn());
        assertEquals(List.of(), r.errors());
        return r.instances();
    }

    private static List<String> links(List<RuntimeInstance> estate, List<ReservedPort> reserved, List<Link> explicit) {
        return ClashDetector.detect(estate, reserved, new ClashDetector.Options(32768, 60999, java.util.Map.of(), explicit))
                .stream().filter(f -> f.kind() == FindingKind.LINK).map(Finding::describe).toList();
    }

    private Dist apim2(String name, int offset, String jndi) {
        return Dist.at(temp.resolve(name + "/wso2am-2.6.0")).file("repository/conf/carbon.xml", Samples.carbonXml(offset))
                .file("repository/conf/jndi.properties", jndi);
    }

    @Test
    void aLiteralJmsUrlThatDidNotFollowTheOffsetIsALink() {
        String jndi = "# sample\nconnectionfactory.TopicConnectionFactory = amqp://admin:admin@clientid/carbon?"
                + "brokerlist='tcp://localhost:5672'\n";
        List<String> f = links(read("apim", apim2("a", 3, jndi), "h"), List.of(), List.of());
        assertEquals(List.of("h tcp/5672 link: apim (JMS connection URL of the embedded broker tcp://localhost:5672, "
                + "apim/repository/conf/jndi.properties:2) <-> apim (AMQP (embedded broker) on 5675, catalog default: no "
                + "apim/repository/conf/broker.xml): points at tcp/5672, where nothing in the estate listens; it should "
                + "point at 5675 (apim)"), f);
        assertEquals(List.of(), links(read("apim", apim2("b", 0, jndi), "h"), List.of(), List.of()));
    }

    @Test
    void aUrlToAnotherInstanceIsFineWhereItsServiceListens() {
        // a gateway at offset 1 that uses the traffic manager's broker at offset 0 on the same host
        String jndi = "connectionfactory.TopicConnectionFactory = amqp://admin:admin@clientid/carbon?"
                + "brokerlist='tcp://localhost:5672'\n";
        List<RuntimeInstance> estate = read("gw", apim2("gw", 1, jndi), "h", "tm", apim2("tm", 0, "x=1\n"), "h");
        assertEquals(List.of(), links(estate, List.of(), List.of()));
    }

    @Test
    void aUrlToAPortWhereAnotherServiceListensSaysWhich() {
        String jndi = "connectionfactory.TopicConnectionFactory = amqp://u:p@c/carbon?brokerlist='tcp://localhost:9443'\n";
        List<String> f = links(read("apim", apim2("c", 0, jndi), "h"), List.of(), List.of());
        assertEquals(1, f.size());
        assertTrue(f.get(0).contains("points at tcp/9443, where apim's HTTPS servlet transport (management console) "
                + "listens; it should point at 5672 (apim)"), f.get(0));
    }

    @Test
    void externalHostsAndReservedPortsAreNotJudged() {
        String jndi = "connectionfactory.TopicConnectionFactory = amqp://u:p@c/carbon?brokerlist='tcp://mq.example:5672'\n";
        assertEquals(List.of(), links(read("apim", apim2("d", 2, jndi), "h"), List.of(), List.of()));
        String local = "connectionfactory.TopicConnectionFactory = amqp://u:p@c/carbon?brokerlist='tcp://localhost:5672'\n";
        assertEquals(List.of(), links(read("apim", apim2("e", 2, local), "h"), List.of(ReservedPort.of("5672", null, null,
                "RabbitMQ", "pom.xml", null)), List.of()));
    }

    @Test
    void anExplicitLinkNamesTheTargetWhateverTheHost() {
        String jndi = "connectionfactory.TopicConnectionFactory = amqp://u:p@c/carbon?brokerlist='tcp://tm.lb:5672'\n";
        List<RuntimeInstance> estate = read("gw", apim2("gw2", 0, jndi), "app1", "tm", apim2("tm2", 4, "x=1\n"), "app2");
        assertEquals(List.of(), links(estate, List.of(), List.of()), "an unknown host is not judged");
        List<String> f = links(estate, List.of(), List.of(new Link("gw", "apim-jms", "tm")));
        assertEquals(1, f.size());
        assertTrue(f.get(0).contains("but tm's AMQP (embedded broker) listens on 5676"), f.get(0));
    }

    private Dist apim4(String name, int offset, String moreToml) {
        return Dist.at(temp.resolve(name + "/wso2am-4.3.0")).file("repository/conf/deployment.toml",
                Samples.deploymentToml("offset = " + offset) + moreToml);
    }

    @Test
    void aUrlAnInstanceAdvertisesAboutItselfMustReachThatInstance() {
        // API Manager 4.3 moved to offset 3 still advertises ws://localhost:9099, where a co-hosted 2.6 listens
        String gateway = "[[apim.gateway.environment]]\nname = \"Default\"\nws_endpoint = \"ws://localhost:9099\"\n";
        List<RuntimeInstance> estate = read("apim43", apim4("ws", 3, gateway), "h",
                "apim26", apim2("ws26", 0, "x=1\n"), "h");
        List<String> f = links(estate, List.of(), List.of());
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).startsWith("h tcp/9099 link: apim43 (WebSocket URL the gateway environment advertises "
                + "ws://localhost:9099, apim43/repository/conf/deployment.toml:11) <-> apim43 (WebSocket gateway "
                + "(inbound endpoint) on 9102, catalog default): "), f.get(0));
        assertTrue(f.get(0).endsWith("points at tcp/9099, where apim26's WebSocket gateway (inbound endpoint) listens, "
                + "not apim43's own deployment's: a URL apim43 advertises about its own deployment must reach it (or a "
                + "gateway of the same release); it should point at 9102 (apim43)"), f.get(0));
        String moved = gateway.replace("9099", "9102");
        assertEquals(List.of(), links(read("apim43", apim4("ws2", 3, moved), "h", "apim26", apim2("ws262", 0, "x=1\n"),
                "h"), List.of(), List.of()));
    }

    @Test
    void aKeyManagerUrlMustReachAKeyManagerNotAnyHttpsPort() {
        String km = "[apim.key_manager]\nservice_url = \"https://localhost:9443/services/\"\n";
        Dist ei = Dist.at(temp.resolve("ei/wso2esb-5.0.0")).file("repository/conf/carbon.xml", Samples.carbonXml(0));
        List<String> f = links(read("apim", apim4("km", 2, km), "h", "esb", ei, "h"), List.of(), List.of());
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).contains("points at tcp/9443, where esb's HTTPS servlet transport (management console) "
                + "listens, but esb is an Enterprise Service Bus, which does not serve a key manager service URL; it "
                + "should point at 9445 (apim)"), f.get(0));
        Dist is = Dist.at(temp.resolve("is/wso2is-7.0.0")).file("repository/conf/deployment.toml",
                Samples.deploymentToml(""));
        assertEquals(List.of(), links(read("apim", apim4("km2", 2, km), "h", "is", is, "h"), List.of(), List.of()),
                "an Identity Server is a key manager");
        assertEquals(1, links(read("apim", apim4("km3", 2, km), "h", "esb", ei, "h"), List.of(),
                List.of(new Link("apim", "apim-key-manager", "esb"))).size(), "an explicit <link> to an ESB is judged too");
    }

    private static List<String> allLinks(List<RuntimeInstance> estate) {
        return ClashDetector.detect(estate, List.of(), ClashDetector.Options.defaults()).stream()
                .filter(f -> f.kind() == FindingKind.LINK).map(f -> f.severity() + " " + f.describe()).toList();
    }

    @Test
    void placeholdersAreResolvedAsWso2ResolvesThem() {
        // as docker-apim and kubernetes-apim write the key manager URL: the instance's own HTTPS port at its offset
        String km = "[apim.key_manager]\nservice_url = \"https://localhost:${mgt.transport.https.port}/services/\"\n";
        assertEquals(List.of(), allLinks(read("apim", apim4("p1", 3, km), "h")), "an all-in-one is its own key manager");
        String ip = km.replace("localhost", "${carbon.local.ip}");
        assertEquals(List.of(), allLinks(read("apim", apim4("p2", 3, ip), "h")));
        // a universal gateway is no key manager: the URL reaches its own HTTPS port, the wrong kind of server
        Dist gw = Dist.at(temp.resolve("p3/wso2am-universal-gw-4.5.0")).file("repository/conf/deployment.toml",
                Samples.deploymentToml("offset = 1") + km);
        List<String> f = allLinks(read("gw", gw, "h"));
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).startsWith("ERROR h tcp/9444 link: gw (key manager service URL "
                + "https://localhost:${mgt.transport.https.port}, gw/repository/conf/deployment.toml:"), f.get(0));
        assertTrue(f.get(0).contains("where gw's HTTPS servlet transport (management console) listens, but gw is an "
                + "API Manager universal gateway, which does not serve a key manager service URL"), f.get(0));
    }

    @Test
    void aPlaceholderOnlyTheRunningServerKnowsIsSaidNotPassed() {
        String env = "[apim.key_manager]\nservice_url = \"https://$env{KM_HOST}:9443/services/\"\n";
        assertEquals(List.of("INFO h link: apim (key manager service URL https://$env{KM_HOST}:9443, "
                + "apim/repository/conf/deployment.toml:10): cannot be checked: $env{KM_HOST} is filled in only at "
                + "start-up (from the environment or what the server knows then)"),
                allLinks(read("apim", apim4("u1", 0, env), "h")));
        String management = "[apim.key_manager]\nservice_url = \"https://localhost:${carbon.management.port}/services/\"\n";
        List<String> f = allLinks(read("apim", apim4("u2", 0, management), "h"));
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).startsWith("INFO ") && f.get(0).endsWith("cannot be checked: ${carbon.management.port} is "
                + "filled in only at start-up (from the environment or what the server knows then)"), f.get(0));
    }

    @Test
    void aControlPlaneAdvertisesItsGatewaysUrls() {
        // helm-apim distributed/control-plane: the gateway environment names the gateway's WebSocket listener, on the
        // same host here (the gateway at offset 1) and on another host
        String gateway = "[[apim.gateway.environment]]\nname = \"Default\"\nws_endpoint = \"ws://localhost:9100\"\n";
        List<RuntimeInstance> oneHost = read("cp", apim4("cp1", 0, gateway), "h", "gw", apim4("gw1", 1, ""), "h");
        assertEquals(List.of(), links(oneHost, List.of(), List.of()));
        String remote = gateway.replace("localhost:9100", "gw:9099");
        List<RuntimeInstance> twoHosts = read("cp", apim4("cp2", 0, remote), "h", "gw", apim4("gw2", 0, ""), "gw");
        assertEquals(List.of(), links(twoHosts, List.of(), List.of()));
        // where nothing of its release listens there, the finding is on the host the URL reaches, with no guess
        List<RuntimeInstance> wrong = read("cp", apim4("cp3", 0, gateway.replace("9100", "9101")), "h",
                "gw", apim4("gw3", 1, ""), "h");
        List<String> f = links(wrong, List.of(), List.of());
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).startsWith("h tcp/9101 link: cp ("), f.get(0));
    }
}
