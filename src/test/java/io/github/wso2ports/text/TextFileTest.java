package io.github.wso2ports.text;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextFileTest {

    private static final Location AT = Location.of("carbon.xml");

    @Test
    void declaredLatin1IsDecodedAsLatin1() {
        byte[] bytes = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<a>\u00e9</a>".getBytes(StandardCharsets.ISO_8859_1);
        TextFile f = TextFile.xml(AT, bytes);
        assertEquals(StandardCharsets.ISO_8859_1, f.charset());
        assertTrue(f.text().endsWith("<a>\u00e9</a>"));
        assertArrayEquals(bytes, f.encode(f.text()));
    }

    @Test
    void utf8BomIsKeptOutOfTheTextAndPutBack() {
        byte[] bytes = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', 'a', '/', '>'};
        TextFile f = TextFile.xml(AT, bytes);
        assertEquals("<a/>", f.text());
        assertTrue(f.hasBom());
        assertArrayEquals(bytes, f.encode("<a/>"));
    }

    @Test
    void utf16WithAndWithoutBomRoundTrips() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\r\n<a>1</a>";
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, xml.getBytes(StandardCharsets.UTF_16LE));
        TextFile f = TextFile.xml(AT, le);
        assertEquals(xml, f.text());
        assertArrayEquals(le, f.encode(xml));
        byte[] be = xml.getBytes(StandardCharsets.UTF_16BE);
        TextFile g = TextFile.xml(AT, be);
        assertEquals(StandardCharsets.UTF_16BE, g.charset());
        assertArrayEquals(be, g.encode(xml));
    }

    @Test
    void invalidUtf8IsReportedWithItsLine() {
        byte[] bytes = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<a>\n\u00ff</a>".getBytes(StandardCharsets.ISO_8859_1);
        Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> TextFile.xml(AT, bytes));
        assertEquals(3, e.location().line());
        assertTrue(e.getMessage().startsWith("invalid UTF-8 byte sequence at byte"), e.getMessage());
    }

    @Test
    void aUtf16DeclarationOnAsciiBytesIsRefused() {
        byte[] bytes = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>".getBytes(StandardCharsets.US_ASCII);
        Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> TextFile.xml(AT, bytes));
        assertTrue(e.getMessage().contains("says encoding=\"UTF-16\" but the file is not"), e.getMessage());
    }

    @Test
    void unknownEncodingIsRefused() {
        byte[] bytes = "<?xml version=\"1.0\" encoding=\"X-NOPE-42\"?><a/>".getBytes(StandardCharsets.US_ASCII);
        assertThrows(Wso2PortsException.class, () -> TextFile.xml(AT, bytes));
    }

    @Test
    void linesCountLfCrlfAndCr() {
        TextFile f = TextFile.utf8(AT, "a\r\nb\nc\rd".getBytes(StandardCharsets.UTF_8));
        assertEquals(4, f.lineCount());
        assertEquals(1, f.lineOf(0));
        assertEquals(1, f.lineOf(2));
        assertEquals(2, f.lineOf(3));
        assertEquals(4, f.lineOf(8));
        assertEquals(1, f.lineEnd(1));
        assertEquals(4, f.lineEnd(2));
        assertEquals(8, f.lineEnd(4));
        assertFalse(f.endsWithLineBreak());
    }

    /** Every mix of LF, CR LF and lone CR, against the definition read one character at a time. */
    @Test
    void linesMatchTheDefinitionForEveryBreakMix() {
        char[] alphabet = {'a', '\r', '\n'};
        for (int length = 0; length <= 7; length++) {
            for (int combo = 0; combo < Math.pow(3, length); combo++) {
                StringBuilder text = new StringBuilder();
                for (int i = 0, c = combo; i < length; i++, c /= 3) {
                    text.append(alphabet[c % 3]);
                }
                String t = text.toString();
                TextFile f = TextFile.utf8(AT, t.getBytes(StandardCharsets.UTF_8));
                int line = 1;
                for (int i = 0; i <= t.length(); i++) {
                    assertEquals(line, f.lineOf(i), () -> "offset in " + t.replace("\r", "CR").replace("\n", "LF"));
                    if (i < t.length() && (t.charAt(i) == '\n'
                            || (t.charAt(i) == '\r' && (i + 1 == t.length() || t.charAt(i + 1) != '\n')))) {
                        line++;
                    }
                }
                assertEquals(line, f.lineCount(), t);
            }
        }
    }

    @Test
    void lineSeparatorFollowsTheFile() {
        assertEquals("\r\n", TextFile.utf8(AT, "a\r\nb\r\nc\n".getBytes(StandardCharsets.UTF_8)).lineSeparator());
        assertEquals("\n", TextFile.utf8(AT, "a\nb".getBytes(StandardCharsets.UTF_8)).lineSeparator());
    }

    @Test
    void aUtf16BomInATomlFileIsRefused() {
        byte[] bytes = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "a = 1".getBytes(StandardCharsets.UTF_16LE));
        Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> TextFile.utf8(AT, bytes));
        assertTrue(e.getMessage().contains("UTF-16LE byte order mark"), e.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
