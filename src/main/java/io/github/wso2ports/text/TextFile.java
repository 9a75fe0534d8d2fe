package io.github.wso2ports.text;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exact bytes of a config file and their text, decoded so that encoding them again gives the same bytes.
 * Everything that edits a file works on {@link #text()} and calls {@link #encode(String)}: a byte order mark,
 * the declared encoding, CRLF and every other byte outside the edit survive because nothing is normalised.
 */
public final class TextFile {

    private static final Pattern XML_DECL_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private final Location location;
    private final byte[] bytes;
    private final Charset charset;
    private final int bomLength;
    private final String text;
    private int[] lineStarts;

    private TextFile(Location location, byte[] bytes, Charset charset, int bomLength, String text) {
        this.location = location;
        this.bytes = bytes;
        this.charset = charset;
        this.bomLength = bomLength;
        this.text = text;
    }

    /**
     * Decodes an XML file the way an XML parser would: a byte order mark first, then the encoding of the
     * XML declaration, UTF-8 otherwise.
     */
    public static TextFile xml(Location location, byte[] bytes) {
        Bom bom = Bom.of(bytes);
        Charset charset;
        if (bom != null) {
            charset = bom.charset;
            bomAgreesWithDeclaration(location, bytes, bom);
        } else if (startsWith(bytes, 0x00, 0x3C, 0x00, 0x3F)) {
            charset = StandardCharsets.UTF_16BE;
        } else if (startsWith(bytes, 0x3C, 0x00, 0x3F, 0x00)) {
            charset = StandardCharsets.UTF_16LE;
        } else {
            charset = declaredEncoding(location, bytes);
        }
        return decode(location, bytes, charset, bom == null ? 0 : bom.length);
    }

    /** Decodes a file that must be UTF-8 (TOML, YAML, properties written by WSO2 tools); a UTF-8 BOM is kept. */
    public static TextFile utf8(Location location, byte[] bytes) {
        Bom bom = Bom.of(bytes);
        if (bom != null && bom.charset != StandardCharsets.UTF_8) {
            throw new Wso2PortsException(location, "the file starts with a " + bom.charset + " byte order mark",
                    "This file must be UTF-8: convert it (for example with iconv) and run again");
        }
        return decode(location, bytes, StandardCharsets.UTF_8, bom == null ? 0 : bom.length);
    }

    /** A parser would stop at a byte order mark that contradicts the declaration; so does this, before any edit. */
    private static void bomAgreesWithDeclaration(Location location, byte[] bytes, Bom bom) {
        int length = Math.min(bytes.length, 400) - bom.length;
        String head = new String(bytes, bom.length, Math.max(0, length), bom.charset);
        Matcher m = XML_DECL_ENCODING.matcher(head);
        if (!m.find()) {
            return;
        }
        String declared = m.group(1).toUpperCase(Locale.ROOT);
        String family = bom.charset == StandardCharsets.UTF_8 ? "UTF-8" : "UTF-16";
        if (!declared.startsWith(family) && !(family.equals("UTF-8") && declared.equals("UTF8"))) {
            throw new Wso2PortsException(location.atLine(1), "the file starts with a " + family + " byte order mark, but "
                    + "its XML declaration says encoding=\"" + m.group(1) + "\"", "Make them agree: declare "
                    + family + ", or save the file without the byte order mark");
        }
    }

    private static Charset declaredEncoding(Location location, byte[] bytes) {
        // the declaration is ASCII in every ASCII-compatible encoding
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = XML_DECL_ENCODING.matcher(head);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        String name = m.group(1);
        try {
            Charset cs = Charset.forName(name);
            if (cs.name().toUpperCase(Locale.ROOT).startsWith("UTF-16")
                    || cs.name().toUpperCase(Locale.ROOT).startsWith("UTF-32")) {
                throw new Wso2PortsException(location.atLine(1), "the XML declaration says encoding=\"" + name
                        + "\" but the file is not " + name + " (no byte order mark, ASCII bytes)",
                        "Fix the encoding declaration to match the bytes");
            }
            return cs;
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new Wso2PortsException(location.atLine(1), "unknown encoding \"" + name
                    + "\" in the XML declaration", "Use an encoding Java knows, such as UTF-8 or ISO-8859-1");
        }
    }

    private static TextFile decode(Location location, byte[] bytes, Charset charset, int bomLength) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, bomLength, bytes.length - bomLength);
        String text;
        try {
            CharBuffer out = decoder.decode(in);
            text = out.toString();
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes, bomLength, charset);
            int line = 1;
            for (int i = bomLength; i < bad && i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            String what = e instanceof MalformedInputException ? "invalid" : "unmappable";
            throw new Wso2PortsException(location.atLine(line), what + " " + charset.name() + " byte sequence at byte "
                    + bad + (bomLength > 0 ? "" : " (the file is read as " + charset.name() + ")"),
                    "Save the file in the encoding its XML declaration names (or as UTF-8)");
        }
        TextFile file = new TextFile(location, bytes, charset, bomLength, text);
        if (!Arrays.equals(file.encode(text), bytes)) {
            throw new Wso2PortsException(location, "the file does not survive a " + charset.name()
                    + " round trip, so it cannot be edited without changing other bytes",
                    "Save it as UTF-8 or ISO-8859-1");
        }
        return file;
    }

    private static int firstBadByte(byte[] bytes, int from, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    public Location location() {
        return location;
    }

    /** The text, without the byte order mark. */
    public String text() {
        return text;
    }

    public Charset charset() {
        return charset;
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean hasBom() {
        return bomLength > 0;
    }

    /** How many bytes the byte order mark takes, 0 without one. */
    public int bomLength() {
        return bomLength;
    }

    /** Encodes a new text exactly as this file is encoded, byte order mark included. */
    public byte[] encode(String newText) {
        byte[] body = newText.getBytes(charset);
        byte[] out = new byte[bomLength + body.length];
        System.arraycopy(bytes, 0, out, 0, bomLength);
        System.arraycopy(body, 0, out, bomLength, body.length);
        return out;
    }

    /** The 1-based line that holds the character at {@code offset} of {@link #text()}. */
    public int lineOf(int offset) {
        int[] starts = lineStarts();
        int idx = Arrays.binarySearch(starts, offset);
        return idx >= 0 ? idx + 1 : -idx - 1;
    }

    /** The offset of the first character of a 1-based line. */
    public int lineStart(int line) {
        return lineStarts()[line - 1];
    }

    /** The offset just past the last character of a 1-based line, before its line break. */
    public int lineEnd(int line) {
        int[] starts = lineStarts();
        int start = starts[line - 1];
        int end = line < starts.length ? starts[line] : text.length();
        if (end > start && text.charAt(end - 1) == '\n') {
            end--;
        }
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return end;
    }

    /**
     * The entries of a file that holds one a line (its lines stripped, blank lines and {@code #} comments skipped),
     * each matched whole by {@code pattern} and made by {@code entry}; an entry that does not match is an error naming
     * the expected form and an example.
     */
    public <T> List<T> entries(Pattern pattern, String form, String example, BiFunction<Matcher, Location, T> entry) {
        List<T> out = new ArrayList<>();
        for (int line = 1; line <= lineCount(); line++) {
            String text = this.text.substring(lineStart(line), lineEnd(line)).strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            Location at = location.atLine(line);
            Matcher m = pattern.matcher(text);
            if (!m.matches()) {
                throw new Wso2PortsException(at, "expected '" + form + "', found '" + text + "'", example);
            }
            out.add(entry.apply(m, at));
        }
        return out;
    }

    public int lineCount() {
        return lineStarts().length;
    }

    /** The line break this file uses most: CRLF for Windows-edited files, LF otherwise. */
    public String lineSeparator() {
        int crlf = 0;
        int lf = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (i > 0 && text.charAt(i - 1) == '\r') {
                    crlf++;
                } else {
                    lf++;
                }
            }
        }
        return crlf > lf ? "\r\n" : "\n";
    }

    public boolean endsWithLineBreak() {
        return text.endsWith("\n") || text.endsWith("\r");
    }

    private int[] lineStarts() {
        if (lineStarts == null) {
            int[] starts = new int[16];
            int n = 0;
            starts[n++] = 0;
            // String.indexOf is compiled code from the first call (the JVM has run it long before this plugin), a
            // char loop of ours is interpreted for a while: this runs once on every config file of every instance
            int lf = text.indexOf('\n');
            int cr = loneCarriageReturn(0);
            while (lf >= 0 || cr >= 0) {
                int lineBreak = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr);
                starts = add(starts, n++, lineBreak + 1);
                if (lineBreak == lf) {
                    lf = text.indexOf('\n', lf + 1);
                } else {
                    cr = loneCarriageReturn(cr + 1);
                }
            }
            lineStarts = Arrays.copyOf(starts, n);
        }
        return lineStarts;
    }

    /** The next CR from {@code from} that ends a line by itself (a CR LF ends its line at the LF), or -1. */
    private int loneCarriageReturn(int from) {
        int i = text.indexOf('\r', from);
        while (i >= 0 && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i = text.indexOf('\r', i + 2);
        }
        return i;
    }

    private static int[] add(int[] starts, int n, int start) {
        int[] out = n == starts.length ? Arrays.copyOf(starts, n * 2) : starts;
        out[n] = start;
        return out;
    }

    private enum Bom {
        UTF8(StandardCharsets.UTF_8, 0xEF, 0xBB, 0xBF),
        UTF16BE(StandardCharsets.UTF_16BE, 0xFE, 0xFF),
        UTF16LE(StandardCharsets.UTF_16LE, 0xFF, 0xFE);

        final Charset charset;
        final int[] prefix;
        final int length;

        Bom(Charset charset, int... prefix) {
            this.charset = charset;
            this.prefix = prefix;
            this.length = prefix.length;
        }

        static Bom of(byte[] bytes) {
            if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00) || startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
                return null; // UTF-32: reported as a decoding problem below
            }
            for (Bom b : values()) {
                if (startsWith(bytes, b.prefix)) {
                    return b;
                }
            }
            return null;
        }
    }
}
