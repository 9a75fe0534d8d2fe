package io.github.wso2ports.config;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.xml.XmlDocument;

import org.dom4j.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Carbon 4 {@code carbon.xml}. The port offset is {@code Server/Ports/Offset}, read by local names as Carbon reads it;
 * every port under {@code Ports} (JMX, embedded LDAP, ...) moves with it.
 */
public final class CarbonXml {

    public static final String NAMESPACE = "http://wso2.org/projects/carbon/carbon.xml";

    /** Prefixes the XPath expressions of this project may use. */
    public static final Map<String, String> PREFIXES = Map.of("c", NAMESPACE);

    /** The Offset element, its text as written and its value. */
    public record Offset(Element element, String raw, int value, Location location) {
    }

    private CarbonXml() {
    }

    /**
     * Reads the offset as Carbon's ServerConfiguration does: it keys elements by their local names, whatever their
     * namespace or prefix, and {@code getFirstProperty("Ports.Offset")} is the first {@code Server/Ports/Offset} whose
     * text is not blank (a blank one is no property at all). A {@code <Ports xmlns="urn:other"><Offset>9</Offset>} or an
     * {@code <x:Offset>} before the real element is the one WSO2 reads, so it is the one read (and edited) here.
     */
    public static Offset offset(XmlDocument doc) {
        Element root = doc.document().getRootElement();
        checkSystemProperties(doc);
        if (!"Server".equals(root.getName())) {
            throw new Wso2PortsException(doc.location(root), "not a carbon.xml: the root element is <"
                    + root.getQualifiedName() + ">, not <Server xmlns=\"" + NAMESPACE + "\">",
                    "Point at the distribution's own carbon.xml");
        }
        List<Element> ports = root.elements().stream().filter(e -> e.getName().equals("Ports")).toList();
        if (ports.isEmpty()) {
            throw new Wso2PortsException(doc.location(), "carbon.xml has no <Ports> element, so no port offset",
                    "Restore the <Ports> section from the distribution's original carbon.xml (with <Offset>0</Offset>)");
        }
        List<Element> offsets = new ArrayList<>();
        ports.forEach(p -> p.elements().stream().filter(e -> e.getName().equals("Offset")).forEach(offsets::add));
        if (offsets.isEmpty()) {
            throw new Wso2PortsException(doc.location(ports.get(0)), "<Ports> has no <Offset> element",
                    "Add <Offset>0</Offset> as the first element of <Ports> and run again");
        }
        // what ServerConfiguration.elementHasText takes for a value: text that trim() leaves something of
        Element offset = offsets.stream().filter(e -> !e.getText().trim().isEmpty()).findFirst()
                .orElse(offsets.get(0));
        Location where = doc.location(offset);
        if (!offset.elements().isEmpty()) {
            throw new Wso2PortsException(where, "<Offset> contains elements; expected a whole number",
                    "Write it as <Offset>3</Offset>");
        }
        String raw = offset.getText();
        int value = OffsetValue.parse(raw, where, "<Offset>");
        return new Offset(offset, raw, value, where);
    }

    /**
     * ServerConfiguration runs every element's text through replaceSystemProperty, which takes the text between the
     * first {@code ${} and the first '}': a '}' before the {@code ${} makes it throw (substring), and {@code ${}} asks
     * for the empty system property (IllegalArgumentException). Either way the server does not start, whatever the
     * offset says.
     */
    private static void checkSystemProperties(XmlDocument doc) {
        for (Element e : doc.elements()) {
            String text = e.getText();
            int start = text.indexOf("${");
            if (start < 0 || text.trim().isEmpty()) {
                continue;
            }
            int close = text.indexOf('}');
            if (close >= 0 && close <= start + 2) {
                throw new Wso2PortsException(doc.location(e), "<" + e.getName() + "> holds '" + OffsetValue.visible(
                        text.strip()) + "', " + (close < start ? "a '}' before its '${'" : "an empty ${}") + ", on which "
                        + "Carbon's ServerConfiguration fails (replaceSystemProperty), so the server would not start",
                        "Fix the text: ${name} names a system property");
            }
        }
    }
}
