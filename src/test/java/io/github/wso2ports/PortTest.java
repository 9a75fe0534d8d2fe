package io.github.wso2ports;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortTest {

    @Test
    void theLimits() {
        assertTrue(Port.isValid(1) && Port.isValid(65535));
        assertFalse(Port.isValid(0) || Port.isValid(65536));
        assertTrue(Port.isPrivileged(1023));
        assertFalse(Port.isPrivileged(1024));
        assertEquals(56092, Port.largestOffset(9443));
        assertEquals("1..65535", Port.BOUNDS);
        assertThrows(IllegalArgumentException.class, () -> new Port(0));
    }

    @Test
    void aPortAsAFileWritesIt() {
        assertEquals(new Port(9443), Port.written(" 9443\n"));
        assertNull(Port.written("${http.nio.port}"));
        assertNull(Port.written("0"));
        assertNull(Port.written("70000"));
        assertNull(Port.written("009443"), "more than five digits is no port");
    }

    @Test
    void aPortOrARangeAsAUserWritesIt() {
        assertEquals(new Port.Range(32768, 60999), Port.Range.EPHEMERAL);
        assertEquals("32768-60999", Port.Range.parse(" 32768 - 60999 ", null).toString());
        assertEquals("5432", Port.Range.parse("5432", null).toString());
        assertTrue(Port.Range.EPHEMERAL.contains(40000) && !Port.Range.EPHEMERAL.contains(61000));
        Location pom = Location.of("pom.xml");
        assertEquals("pom.xml: port 'x' is not a number or a range. Write it as 5432 or 32768-60999",
                assertThrows(Wso2PortsException.class, () -> Port.Range.parse("x", pom)).describe());
        assertEquals("pom.xml: port '0-5' is outside 1..65535",
                assertThrows(Wso2PortsException.class, () -> Port.Range.parse("0-5", pom)).describe());
        assertEquals("pom.xml: the port range '9-5' runs backwards. Write the lower port first: 5-9",
                assertThrows(Wso2PortsException.class, () -> Port.Range.parse("9-5", pom)).describe());
    }
}
