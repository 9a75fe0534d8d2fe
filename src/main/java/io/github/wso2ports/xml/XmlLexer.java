package io.github.wso2ports.xml;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Finds where each element and attribute sits in the raw text of a well-formed XML document, in document
 * order. Comments, CDATA sections and processing instructions are skipped whole, quotes in attribute values
 * are honoured (an ERB tag or a {@code >} inside a value does not end the tag). XML parsers don't report
 * reliable character offsets (StAX drifts, SAX counts columns in characters), so edits are located here and
 * matched to the parsed tree by position in document order.
 */
final class XmlLexer {

    /** One attribute: its name and the span of its value, quotes excluded. */
    record AttributeSpan(String name, int valueStart, int valueEnd) {
    }

    /**
     * One element. {@code contentStart} is just past the start tag's {@code >}; {@code contentEnd} is the
     * {@code <} of the end tag. For an empty-element tag ({@code <x/>}) both are -1.
     */
    static final class ElementSpan {
        final String name;
        final int start;
        final int contentStart;
        int contentEnd = -1;
        int end;
        final List<AttributeSpan> attributes;

        ElementSpan(String name, int start, int contentStart, List<AttributeSpan> attributes) {
            this.name = name;
            this.start = start;
            this.contentStart = contentStart;
            this.attributes = attributes;
        }

        boolean isEmptyElementTag() {
            return contentStart < 0;
        }
    }

    private final String text;
    private int pos;

    private XmlLexer(String text) {
        this.text = text;
    }

    /** Lexes a document that a parser has already found well-formed. */
    static List<ElementSpan> elements(String text) {
        return new XmlLexer(text).run();
    }

    private List<ElementSpan> run() {
        List<ElementSpan> elements = new ArrayList<>();
        Deque<ElementSpan> open = new ArrayDeque<>();
        int n = text.length();
        while (pos < n) {
            int lt = text.indexOf('<', pos);
            if (lt < 0) {
                break;
            }
            pos = lt;
            if (text.startsWith("<!--", pos)) {
                pos = skipPast("-->", pos + 4);
            } else if (text.startsWith("<![CDATA[", pos)) {
                pos = skipPast("]]>", pos + 9);
            } else if (text.startsWith("<?", pos)) {
                pos = skipPast("?>", pos + 2);
            } else if (text.startsWith("<!", pos)) {
                throw new IllegalStateException("markup declaration at " + pos);
            } else if (text.startsWith("</", pos)) {
                int gt = text.indexOf('>', pos);
                ElementSpan e = open.pop();
                e.contentEnd = pos;
                e.end = gt + 1;
                pos = gt + 1;
            } else {
                ElementSpan e = startTag();
                elements.add(e);
                if (!e.isEmptyElementTag()) {
                    open.push(e);
                }
            }
        }
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed element " + open.peek().name);
        }
        return elements;
    }

    private ElementSpan startTag() {
        int start = pos;
        pos++;
        String name = name();
        List<AttributeSpan> attributes = new ArrayList<>();
        while (true) {
            skipWhitespace();
            char c = text.charAt(pos);
            if (c == '/') {
                pos = text.indexOf('>', pos) + 1;
                ElementSpan e = new ElementSpan(name, start, -1, attributes);
                e.end = pos;
                return e;
            }
            if (c == '>') {
                pos++;
                return new ElementSpan(name, start, pos, attributes);
            }
            String attr = name();
            skipWhitespace();
            pos++; // '='
            skipWhitespace();
            char quote = text.charAt(pos);
            int valueStart = pos + 1;
            int valueEnd = text.indexOf(quote, valueStart);
            attributes.add(new AttributeSpan(attr, valueStart, valueEnd));
            pos = valueEnd + 1;
        }
    }

    private String name() {
        int s = pos;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || c == '/' || c == '>' || c == '=') {
                break;
            }
            pos++;
        }
        return text.substring(s, pos);
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private int skipPast(String terminator, int from) {
        int i = text.indexOf(terminator, from);
        if (i < 0) {
            throw new IllegalStateException("unterminated " + terminator);
        }
        return i + terminator.length();
    }
}
