package io.github.wso2ports.xml;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.text.TextFile;

import org.dom4j.Attribute;
import org.dom4j.Document;
import org.dom4j.DocumentException;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Node;
import org.dom4j.XPath;
import org.dom4j.io.SAXReader;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed XML config file that knows where each of its elements sits in the raw text: the parsed tree
 * (dom4j, queried with XPath through jaxen) answers "which element", the raw text answers "which line" and
 * "which characters to replace". Parsing never touches the network: DOCTYPE declarations are refused
 * outright, so no DTD, external entity or entity expansion is ever processed.
 */
public final class XmlDocument {

    private final TextFile file;
    private final Document document;
    private final List<Element> elements;
    private final Map<Element, XmlLexer.ElementSpan> spans;

    private XmlDocument(TextFile file, Document document, List<Element> elements,
            Map<Element, XmlLexer.ElementSpan> spans) {
        this.file = file;
        this.document = document;
        this.elements = elements;
        this.spans = spans;
    }

    public static XmlDocument parse(Location location, byte[] bytes) {
        return parse(TextFile.xml(location, bytes));
    }

    public static XmlDocument parse(TextFile file) {
        if (file.text().isBlank()) {
            throw new Wso2PortsException(file.location(), "the file is empty", "Restore it from the distribution");
        }
        Document document = read(file);
        List<XmlLexer.ElementSpan> lexed;
        try {
            lexed = XmlLexer.elements(file.text());
        } catch (RuntimeException e) {
            throw new Wso2PortsException(file.location(), "cannot locate the elements in the raw text (" + e.getMessage()
                    + ")", "Please report this file; nothing was changed");
        }
        List<Element> parsed = new ArrayList<>();
        collect(document.getRootElement(), parsed);
        if (parsed.size() != lexed.size()) {
            throw new Wso2PortsException(file.location(), "the parser sees " + parsed.size() + " elements but the raw text "
                    + lexed.size(), "Please report this file; nothing was changed");
        }
        Map<Element, XmlLexer.ElementSpan> spans = new IdentityHashMap<>();
        for (int i = 0; i < parsed.size(); i++) {
            Element e = parsed.get(i);
            XmlLexer.ElementSpan s = lexed.get(i);
            if (!e.getQualifiedName().equals(s.name)) {
                throw new Wso2PortsException(file.location().atLine(file.lineOf(s.start)), "element " + (i + 1)
                        + " is <" + e.getQualifiedName() + "> to the parser but <" + s.name + "> in the raw text",
                        "Please report this file; nothing was changed");
            }
            spans.put(e, s);
        }
        return new XmlDocument(file, document, parsed, spans);
    }

    /**
     * The JDK's own parser, made safe once: not whichever JAXP implementation a build puts on the class path (so the
     * same features hold everywhere), and without the service lookup {@code SAXParserFactory.newInstance()} repeats
     * through the plugin's class realm for every file.
     */
    private static final SAXParserFactory PARSERS = safeFactory();

    private static SAXParserFactory safeFactory() {
        SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setValidating(false);
        try {
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
        return factory;
    }

    /** How deep elements may nest: far beyond any WSO2 config, far below what recursion over the tree survives. */
    public static final int MAX_DEPTH = 200;

    /** The JDK parser's limit on element depth (jdk.xml.maxElementDepth). */
    private static final String MAX_DEPTH_PROPERTY = "http://www.oracle.com/xml/jaxp/properties/maxElementDepth";

    private static Document read(TextFile file) {
        SAXReader reader;
        try {
            javax.xml.parsers.SAXParser parser = PARSERS.newSAXParser();
            // a WSO2 config nests a dozen levels; 20,000 would overflow the stack of whatever walks the tree
            parser.setProperty(MAX_DEPTH_PROPERTY, String.valueOf(MAX_DEPTH));
            reader = new SAXReader(parser.getXMLReader());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
        // a comment is never a port, and two thirds of a WSO2 config's text are comments: no nodes for them
        reader.setIgnoreComments(true);
        reader.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity " + systemId + " refused");
        });
        reader.setIncludeExternalDTDDeclarations(false);
        reader.setIncludeInternalDTDDeclarations(false);
        reader.setStripWhitespaceText(false);
        reader.setMergeAdjacentText(true);
        try {
            // parse the text we decoded ourselves, so the parser and the lexer see the same characters
            return reader.read(new InputSource(new StringReader(file.text())));
        } catch (DocumentException e) {
            throw parseError(file, e);
        }
    }

    private static Wso2PortsException parseError(TextFile file, DocumentException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        int line = 0;
        String message = cause.getMessage() == null ? e.getMessage() : cause.getMessage();
        if (cause instanceof SAXParseException spe) {
            line = Math.max(0, spe.getLineNumber());
        }
        Location where = file.location().atLine(line);
        if (message != null && (message.contains("maxElementDepth") || message.contains("JAXP00010006"))) {
            return new Wso2PortsException(where, "elements nest deeper than " + MAX_DEPTH + " levels, which no WSO2 config "
                    + "does", "Restore the file from the distribution", e);
        }
        if (message != null && message.contains("DOCTYPE")) {
            return new Wso2PortsException(where, "the file has a DOCTYPE declaration, which is refused: it can load "
                    + "external files or expand entities", "WSO2 configs have none: remove it", e);
        }
        return new Wso2PortsException(where, "malformed XML: " + message,
                "Fix the XML (an unclosed tag, a stray '&' or '<', or a template that was never rendered)", e);
    }

    private static void collect(Element e, List<Element> out) {
        out.add(e);
        for (Element child : e.elements()) {
            collect(child, out);
        }
    }

    public TextFile file() {
        return file;
    }

    /** Every element, in document order. */
    public List<Element> elements() {
        return elements;
    }

    public Location location() {
        return file.location();
    }

    public Document document() {
        return document;
    }

    /** The position of an element in document order, to find the same element in an edited copy. */
    public int indexOf(Element element) {
        span(element);
        for (int i = 0; i < elements.size(); i++) {
            if (elements.get(i) == element) {
                return i;
            }
        }
        throw new IllegalArgumentException(element.getName());
    }

    public Element elementAt(int index) {
        return elements.get(index);
    }

    /** Nodes matching an XPath expression whose prefixes are bound in {@code namespaces}. */
    public List<Node> select(String xpath, Map<String, String> namespaces) {
        return compile(xpath, namespaces).selectNodes(document);
    }

    private record Compiled(String xpath, Map<String, String> namespaces) {
    }

    /** Compiled once per JVM: the catalog asks the same few hundred expressions of every file of every instance. */
    private static final Map<Compiled, XPath> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * An XPath compiled with these namespace prefixes, shared: evaluating it makes a fresh jaxen context each time
     * and changes nothing in it, so threads may share it.
     */
    public static XPath compile(String xpath, Map<String, String> namespaces) {
        return COMPILED.computeIfAbsent(new Compiled(xpath, Map.copyOf(namespaces)), k -> {
            XPath compiled = DocumentHelper.createXPath(k.xpath());
            compiled.setNamespaceURIs(k.namespaces());
            return compiled;
        });
    }

    /** The line a node starts on: an element's start tag, an attribute's value, a text's parent element. */
    public int line(Node node) {
        if (node instanceof Attribute a) {
            XmlLexer.AttributeSpan span = attributeSpan(a);
            return file.lineOf(span.valueStart());
        }
        Element element = node instanceof Element e ? e : node.getParent();
        if (element == null) {
            return 0;
        }
        return file.lineOf(span(element).start);
    }

    public Location location(Node node) {
        return file.location().atLine(line(node));
    }

    /**
     * The span of an element's content in {@link TextFile#text()}: {@code [start, end)}, or null for an
     * empty-element tag such as {@code <Offset/>}.
     */
    public int[] contentSpan(Element element) {
        XmlLexer.ElementSpan s = span(element);
        return s.isEmptyElementTag() ? null : new int[] {s.contentStart, s.contentEnd};
    }

    /** The span of an attribute's value, quotes excluded. */
    public int[] valueSpan(Attribute attribute) {
        XmlLexer.AttributeSpan s = attributeSpan(attribute);
        return new int[] {s.valueStart(), s.valueEnd()};
    }

    private XmlLexer.ElementSpan span(Element element) {
        XmlLexer.ElementSpan s = spans.get(element);
        if (s == null) {
            throw new IllegalArgumentException("element of another document: " + element.getName());
        }
        return s;
    }

    private XmlLexer.AttributeSpan attributeSpan(Attribute a) {
        for (XmlLexer.AttributeSpan s : span(a.getParent()).attributes) {
            if (s.name().equals(a.getQualifiedName())) {
                return s;
            }
        }
        throw new IllegalStateException("attribute " + a.getQualifiedName() + " not found in the raw text");
    }
}
