package io.github.wso2ports.config;

import io.github.wso2ports.Location;
import io.github.wso2ports.text.TextFile;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlVersion;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shortening long strings before tomlj parses them changes nothing tomlj decides: a file is valid after exactly when it
 * was before, a first error sits on the same line, and every other value and key is the same. The strings are long and
 * hold what could matter: escapes good and bad, quotes, line breaks (CRLF, a lone CR), control characters, surrogate
 * pairs, characters TOML gives meaning to elsewhere.
 */
class TomlPrescanProperties {

    private static final String[] PIECES = {"\\n", "\\t", "\\\\", "\\\"", "\\u00e9", "\\U0001F600", "\\q", "\\u12",
        "\\uD800", "\\U00110000", "\\", "\"", "\"\"", "'", "''", "\n", "\r\n", "\r", "\t", "\u0001", "\u007f",
        "\uD83D\uDE00", "#", "=", "]", "}", "[", "{", ",", ".", "é", " "};

    @Provide
    Arbitrary<String> longContent() {
        Arbitrary<String> plain = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(400);
        Arbitrary<String> piece = Arbitraries.of(PIECES);
        Arbitrary<String> part = Arbitraries.frequencyOf(Tuple.of(6, plain), Tuple.of(1, piece));
        return part.list().ofMinSize(8).ofMaxSize(40).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> quote() {
        return Arbitraries.of("\"", "\"\"\"", "'", "'''");
    }

    @Provide
    Arbitrary<Integer> place() {
        return Arbitraries.integers().between(0, 3);
    }

    @Property(tries = 1500)
    void shorteningChangesNothingTomljDecides(@ForAll("longContent") String content, @ForAll("quote") String quote,
            @ForAll("place") int place) {
        String value = quote + content + quote;
        String placed = switch (place) {
            case 0 -> "text = " + value;
            case 1 -> "list = [1, " + value + ", 2]";
            case 2 -> "table = { a = 1, b = " + value + " }";
            default -> "text = " + value + " # a comment\nmore = " + value;
        };
        String toml = "title = \"x\"\n[server]\noffset = 3\n" + placed + "\nafter = \"end\"\n[other]\nport = 9443\n";
        TextFile file = TextFile.utf8(Location.of("deployment.toml"), toml.getBytes(StandardCharsets.UTF_8));
        TomlPrescan.Prepared prepared = TomlPrescan.forParser(file);
        String shortened = prepared.text();
        TomlParseResult before = parse(file.text());
        TomlParseResult after = parse(shortened);
        // tomlj fails an assert (tests run with -ea) on some invalid input where it reports an error without -ea
        boolean validBefore = before != null && !before.hasErrors();
        boolean validAfter = after != null && !after.hasErrors();
        assertEquals(validBefore, validAfter, () -> "validity differs:\n" + escape(toml) + "\nshortened:\n"
                + escape(shortened));
        if (!validBefore) {
            if (before != null && after != null) {
                assertEquals(before.errors().get(0).position().line(), after.errors().get(0).position().line(), toml);
            }
            return;
        }
        assertEquals(before.dottedKeySet(true), after.dottedKeySet(true));
        assertEquals(before.get("server.offset"), after.get("server.offset"));
        assertEquals(before.get("after"), after.get("after"));
        assertEquals(before.get("other.port"), after.get("other.port"));
        assertEquals(before.inputPositionOf("other.port"), after.inputPositionOf("other.port"));
        assertTrue(shortened.length() <= file.text().length());
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        s.chars().forEach(c -> b.append(c < 0x20 && c != '\n' || c >= 0x7f ? String.format("<%04x>", c) : String.valueOf((char) c)));
        return b.toString();
    }

    /** tomlj's result, or null where it fails an assert instead of reporting an error. */
    private static TomlParseResult parse(String text) {
        try {
            return Toml.parse(text, TomlVersion.V1_0_0);
        } catch (AssertionError e) {
            return null;
        }
    }
}
