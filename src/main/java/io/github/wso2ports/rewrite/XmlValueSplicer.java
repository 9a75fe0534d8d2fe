package io.github.wso2ports.rewrite;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.text.TextFile;
import io.github.wso2ports.xml.XmlDocument;

import org.dom4j.Element;

/**
 * Replaces the text of one element in the raw bytes of an XML file. Only the value changes: whitespace
 * around it (padding, line breaks), the XML declaration, the encoding, comments and every other byte stay.
 * The result is parsed again and must hold the new value in the same element.
 */
public final class XmlValueSplicer {

    private XmlValueSplicer() {
    }

    /**
     * @param what how the element is named in messages, e.g. {@code <Offset>}
     * @return the edited file, parsed (its bytes are what to write)
     */
    public static XmlDocument replaceText(XmlDocument doc, Element element, String newValue, String what) {
        TextFile file = doc.file();
        int[] span = doc.contentSpan(element);
        if (span == null) {
            throw new Wso2PortsException(doc.location(element), what + " is an empty element",
                    "Write the current value in by hand (for example " + what + "0" + what.replace("<", "</")
                            + ") and run again");
        }
        String content = file.text().substring(span[0], span[1]);
        if (content.indexOf('<') >= 0 || content.indexOf('&') >= 0) {
            throw new Wso2PortsException(doc.location(element), what + " holds a comment, CDATA section or entity "
                    + "besides its value, so the value cannot be replaced safely", "Leave only the number in it");
        }
        // what WSO2 reads is trim()'s: only characters up to U+0020 are padding
        String value = content.trim();
        if (value.isEmpty()) {
            throw new Wso2PortsException(doc.location(element), what + " is empty",
                    "Write the current value in by hand and run again");
        }
        int start = span[0] + content.indexOf(value);
        int end = start + value.length();
        byte[] after = Splice.bytes(file, start, end, newValue);

        XmlDocument edited = XmlDocument.parse(file.location(), after);
        Element same = edited.elementAt(doc.indexOf(element));
        if (!same.getQualifiedName().equals(element.getQualifiedName()) || !newValue.equals(same.getText().trim())) {
            throw new Wso2PortsException(doc.location(element), "the edited file would not hold " + newValue + " in "
                    + what, "Please report this file; nothing was changed");
        }
        return edited;
    }
}
