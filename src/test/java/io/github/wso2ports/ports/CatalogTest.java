package io.github.wso2ports.ports;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogTest {

    private final Map<String, CatalogEntry> byId = Catalog.builtIn().entries().stream()
            .collect(Collectors.toMap(CatalogEntry::id, Function.identity()));

    @Test
    void jmxPortsFollowTheFilesNotTheSeed() {
        assertEquals(9999, byId.get("jmx-rmi-registry").port());
        assertEquals(11111, byId.get("jmx-rmi-server").port());
        assertTrue(byId.get("jmx-rmi-registry").correction().contains("swaps") || byId.get("jmx-rmi-registry")
                .correction().contains("reverse"));
        assertEquals(OffsetRule.TEMPLATE, byId.get("jmx-rmi-server").rule());
    }

    @Test
    void mqttSslIs8883AndTheHazelcastPortDoesNotMove() {
        assertEquals(8883, byId.get("mqtt-ssl").port());
        assertTrue(byId.get("mqtt-ssl").correction().contains("8833"));
        assertEquals(OffsetRule.FIXED, byId.get("hazelcast-member").rule());
    }

    @Test
    void brokenCatalogsAreRejected() {
        assertThrows(IllegalStateException.class, () -> Catalog.parse("[[port]]\nid = \"a\"\nport = 70000\n"));
        assertThrows(IllegalStateException.class, () -> Catalog.parse("[[port]]\nid = \"a\"\nport = 1\npurpose = \"p\"\n"
                + "rule = \"offset\"\nsource = \"s\"\n[[port]]\nid = \"a\"\nport = 2\npurpose = \"p\"\nrule = \"offset\"\n"
                + "source = \"s\"\n"));
        assertThrows(IllegalArgumentException.class, () -> Catalog.parse("[[port]]\nid = \"a\"\nport = 1\n"
                + "purpose = \"p\"\nrule = \"sometimes\"\nsource = \"s\"\n"));
    }
}
