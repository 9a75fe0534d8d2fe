package io.github.wso2ports.config;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.xml.XmlDocument;

import org.dom4j.Element;
import org.dom4j.Node;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Carbon 4 {@code carbon.xml}. The port offset is {@code Server/Ports/Offset} in the carbon.xml namespace;
 * every port under {@code Ports} (JMX, embedded LDAP, ...) moves with it.
 */
public final class CarbonXml {

    public static final String NAMESPACE = "http://wso2.org/projects/carbon/carbon.xml";

    /** Prefixes the XPath expressions of this project may use. */
    public static final Map<String, String> PREFIXES = Map.of("c", NAMESPACE);

    private static final String PORTS = "/c:Server/c:Ports";
    private static final String OFFSET = PORTS + "/c:Offset";

    /** The Offset element, its text as written and its value. */
    public record Offset(Element element, String raw, int value, Location location) {
    }

    private CarbonXml() {
    }

    /** Reads and checks the offset; anything but one {@code <Offset>} holding a whole number is refused. */
    public static Offset offset(XmlDocument doc) {
        Element root = doc.document().getRootElement();
        if (!"Server".equals(root.getName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
            throw new Wso2PortsException(doc.location(doc.document().getRootElement()), "not a carbon.xml: the root "
                    + "element is <" + root.getQualifiedName() + "> in namespace '" + root.getNamespaceURI()
                    + "', not <Server xmlns=\"" + NAMESPACE + "\">", "Point at the distribution's own carbon.xml");
        }
        List<Node> ports = doc.select(PORTS, PREFIXES);
        if (ports.isEmpty()) {
            throw new Wso2PortsException(doc.location(), "carbon.xml has no <Ports> element, so no port offset",
                    "Restore the <Ports> section from the distribution's original carbon.xml (with <Offset>0</Offset>)");
        }
        List<Node> offsets = doc.select(OFFSET, PREFIXES);
        if (offsets.isEmpty()) {
            throw new Wso2PortsException(doc.location(ports.get(0)), "<Ports> has no <Offset> element",
                    "Add <Offset>0</Offset> as the first element of <Ports> and run again");
        }
        if (offsets.size() > 1) {
            String lines = offsets.stream().map(n -> String.valueOf(doc.line(n))).collect(Collectors.joining(", "));
            throw new Wso2PortsException(doc.location(offsets.get(1)), "carbon.xml has " + offsets.size()
                    + " <Offset> elements (lines " + lines + "), so which one counts is unclear",
                    "Keep one <Offset> and remove the others");
        }
        Element offset = (Element) offsets.get(0);
        Location where = doc.location(offset);
        if (!offset.elements().isEmpty()) {
            throw new Wso2PortsException(where, "<Offset> contains elements; expected a whole number",
                    "Write it as <Offset>3</Offset>");
        }
        String raw = offset.getText();
        int value = OffsetValue.parse(raw, where, "<Offset>");
        return new Offset(offset, raw, value, where);
    }
}
