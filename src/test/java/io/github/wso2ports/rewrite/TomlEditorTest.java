package io.github.wso2ports.rewrite;

import io.github.wso2ports.Location;
import io.github.wso2ports.text.TextFile;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TomlEditorTest {

    private static TomlEditor editor(String toml) {
        return new TomlEditor(TextFile.utf8(Location.of("deployment.toml"), toml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void multiLineValuesHideWhatLooksLikeHeadersAndComments() {
        String toml = """
                list = [
                  [1, 2],
                  # [server]
                ]
                text = '''
                [server]
                '''
                [server] # the real one
                hostname = "a"
                """;
        List<TomlLines.Line> lines = TomlLines.scan(toml);
        assertEquals(TomlLines.Kind.KEY_VALUE, lines.get(0).kind());
        assertTrue(lines.get(0).multiLine());
        assertEquals(TomlLines.Kind.CONTINUATION, lines.get(1).kind());
        assertEquals(TomlLines.Kind.CONTINUATION, lines.get(5).kind());
        assertEquals(8, editor(toml).headerLine("server").getAsInt());
    }

    @Test
    void valuesAreFoundWithoutTheirComments() {
        TomlEditor e = editor("[server]\noffset = \"2\"   # planned\nname = 'x#y'\n");
        TomlEditor.Value v = e.valueOn(2).orElseThrow();
        assertEquals("\"2\"", v.raw());
        assertTrue(v.isQuoted());
        assertEquals("'x#y'", e.valueOn(3).orElseThrow().raw());
        assertFalse(e.valueOn(1).isPresent());
    }

    @Test
    void commentedKeysAreFoundOnlyInTheirTable() {
        String toml = "#offset=1\n[server]\n# offset = 2 # note\n[other]\n#offset=3\n";
        TomlEditor e = editor(toml);
        TomlEditor.CommentedKey c = e.commentedKey(2, "offset").orElseThrow();
        assertEquals(3, c.line());
        assertEquals("2", c.value());
        assertEquals(" # note", c.rest());
        assertFalse(editor("[server]\n# offset is set elsewhere\n").commentedKey(1, "offset").isPresent());
    }

    @Test
    void quotedTableNamesMatch() {
        assertEquals(2, editor("a = 1\n[\"server\"]\n").headerLine("server").getAsInt());
        assertFalse(editor("[server.x]\n").headerLine("server").isPresent());
        assertFalse(editor("[[server]]\n").headerLine("server").isPresent());
    }
}
