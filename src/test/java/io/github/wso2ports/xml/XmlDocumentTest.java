package io.github.wso2ports.xml;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.config.CarbonXml;
import io.github.wso2ports.rewrite.XmlValueSplicer;

import org.dom4j.Attribute;
import org.dom4j.Element;
import org.dom4j.Node;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XmlDocumentTest {

    private static XmlDocument parse(String xml) {
        return XmlDocument.parse(Location.of("t.xml"), xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void elementsAndAttributesKnowTheirLines() {
        XmlDocument doc = parse("""
                <?xml version="1.0"?>
                <!-- <Connector port="1"/> is not an element -->
                <Server>
                  <![CDATA[ <Connector port="2"/> ]]>
                  <?pi <Connector port="3"/> ?>
                  <Connector a=">" b='x > y'
                             port="9443"/>
                </Server>
                """);
        List<Node> ports = doc.select("//Connector/@port", Map.of());
        assertEquals(1, ports.size());
        assertEquals(7, doc.line(ports.get(0)));
        assertEquals(6, doc.line(ports.get(0).getParent()));
        int[] span = doc.valueSpan((Attribute) ports.get(0));
        assertEquals("9443", doc.file().text().substring(span[0], span[1]));
    }

    @Test
    void aDoctypeIsRefusedBeforeAnyEntityIsResolved() {
        Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> parse(
                "<!DOCTYPE a SYSTEM \"http://127.0.0.1:1/x.dtd\"><a/>"));
        assertTrue(e.getMessage().contains("DOCTYPE declaration, which is refused"), e.getMessage());
        assertThrows(Wso2PortsException.class, () -> parse(
                "<!DOCTYPE a [<!ENTITY l \"lol\"><!ENTITY l2 \"&l;&l;&l;\">]><a>&l2;</a>"));
    }

    @Test
    void malformedXmlNamesItsLine() {
        Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> parse("<a>\n<b>\n</a>"));
        assertEquals(3, e.location().line());
        assertTrue(e.getMessage().startsWith("malformed XML: "), e.getMessage());
    }

    @Test
    void theSplicerReplacesTheValueAloneInAUtf16File() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<Server xmlns=\"" + CarbonXml.NAMESPACE
                + "\"><Ports><Offset>0</Offset></Ports></Server>\n";
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_16);
        XmlDocument doc = XmlDocument.parse(Location.of("carbon.xml"), bytes);
        Element offset = CarbonXml.offset(doc).element();
        byte[] after = XmlValueSplicer.replaceText(doc, offset, "12", "<Offset>").file().bytes();
        assertEquals(xml.replace(">0<", ">12<"), new String(after, StandardCharsets.UTF_16));
        assertEquals(bytes[0], after[0]);
        assertEquals(bytes[1], after[1]);
    }
}
