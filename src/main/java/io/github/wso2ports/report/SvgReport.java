package io.github.wso2ports.report;

import io.github.wso2ports.check.CheckResult;
import io.github.wso2ports.check.Finding;
import io.github.wso2ports.check.FindingKind;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code ports.svg}: each host's port axis, one column per port in use on it (sorted), one row per instance, a dot
 * where an instance listens; a port two instances share, or one that clashes with a reservation, is marked red. Each
 * dot says in its title what listens there. Deterministic: the same estate gives the same bytes.
 */
final class SvgReport {

    private static final String SVG = "http://www.w3.org/2000/svg";
    private static final int COLUMN = 18;
    private static final int ROW = 22;
    private static final int HEADER = 64;
    private static final int CHAR = 7;

    private SvgReport() {
    }

    static void write(CheckResult result, Writer out) throws IOException {
        List<PortRow> rows = PortRow.of(result).stream().filter(r -> !r.outbound()).toList();
        // a host's ports and instances, and the ports a clash or a reservation marks
        Map<String, TreeSet<Long>> ports = new TreeMap<>();
        Map<String, TreeSet<String>> instances = new TreeMap<>();
        Map<String, List<PortRow>> byHost = new TreeMap<>();
        for (String host : result.hosts()) {
            ports.put(host, new TreeSet<>());
            instances.put(host, new TreeSet<>());
            byHost.put(host, new ArrayList<>());
        }
        for (PortRow r : rows) {
            ports.get(r.host()).add(r.port());
            instances.get(r.host()).add(r.instance());
            byHost.get(r.host()).add(r);
        }
        result.instances().forEach(i -> instances.get(i.host()).add(i.id()));
        Set<String> marked = new HashSet<>();
        for (Finding f : result.findings()) {
            if (!f.isSuppressed() && f.port() != 0 && (f.kind() == FindingKind.CLASH || f.kind() == FindingKind.RESERVED)) {
                marked.add(f.host() + " " + f.port());
            }
        }
        int labelWidth = 20 + CHAR * instances.values().stream().flatMap(Set::stream).mapToInt(String::length).max()
                .orElse(8);
        int width = labelWidth + COLUMN * Math.max(1, ports.values().stream().mapToInt(Set::size).max().orElse(1)) + 20;
        int height = 30;
        for (String host : result.hosts()) {
            height += 30 + HEADER + ROW * Math.max(1, instances.get(host).size()) + 20;
        }
        try {
            XMLStreamWriter x = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("svg");
            x.writeDefaultNamespace(SVG);
            x.writeAttribute("width", String.valueOf(width));
            x.writeAttribute("height", String.valueOf(height));
            x.writeAttribute("viewBox", "0 0 " + width + " " + height);
            x.writeAttribute("font-family", "sans-serif");
            x.writeAttribute("font-size", "12");
            element(x, "title", "WSO2 ports: " + result.summary("").substring(2));
            text(x, 10, 20, "WSO2 ports, a column per port, a row per instance; red: a port in a clash", "bold", null);
            int y = 30;
            for (String host : result.hosts()) {
                y = host(x, host, new ArrayList<>(ports.get(host)), new ArrayList<>(instances.get(host)),
                        byHost.get(host), marked, labelWidth, y);
            }
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndDocument();
            x.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write ports.svg: " + e.getMessage(), e);
        }
    }

    /** One host's panel: its name, the port labels, a row per instance, a dot per port it listens on. */
    private static int host(XMLStreamWriter x, String host, List<Long> ports, List<String> instances,
            List<PortRow> rows, Set<String> marked, int left, int top) throws XMLStreamException {
        int y = top + 20;
        text(x, 10, y, "Host " + host, "bold", null);
        int gridTop = y + HEADER;
        x.writeStartElement("g");
        x.writeAttribute("class", "host");
        // the column of a marked port, shaded across the rows
        for (int c = 0; c < ports.size(); c++) {
            int cx = left + c * COLUMN;
            boolean red = marked.contains(host + " " + ports.get(c));
            if (red) {
                rect(x, cx, gridTop - 4, COLUMN, ROW * instances.size() + 4, "#fde0e0");
            }
            // the port number, turned to fit the column
            int lx = cx + COLUMN / 2 + 4;
            int ly = gridTop - 8;
            x.writeStartElement("text");
            x.writeAttribute("x", String.valueOf(lx));
            x.writeAttribute("y", String.valueOf(ly));
            x.writeAttribute("transform", "rotate(-60 " + lx + " " + ly + ")");
            if (red) {
                x.writeAttribute("fill", "#c00000");
                x.writeAttribute("font-weight", "bold");
            }
            x.writeCharacters(String.valueOf(ports.get(c)));
            x.writeEndElement();
        }
        for (int r = 0; r < instances.size(); r++) {
            int ry = gridTop + r * ROW;
            line(x, left - 4, ry + ROW / 2, left + COLUMN * ports.size(), ry + ROW / 2, "#dddddd");
            text(x, 10, ry + ROW / 2 + 4, instances.get(r), null, null);
        }
        for (PortRow p : rows) {
            int c = ports.indexOf(p.port());
            int r = instances.indexOf(p.instance());
            boolean red = marked.contains(host + " " + p.port());
            x.writeStartElement("circle");
            x.writeAttribute("cx", String.valueOf(left + c * COLUMN + COLUMN / 2));
            x.writeAttribute("cy", String.valueOf(gridTop + r * ROW + ROW / 2));
            x.writeAttribute("r", "5");
            x.writeAttribute("fill", red ? "#c00000" : "#2b6cb0");
            element(x, "title", p.instance() + ": " + p.protocol() + "/" + p.port() + " " + p.purpose()
                    + (red ? " (clash)" : ""));
            x.writeEndElement();
        }
        x.writeEndElement();
        return gridTop + ROW * Math.max(1, instances.size()) + 20;
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static void text(XMLStreamWriter x, int px, int py, String s, String weight, String fill)
            throws XMLStreamException {
        x.writeStartElement("text");
        x.writeAttribute("x", String.valueOf(px));
        x.writeAttribute("y", String.valueOf(py));
        if (weight != null) {
            x.writeAttribute("font-weight", weight);
        }
        if (fill != null) {
            x.writeAttribute("fill", fill);
        }
        x.writeCharacters(s);
        x.writeEndElement();
    }

    private static void rect(XMLStreamWriter x, int px, int py, int w, int h, String fill) throws XMLStreamException {
        empty(x, "rect", "x", px, "y", py, "width", w, "height", h, "fill", fill);
    }

    private static void line(XMLStreamWriter x, int x1, int y1, int x2, int y2, String stroke) throws XMLStreamException {
        empty(x, "line", "x1", x1, "y1", y1, "x2", x2, "y2", y2, "stroke", stroke);
    }

    /** An empty element with its attributes, given as name, value, name, value... */
    private static void empty(XMLStreamWriter x, String element, Object... attributes) throws XMLStreamException {
        x.writeEmptyElement(element);
        for (int i = 0; i < attributes.length; i += 2) {
            x.writeAttribute((String) attributes[i], String.valueOf(attributes[i + 1]));
        }
    }
}
