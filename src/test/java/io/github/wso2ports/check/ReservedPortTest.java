package io.github.wso2ports.check;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.text.TextFile;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReservedPortTest {

    @Test
    void theFileFormat() {
        String text = """
                # shared reservations
                5432 PostgreSQL
                32768-60999 host=app1 ephemeral range
                161/udp SNMP

                8021   host=mac-build   macOS daemon  # keeps the rest of the line
                """;
        List<ReservedPort> r = ReservedPort.parseFile(TextFile.utf8(Location.of("reserved-ports.txt"),
                text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(4, r.size());
        assertEquals(new ReservedPort(5432, 5432, "tcp", null, "PostgreSQL", "reserved-ports.txt:2",
                Location.of("reserved-ports.txt").atLine(2)), r.get(0));
        assertEquals("32768-60999", r.get(1).ports());
        assertEquals("app1", r.get(1).host());
        assertEquals("udp", r.get(2).protocol());
        assertEquals("macOS daemon  # keeps the rest of the line", r.get(3).reason());
        assertTrue(r.get(1).covers("app1", "tcp", 40000));
        assertTrue(!r.get(1).covers("app2", "tcp", 40000));
    }

    @Test
    void badLinesAndRangesNameTheirLine() {
        Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> ReservedPort.parseFile(TextFile.utf8(
                Location.of("r.txt"), "5432 ok\nport 80 web\n".getBytes(StandardCharsets.UTF_8))));
        assertEquals("r.txt:2", e.location().toString());
        e = assertThrows(Wso2PortsException.class, () -> ReservedPort.of("60999-32768", null, null, "x", "pom.xml", null));
        assertTrue(e.describe().contains("runs backwards. Write the lower port first: 32768-60999"), e.describe());
        assertThrows(Wso2PortsException.class, () -> ReservedPort.of("70000", null, null, "x", "pom.xml", null));
        assertThrows(Wso2PortsException.class, () -> ReservedPort.of("80", "sctp", null, "x", "pom.xml", null));
        assertThrows(Wso2PortsException.class, () -> ReservedPort.of(" ", null, null, "x", "pom.xml", null));
        assertNull(ReservedPort.of("80", null, " ", null, "pom.xml", null).host());
    }

    @Test
    void aReservedProductReservesItsCatalogPortsAtItsOffset() {
        List<ReservedPort> r = ReservedProducts.ports(Catalog.builtIn(), "wso2am-analytics-3.2.0", "worker", null, "app1",
                "pom.xml <reservedProducts>");
        List<Integer> ports = r.stream().map(ReservedPort::from).sorted().toList();
        // the yaml's 9090/9443 plus the offset 1 (msf4j 2.7.7); the Siddhi store API and the gRPC receiver stay put
        assertEquals(List.of(7071, 7444, 7612, 7712, 9091, 9444, 9612, 9712, 9806), ports);
        assertTrue(r.get(0).reason().startsWith("API Manager Analytics worker at offset 1, "), r.get(0).reason());
        List<ReservedPort> moved = ReservedProducts.ports(Catalog.builtIn(), "wso2am-analytics-3.2.0", "worker", 5,
                null, "pom.xml");
        assertTrue(moved.stream().anyMatch(p -> p.from() == 7616), moved.toString());
        assertTrue(moved.stream().anyMatch(p -> p.from() == 9448), "3.2.0's HTTPS listener moves with the offset");
        assertTrue(moved.stream().anyMatch(p -> p.from() == 7444), "its Siddhi store API does not");
        List<ReservedPort> older = ReservedProducts.ports(Catalog.builtIn(), "wso2am-analytics-3.0.0", "worker", 5,
                null, "pom.xml");
        assertTrue(older.stream().anyMatch(p -> p.from() == 9444), "3.0.0's (msf4j 2.7.3) does not move");
    }

    @Test
    void reservedProductsNeedAKnownProductAndRuntime() {
        Catalog c = Catalog.builtIn();
        assertThrows(Wso2PortsException.class, () -> ReservedProducts.ports(c, "wso2nope", null, null, null, "pom"));
        assertThrows(Wso2PortsException.class, () -> ReservedProducts.ports(c, "wso2ei", "nope", null, null, "pom"));
        Wso2PortsException e = assertThrows(Wso2PortsException.class,
                () -> ReservedProducts.ports(c, "wso2ei", null, 3, null, "pom"));
        assertTrue(e.describe().contains("needs a <runtime>"), e.describe());
        List<ReservedPort> ei = ReservedProducts.ports(c, "wso2ei-6.6.0", null, null, null, "pom");
        assertTrue(ei.stream().anyMatch(p -> p.from() == 9446 && p.reason().contains("broker at offset 3")), ei.toString());
        // 6.6 runs no Carbon 4 analytics, no MSF4J, no micro-integrator; its worker's binary receiver binds 9612
        assertTrue(ei.stream().noneMatch(p -> p.from() == 9090 || p.from() == 8290
                || p.reason().startsWith("Enterprise Integrator analytics at")), ei.toString());
        assertTrue(ei.stream().anyMatch(p -> p.from() == 9612 && p.reason().contains("analytics/worker")), ei.toString());
        List<ReservedPort> mi = ReservedProducts.ports(c, "wso2mi", null, null, null, "pom");
        assertEquals(List.of(8253, 8290, 9164, 9201), mi.stream().map(ReservedPort::from).sorted().toList());
    }
}
