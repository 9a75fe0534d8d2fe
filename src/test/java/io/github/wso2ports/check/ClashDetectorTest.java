package io.github.wso2ports.check;

import io.github.wso2ports.testing.Instances;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClashDetectorTest {

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(f -> f.severity() + " " + f.describe()).toList();
    }

    @Test
    void sameEffectivePortOnOneHostIsAClashNamingBothOwners() {
        List<Finding> f = ClashDetector.detect(List.of(
                Instances.instance("a", "app1", 0, null, "servlet-https", 9443, 95),
                Instances.instance("b", "app1", 1, null, "servlet-https", 9442, 12)), List.of(), ClashDetector.Options.defaults());
        assertEquals(List.of("ERROR app1 tcp/9443 clash: a (HTTPS servlet transport (management console), a/conf/x.xml:95)"
                + " <-> b (HTTPS servlet transport (management console), b/conf/x.xml:12)"), lines(f));
    }

    @Test
    void differentHostsOrProtocolsDoNotClash() {
        assertEquals(List.of(), ClashDetector.detect(List.of(
                Instances.instance("a", "app1", 0, null, "servlet-https", 9443, 1),
                Instances.instance("b", "app2", 0, null, "servlet-https", 9443, 1),
                Instances.instance("c", "app1", 0, null, "embedded-kdc", 9443, 1)), List.of(), ClashDetector.Options.defaults()));
    }

    @Test
    void offsetRulesDecideTheEffectivePort() {
        // fixed ports ignore the offset; template ports move with it
        List<Finding> f = ClashDetector.detect(List.of(
                Instances.instance("a", "h", 5, null, "hazelcast-member", 4000, 1),
                Instances.instance("b", "h", 9, null, "hazelcast-member", 4000, 2),
                Instances.instance("c", "h", 1, null, "jmx-rmi-registry", 9999, 3),
                Instances.instance("d", "h", 0, null, "jmx-rmi-registry", 10000, 4)), List.of(), ClashDetector.Options.defaults())
                .stream().filter(x -> x.kind() == FindingKind.CLASH).toList();
        assertEquals(2, f.size(), lines(f).toString());
        assertTrue(f.get(0).describe().startsWith("h tcp/4000 clash: a "), f.get(0).describe());
        assertTrue(f.get(0).message().contains("silently takes the next free port"));
        assertTrue(f.get(1).describe().startsWith("h tcp/10000 clash: c "), f.get(1).describe());
    }

    @Test
    void listenersBoundToDifferentAddressesDoNotClash() {
        List<Finding> f = ClashDetector.detect(List.of(
                Instances.bound(Instances.instance("a", "app1", 0, null, "servlet-https", 9443, 54), "10.0.0.1"),
                Instances.bound(Instances.instance("b", "app1", 0, null, "servlet-https", 9443, 55), "10.0.0.2")),
                List.of(), ClashDetector.Options.defaults());
        assertEquals(List.of(), f);
    }

    @Test
    void aListenerBoundToEveryAddressClashesWithOneBoundToAnAddress() {
        List<Finding> f = ClashDetector.detect(List.of(
                Instances.bound(Instances.instance("a", "app1", 0, null, "servlet-https", 9443, 54), "10.0.0.1"),
                Instances.bound(Instances.instance("b", "app1", 0, null, "servlet-https", 9443, 55), "10.0.0.2"),
                Instances.instance("c", "app1", 0, null, "servlet-https", 9443, 56)),
                List.of(), ClashDetector.Options.defaults());
        assertEquals(List.of("ERROR app1 tcp/9443 clash: a (HTTPS servlet transport (management console), bound to "
                + "10.0.0.1, a/conf/x.xml:54) <-> b (HTTPS servlet transport (management console), bound to 10.0.0.2, "
                + "b/conf/x.xml:55) <-> c (HTTPS servlet transport (management console), c/conf/x.xml:56): a listener "
                + "bound to every address (no address, 0.0.0.0, ::) takes the port on the addresses of the others too; "
                + "bind each to its own address"), lines(f));
    }

    @Test
    void listenersBoundToTheSameAddressClashAndOnlyThey() {
        List<Finding> f = ClashDetector.detect(List.of(
                Instances.bound(Instances.instance("a", "app1", 0, null, "servlet-https", 9443, 54), "10.0.0.1"),
                Instances.bound(Instances.instance("b", "app1", 0, null, "servlet-https", 9443, 55), "10.0.0.1"),
                Instances.bound(Instances.instance("c", "app1", 0, null, "servlet-https", 9443, 56), "10.0.0.2")),
                List.of(), ClashDetector.Options.defaults());
        assertEquals(List.of("ERROR app1 tcp/9443 clash: a (HTTPS servlet transport (management console), bound to "
                + "10.0.0.1, a/conf/x.xml:54) <-> b (HTTPS servlet transport (management console), bound to 10.0.0.1, "
                + "b/conf/x.xml:55)"), lines(f));
    }

    @Test
    void aReservationCoversEveryAddress() {
        List<Finding> f = ClashDetector.detect(List.of(
                Instances.bound(Instances.instance("a", "app1", 0, null, "servlet-https", 9443, 54), "10.0.0.1")),
                List.of(ReservedPort.of("9443", null, null, "load balancer", "pom.xml <reservedPorts>", null)),
                ClashDetector.Options.defaults());
        assertEquals(List.of("ERROR app1 tcp/9443 reserved: a (HTTPS servlet transport (management console), bound to "
                + "10.0.0.1, a/conf/x.xml:54) <-> reserved: load balancer (pom.xml <reservedPorts>)"), lines(f));
    }

    @Test
    void oneInstanceListeningTwiceOnAPortIsAClash() {
        List<Finding> f = ClashDetector.detect(List.of(Instances.instance("a", "h", 0, null,
                "databridge-thrift", 7611, 10, "broker-thrift", 7611, 20)), List.of(), ClashDetector.Options.defaults());
        assertEquals(1, f.size());
        assertEquals(2, f.get(0).owners().size());
    }

    @Test
    void reservedPortsMatchByHostProtocolAndRange() {
        List<ReservedPort> reserved = List.of(
                ReservedPort.of("5432", null, null, "PostgreSQL", "pom.xml <reservedPorts>", null),
                ReservedPort.of("9440-9450", "tcp", "app2", "load balancer", "reserved-ports.txt:3", null),
                ReservedPort.of("9443", "udp", null, "udp only", "pom.xml <reservedPorts>", null));
        List<Finding> f = ClashDetector.detect(List.of(
                Instances.instance("a", "app1", 0, null, "servlet-https", 9443, 1, "servlet-http", 5432, 2),
                Instances.instance("b", "app2", 0, null, "servlet-https", 9443, 1)), reserved, ClashDetector.Options.defaults());
        assertEquals(List.of(
                "ERROR app1 tcp/5432 reserved: a (HTTP servlet transport, a/conf/x.xml:2) <-> reserved: PostgreSQL "
                        + "(pom.xml <reservedPorts>)",
                "ERROR app2 tcp/9443 reserved: b (HTTPS servlet transport (management console), b/conf/x.xml:1) <-> "
                        + "reserved: load balancer (reserved-ports.txt:3)"), lines(f));
    }

    @Test
    void plannedOffsetsTheFilesDoNotHaveFailWithTheFix() {
        List<Finding> f = ClashDetector.detect(List.of(Instances.instance("is", "h", 0, 1)), List.of(),
                ClashDetector.Options.defaults());
        assertEquals(List.of("ERROR h offset: is (port offset, is/repository/conf/carbon.xml:1): planned at offset 1, "
                + "but the files say 0; fix: mvn wso2-ports:apply -Dwso2-ports.instance=is"), lines(f));
        assertEquals(List.of(), ClashDetector.detect(List.of(Instances.instance("is", "h", 1, 1)), List.of(),
                ClashDetector.Options.defaults()));
    }

    @Test
    void rangePrivilegedAndEphemeralPorts() {
        List<Finding> f = ClashDetector.detect(List.of(Instances.instance("a", "h", 60000, null,
                "jmx-rmi-server", 11111, 1, "servlet-http", 0, 2, "servlet-https", 443, 3)), List.of(),
                new ClashDetector.Options(32768, 60999, Map.of()));
        assertEquals(List.of(
                "ERROR h tcp/71111 range: a (JMX RMI server, a/conf/x.xml:1): offset 60000 moves 11111 outside 1..65535",
                "WARNING h tcp/60000 ephemeral: a (HTTP servlet transport, a/conf/x.xml:2): in the ephemeral range "
                        + "32768-60999, where any outgoing connection may take it first",
                "WARNING h tcp/60443 ephemeral: a (HTTPS servlet transport (management console), a/conf/x.xml:3): in the "
                        + "ephemeral range 32768-60999, where any outgoing connection may take it first"), lines(f));
        List<Finding> low = ClashDetector.detect(List.of(Instances.instance("a", "h", 3, null, "servlet-https", 440, 1)),
                List.of(), ClashDetector.Options.defaults());
        assertEquals("WARNING h tcp/443 privileged: a (HTTPS servlet transport (management console), a/conf/x.xml:1): "
                + "below 1024: binding it needs root", lines(low).get(0));
    }

    @Test
    void severitiesCanBeChangedOrIgnored() {
        List<RuntimeInstance> two = List.of(Instances.instance("a", "h", 0, null, "servlet-https", 9443, 1),
                Instances.instance("b", "h", 0, null, "servlet-https", 9443, 1, "servlet-http", 50000, 2));
        List<Finding> f = ClashDetector.detect(two, List.of(), new ClashDetector.Options(32768, 60999,
                Map.of(FindingKind.CLASH, Severity.WARNING, FindingKind.EPHEMERAL, Severity.IGNORE)));
        assertEquals(1, f.size());
        assertEquals(Severity.WARNING, f.get(0).severity());
    }

    @Test
    void outboundAndRandomPortsNeverClash() {
        assertEquals(List.of(), ClashDetector.detect(List.of(
                Instances.instance("a", "h", 0, null, "fcm", 5228, 1, "jmx-local-agent", 0, 2),
                Instances.instance("b", "h", 0, null, "fcm", 5228, 1, "jmx-local-agent", 0, 2)), List.of(),
                ClashDetector.Options.defaults()));
    }

    @Test
    void outputIsSortedAndStable() {
        List<RuntimeInstance> estate = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            estate.add(Instances.instance("i" + (char) ('a' + i % 26) + i, "h" + (i % 3), i % 4, null, "servlet-https", 9443, 1,
                    "servlet-http", 9763, 2));
        }
        List<Finding> first = ClashDetector.detect(estate, List.of(), ClashDetector.Options.defaults());
        java.util.Collections.reverse(estate);
        List<Finding> second = ClashDetector.detect(estate, List.of(), ClashDetector.Options.defaults());
        assertEquals(lines(first), lines(second));
        assertEquals(24, first.size());
    }
}
