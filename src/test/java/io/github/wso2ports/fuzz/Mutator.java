package io.github.wso2ports.fuzz;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutations of a real offset file, the way hands, tools and broken transfers change them: structure (decoy and
 * duplicate elements and keys, namespaces, nesting, comments, CDATA, inline tables, anchors), values (Unicode spaces,
 * signs, zeros, placeholders, other types), encodings, line ends, truncation and byte flips; and of a zip's structure.
 * Each mutation returns the concrete {@link Edit}s it made.
 */
final class Mutator {

    enum Format { XML, TOML, YAML }

    private final Random random;

    Mutator(Random random) {
        this.random = random;
    }

    private static String latin1(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    /** The file mutated one to three times. */
    List<Edit> mutate(byte[] file, Format format) {
        List<Edit> edits = new ArrayList<>();
        byte[] current = file;
        int n = 1 + random.nextInt(random.nextInt(4) == 0 ? 3 : 1);
        for (int i = 0; i < n; i++) {
            Edit e = one(current, format);
            edits.add(e);
            current = e.apply(current);
        }
        return edits;
    }

    private Edit one(byte[] file, Format format) {
        int kind = random.nextInt(100);
        if (kind < 12) {
            return byteLevel(file);
        }
        if (kind < 20) {
            return encoding(file);
        }
        if (kind < 50) {
            return value(file, format);
        }
        return switch (format) {
            case XML -> xml(file);
            case TOML -> toml(file);
            case YAML -> yaml(file);
        };
    }

    // --- anywhere ------------------------------------------------------------------------------------------------

    private static final List<String> JUNK = List.of("<", ">", "&", "\"", "'", "=", "[", "]", "{", "}", "#", "\n", "\r",
            "\t", "\u0000", "\u00a0", "\u2003", "\ufeff", "\u3000", "\u2028", "é", "3", "-", ":", "--", "]]>", "<!--",
            "&amp;", "&#", "${", "\\", "\"\"\"", "'''", " ", "*", "!", "|", ">-");

    private Edit byteLevel(byte[] file) {
        int len = file.length;
        return switch (random.nextInt(5)) {
            case 0 -> {
                int at = random.nextInt(Math.max(1, len));
                yield new Edit.Splice(at, 1, new byte[] {(byte) ((at < len ? file[at] : 0) ^ (1 + random.nextInt(255)))});
            }
            case 1 -> new Edit.Splice(random.nextInt(len + 1), 0, utf8(pick(JUNK) + (random.nextBoolean() ? pick(JUNK) : "")));
            case 2 -> new Edit.Splice(random.nextInt(len + 1), 1 + random.nextInt(64), new byte[0]);
            case 3 -> new Edit.Truncate(random.nextInt(len + 1));
            default -> {
                // a line repeated somewhere else
                String t = latin1(file);
                int from = lineStart(t, random.nextInt(len + 1));
                int to = t.indexOf('\n', from);
                to = to < 0 ? len : to + 1;
                yield new Edit.Splice(lineStart(t, random.nextInt(len + 1)), 0, java.util.Arrays.copyOfRange(file, from, to));
            }
        };
    }

    private static int lineStart(String t, int at) {
        return t.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
    }

    private Edit encoding(byte[] file) {
        return switch (random.nextInt(6)) {
            case 0 -> new Edit.LineEnds("crlf");
            case 1 -> new Edit.LineEnds("cr");
            case 2 -> new Edit.Splice(0, 0, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
            case 3 -> new Edit.Transcode("UTF-16LE");
            case 4 -> new Edit.Transcode("UTF-16BE");
            default -> new Edit.Transcode("UTF-8");
        };
    }

    // --- the offset's value -----------------------------------------------------------------------------------------

    private static final List<String> VALUES = List.of("", " ", "3", " 3 ", "+3", "-1", "007", "0", "65535", "65536",
            "99999999999", "3.0", "0x3", "\u0663", "\uff13", "\u00a03", "3\u2003", "\u30003", "3\u2028", "\t3\n",
            "${offset}", "${portOffset}", "$env{OFFSET}", "$sys{offset}", "\"3\"", "'3'", "\"\"", "true", "[3]",
            "{a = 3}", "3 # note", "\"\\u0033\"", "\"3\u2003\"", "\" 3 \"", "3_0", "1e3", "inf", "2147483648", "-0",
            "\"+3\"", "'''3'''", "\"\"\"3\"\"\"", "!!str 3", "&a 3", "*a", "~", "null", "3 3", "0b11", "0o3", "010",
            "08", "0x10", "1:30", "1_0", "+0", "\"010\"", "'0x3'", "[1, \"a\"]", "3,", "}${x}", "${}");

    /** The spans (start, end) of each offset value in the file: the text of Offset, offset =, offset:. */
    private static List<int[]> valueSpans(String t, Format format) {
        Pattern p = switch (format) {
            case XML -> Pattern.compile("<(?:\\w+:)?Offset\\b[^>]*>([^<]*)</");
            case TOML -> Pattern.compile("(?m)^[ \\t#]*(?:server\\.)?[\"']?offset[\"']?[ \\t]*=[ \\t]*([^\\r\\n#]*)");
            case YAML -> Pattern.compile("(?m)^[ \\t#]*offset[ \\t]*:[ \\t]*([^\\r\\n#]*)");
        };
        List<int[]> spans = new ArrayList<>();
        Matcher m = p.matcher(t);
        while (m.find()) {
            spans.add(new int[] {m.start(1), m.end(1)});
        }
        return spans;
    }

    private Edit value(byte[] file, Format format) {
        String t = latin1(file);
        List<int[]> spans = valueSpans(t, format);
        if (spans.isEmpty()) {
            return structural(file, format);
        }
        // the real value most often (the last match is usually it: decoys sit in comments before), a decoy sometimes
        int[] s = random.nextInt(3) > 0 ? spans.get(spans.size() - 1) : pick(spans);
        return switch (random.nextInt(4)) {
            case 0 -> new Edit.Splice(s[0], 0, utf8(pick(List.of("\u00a0", "\u2003", "\u3000", "\u2028", "\ufeff", " ",
                    "\t", "\r\n", "+", "0", "-"))));
            case 1 -> new Edit.Splice(s[1], 0, utf8(pick(List.of("\u00a0", "\u2003", " ", "\t", "0", "\r\n", "x"))));
            default -> new Edit.Splice(s[0], s[1] - s[0], utf8(pick(VALUES)));
        };
    }

    private Edit structural(byte[] file, Format format) {
        return switch (format) {
            case XML -> xml(file);
            case TOML -> toml(file);
            case YAML -> yaml(file);
        };
    }

    // --- XML ------------------------------------------------------------------------------------------------------

    private Edit xml(byte[] file) {
        String t = latin1(file);
        int ports = t.indexOf("<Ports>");
        int offsetAt = t.lastIndexOf("<Offset>");
        int anywhere = anyTagStart(t);
        int rootEnd = t.indexOf('>', Math.max(0, t.indexOf("<Server"))) + 1;
        int at = pick(List.of(Math.max(0, ports), Math.max(0, offsetAt), anywhere, Math.max(0, rootEnd)));
        String insert = pick(List.of(
                "<Offset>9</Offset>",
                "<Offset> </Offset>",
                "<Offset/>",
                "<x:Offset xmlns:x=\"urn:x\">9</x:Offset>",
                "<Ports xmlns=\"urn:other\"><Offset>9</Offset></Ports>",
                "<Ports><Offset>9</Offset></Ports>",
                "<Ports><Offset>  </Offset></Ports>",
                "<!-- <Offset>9</Offset> -->",
                "<Ports><Ports><Offset>9</Offset></Ports></Ports>",
                "<OFFSET>9</OFFSET>",
                "<Offset><![CDATA[9]]></Offset>",
                "<Offset>&#57;</Offset>",
                "<Offset>1<!--x-->2</Offset>",
                "<Offset>${offset}</Offset>",
                "<?pi <Offset>9</Offset>?>",
                "<a>" + "<a>".repeat(random.nextInt(300)) + "</a>".repeat(0),
                "<![CDATA[<Offset>9</Offset>]]>",
                "&undefined;",
                "<!DOCTYPE x [<!ENTITY e \"9\">]>",
                "</Ports>",
                "<Offset>9</Offset><Offset>8</Offset>",
                "<Note>}${x}</Note>",
                "<Note>${}</Note>"));
        if (insert.startsWith("<a>")) {
            int depth = 1 + random.nextInt(400);
            insert = "<a>".repeat(depth) + "</a>".repeat(random.nextInt(5) == 0 ? depth - 1 : depth);
        }
        if (random.nextInt(6) == 0 && offsetAt >= 0) {
            // the real element itself: inside it, around its value
            int valueAt = offsetAt + "<Offset>".length();
            return new Edit.Splice(valueAt, 0, utf8(pick(List.of("<!--c-->", "<![CDATA[", "]]>", "<x/>", "&#32;",
                    "&#x2003;", "&#160;", "&lt;", " <b>1</b> "))));
        }
        if (random.nextInt(8) == 0 && ports >= 0) {
            // the Ports element moved into another namespace or given a prefix
            return new Edit.Splice(ports, "<Ports>".length(), utf8(pick(List.of("<Ports xmlns=\"urn:x\">",
                    "<p:Ports xmlns:p=\"urn:x\">", "<Ports xmlns=\"\">", "<Ports >", "<Ports\n>", "<Port>"))));
        }
        return new Edit.Splice(at, 0, utf8(insert));
    }

    private int anyTagStart(String t) {
        int at = random.nextInt(t.length() + 1);
        int lt = t.indexOf('<', at);
        return lt < 0 ? t.length() : lt;
    }

    // --- TOML -----------------------------------------------------------------------------------------------------

    private Edit toml(byte[] file) {
        String t = latin1(file);
        int server = headerAt(t, "[server]");
        int afterServer = server < 0 ? -1 : t.indexOf('\n', server) + 1;
        List<Integer> places = new ArrayList<>(List.of(0, lineStart(t, random.nextInt(t.length() + 1)), t.length()));
        if (afterServer > 0) {
            places.add(afterServer);
            places.add(server);
        }
        int at = pick(places);
        String nl = random.nextBoolean() ? "\n" : "\r\n";
        String insert = pick(List.of(
                "offset = 9",
                "offset = 9" + nl + "offset = 8",
                "server.offset = 9",
                "\"offset\" = 9",
                "'offset' = 9",
                "offset = \"9\"",
                "offset = '9'",
                "server = { offset = 9 }",
                "[server]" + nl + "offset = 9",
                "[[server]]" + nl + "offset = 9",
                "[server.x]" + nl + "offset = 9",
                "[server_x]" + nl + "offset = 9",
                "# offset = 9",
                "#offset = 9",
                "x = \"\"\"" + nl + "offset = 9" + nl + "\"\"\"",
                "x = '''" + nl + "[server]" + nl + "offset = 9'''",
                "deep = " + "[".repeat(1 + random.nextInt(120)) + "]".repeat(1 + random.nextInt(120)),
                "a" + ".a".repeat(random.nextInt(100)) + " = 1",
                "long = \"" + "x".repeat(random.nextInt(200_000)) + "\"",
                "offset = $env{OFFSET}",
                "offset = \"$env{OFFSET}\"",
                "offset = 9 offset = 8",
                "[server]",
                "[ server ]",
                "[\"server\"]",
                "x = \"\\u12\"",
                "x = \"\\q\"",
                "offset = 0x9",
                "offset = 9.0",
                "offset = +9",
                "offset = 9_0",
                "offset = 1979-05-27",
                "mixed = [1, \"a\"]",
                "x = \"}${y}\""));
        return new Edit.Splice(at, 0, utf8(insert + nl));
    }

    private static int headerAt(String t, String header) {
        Matcher m = Pattern.compile("(?m)^[ \\t]*" + Pattern.quote(header)).matcher(t);
        return m.find() ? m.start() : -1;
    }

    // --- YAML -----------------------------------------------------------------------------------------------------

    private Edit yaml(byte[] file) {
        String t = latin1(file);
        List<int[]> spans = valueSpans(t, Format.YAML);
        int offsetLine = spans.isEmpty() ? -1 : lineStart(t, spans.get(spans.size() - 1)[0]);
        int at = offsetLine >= 0 && random.nextBoolean() ? offsetLine : lineStart(t, random.nextInt(t.length() + 1));
        String indent = offsetLine >= 0 ? t.substring(offsetLine, t.indexOf("offset", offsetLine)) : "    ";
        if (random.nextInt(5) == 0 && offsetLine >= 0) {
            // the offset line's own indentation changed: tab, one more, one less
            return new Edit.Splice(offsetLine, indent.length(), utf8(pick(List.of("\t", indent + " ",
                    indent.isEmpty() ? "" : indent.substring(1), "", indent + "  "))));
        }
        String insert = pick(List.of(
                indent + "offset: 9",
                indent + "offset: \"9\"",
                indent + "offset: '9'",
                indent + "offset: !!str 9",
                indent + "offset: &a 9",
                indent + "offset: *a",
                indent + "offset: [9]",
                indent + "offset: {a: 9}",
                indent + "offset:",
                indent + "offset: ~",
                indent + "\"offset\": 9",
                indent + "? offset" + "\n" + indent + ": 9",
                "---",
                "...",
                "%YAML 1.1",
                "wso2.carbon:",
                "ports: {offset: 9}",
                indent + "<<: {offset: 9}",
                "x: " + "[".repeat(1 + random.nextInt(100)) + "]".repeat(1 + random.nextInt(100)),
                "x: &b [*b]",
                "x: !!python/object:os.system 'echo'",
                "x: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL ['http://127.0.0.1:1/']]]]",
                "\t- x"));
        return new Edit.Splice(at, 0, utf8(insert + "\n"));
    }

    // --- zip ------------------------------------------------------------------------------------------------------

    /** Damage of a zip's structure: a cut, a broken end record or central directory, lying sizes, flipped bytes. */
    List<Edit> zip(byte[] zip) {
        int eocd = lastIndexOf(zip, new byte[] {0x50, 0x4b, 0x05, 0x06});
        int cen = firstIndexOf(zip, new byte[] {0x50, 0x4b, 0x01, 0x02});
        int len = zip.length;
        return List.of(switch (random.nextInt(8)) {
            case 0 -> new Edit.Truncate(random.nextInt(len + 1));
            case 1 -> eocd < 0 ? new Edit.Truncate(len / 2) : new Edit.Splice(eocd + 16, 4, le(random.nextInt()));
            case 2 -> eocd < 0 ? new Edit.Truncate(len / 3) : new Edit.Splice(eocd + 12, 4, le(random.nextInt()));
            case 3 -> eocd < 0 ? new Edit.Truncate(len / 4) : new Edit.Splice(eocd + 8, 4, le(random.nextInt()));
            case 4 -> {
                // a central directory record's sizes or local header offset
                int rec = cen < 0 || eocd < 0 ? 0 : cen + 46 * random.nextInt(Math.max(1, (eocd - cen) / 46));
                int at = firstIndexOf(zip, new byte[] {0x50, 0x4b, 0x01, 0x02}, rec);
                yield at < 0 ? new Edit.Truncate(len - 1) : new Edit.Splice(at + pick(List.of(20, 24, 42, 28)), 4,
                        le(pick(List.of(0, 1, -1, random.nextInt(len + 1), Integer.MAX_VALUE))));
            }
            case 5 -> {
                int at = random.nextInt(Math.max(1, len));
                yield new Edit.Splice(at, 1, new byte[] {(byte) ((at < len ? zip[at] : 0) ^ (1 + random.nextInt(255)))});
            }
            case 6 -> {
                // bytes flipped in a run of compressed data
                int at = random.nextInt(Math.max(1, cen < 0 ? len : cen));
                byte[] run = new byte[1 + random.nextInt(16)];
                random.nextBytes(run);
                yield new Edit.Splice(at, run.length, run);
            }
            default -> new Edit.Splice(random.nextInt(len + 1), 0, utf8("PK\u0003\u0004"));
        });
    }

    private static byte[] le(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }

    private static int lastIndexOf(byte[] a, byte[] b) {
        for (int i = a.length - b.length; i >= 0; i--) {
            if (java.util.Arrays.equals(a, i, i + b.length, b, 0, b.length)) {
                return i;
            }
        }
        return -1;
    }

    private static int firstIndexOf(byte[] a, byte[] b) {
        return firstIndexOf(a, b, 0);
    }

    private static int firstIndexOf(byte[] a, byte[] b, int from) {
        for (int i = Math.max(0, from); i <= a.length - b.length; i++) {
            if (java.util.Arrays.equals(a, i, i + b.length, b, 0, b.length)) {
                return i;
            }
        }
        return -1;
    }
}
