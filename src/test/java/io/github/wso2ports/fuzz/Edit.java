package io.github.wso2ports.fuzz;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * One concrete change to a file's bytes, replayable from one line of text: whatever a mutation meant (a decoy element,
 * a byte flip, CRLF line ends), it is kept as what it did, so a case found bad replays exactly however the mutator
 * changes later.
 */
sealed interface Edit {

    byte[] apply(byte[] in);

    /** The edit as text: {@code splice AT REMOVE HEX}, {@code truncate LENGTH}, {@code eol crlf|cr}, {@code transcode CHARSET}. */
    String text();

    /** Replaces {@code remove} bytes at {@code at} (both clamped to the file) with {@code insert}. */
    record Splice(int at, int remove, byte[] insert) implements Edit {

        @Override
        public byte[] apply(byte[] in) {
            int a = Math.min(Math.max(0, at), in.length);
            int r = Math.min(Math.max(0, remove), in.length - a);
            byte[] out = new byte[in.length - r + insert.length];
            System.arraycopy(in, 0, out, 0, a);
            System.arraycopy(insert, 0, out, a, insert.length);
            System.arraycopy(in, a + r, out, a + insert.length, in.length - a - r);
            return out;
        }

        @Override
        public String text() {
            return "splice " + at + " " + remove + " " + (insert.length == 0 ? "-" : encode(insert));
        }
    }

    /** Bytes as hex, runs of a repeated unit (a long string, deep nesting) as {@code UNIT*COUNT}, parts joined by ','. */
    static String encode(byte[] b) {
        HexFormat hex = HexFormat.of();
        List<String> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < b.length) {
            int bestUnit = 0;
            int bestCount = 0;
            for (int u = 1; u <= 8 && i + u <= b.length; u++) {
                int k = 1;
                while (i + (k + 1) * u <= b.length && java.util.Arrays.equals(b, i, i + u, b, i + k * u, i + (k + 1) * u)) {
                    k++;
                }
                if (u * k >= 32 && u * k > bestUnit * bestCount) {
                    bestUnit = u;
                    bestCount = k;
                }
            }
            if (bestUnit > 0) {
                if (literal.length() > 0) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(hex.formatHex(b, i, i + bestUnit) + "*" + bestCount);
                i += bestUnit * bestCount;
            } else {
                literal.append(hex.toHexDigits(b[i++]));
            }
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
        }
        return String.join(",", parts);
    }

    static byte[] decode(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (String part : text.split(",")) {
            int star = part.indexOf('*');
            byte[] unit = HexFormat.of().parseHex(star < 0 ? part : part.substring(0, star));
            int count = star < 0 ? 1 : Integer.parseInt(part.substring(star + 1));
            for (int k = 0; k < count; k++) {
                out.writeBytes(unit);
            }
        }
        return out.toByteArray();
    }

    /** Cuts the file after {@code length} bytes. */
    record Truncate(int length) implements Edit {

        @Override
        public byte[] apply(byte[] in) {
            return java.util.Arrays.copyOf(in, Math.min(Math.max(0, length), in.length));
        }

        @Override
        public String text() {
            return "truncate " + length;
        }
    }

    /** Every line end made {@code crlf} or {@code cr}. */
    record LineEnds(String eol) implements Edit {

        @Override
        public byte[] apply(byte[] in) {
            String t = new String(in, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");
            t = t.replace("\n", eol.equals("crlf") ? "\r\n" : "\r");
            return t.getBytes(StandardCharsets.ISO_8859_1);
        }

        @Override
        public String text() {
            return "eol " + eol;
        }
    }

    /** The text read as UTF-8 (ISO-8859-1 where that fails) and written in {@code charset}, with its byte order mark. */
    record Transcode(String charset) implements Edit {

        @Override
        public byte[] apply(byte[] in) {
            String t;
            try {
                t = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(in)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                t = new String(in, StandardCharsets.ISO_8859_1);
            }
            Charset c = Charset.forName(charset);
            String bom = charset.startsWith("UTF") && !t.startsWith("\uFEFF") ? "\uFEFF" : "";
            return (bom + t).getBytes(c);
        }

        @Override
        public String text() {
            return "transcode " + charset;
        }
    }

    static Edit parse(String text) {
        String[] p = text.strip().split(" ");
        return switch (p[0]) {
            case "splice" -> new Splice(Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                    p[3].equals("-") ? new byte[0] : decode(p[3]));
            case "truncate" -> new Truncate(Integer.parseInt(p[1]));
            case "eol" -> new LineEnds(p[1]);
            case "transcode" -> new Transcode(p[1]);
            default -> throw new IllegalArgumentException("unknown edit: " + text);
        };
    }

    static List<Edit> parseAll(String text) {
        List<Edit> out = new ArrayList<>();
        for (String e : text.split(";")) {
            if (!e.isBlank()) {
                out.add(parse(e));
            }
        }
        return out;
    }

    static byte[] applyAll(List<Edit> edits, byte[] in) {
        byte[] out = in;
        for (Edit e : edits) {
            out = e.apply(out);
        }
        return out;
    }
}
