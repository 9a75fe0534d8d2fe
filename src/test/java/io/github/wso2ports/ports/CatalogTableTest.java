package io.github.wso2ports.ports;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's catalog table is generated from catalog.toml: this fails when they disagree. To bring the README up
 * to date, run the tests with {@code -Dwso2ports.updateReadme=true}.
 */
class CatalogTableTest {

    private static final String START = "<!-- catalog table: generated from catalog.toml by CatalogTableTest -->\n";
    private static final String END = "<!-- end of catalog table -->";

    @Test
    void theReadmeTableIsTheCatalog() throws IOException {
        Path readme = Paths.get("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertTrue(start >= 0 && end > start, "README.md has no catalog table markers");
        String table = CatalogTable.markdown(Catalog.builtIn());
        String current = text.substring(start + START.length(), end);
        if (Boolean.getBoolean("wso2ports.updateReadme")) {
            Files.writeString(readme, text.substring(0, start + START.length()) + table + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(table, current, "README.md's catalog table differs from catalog.toml: run the tests with "
                + "-Dwso2ports.updateReadme=true to regenerate it");
    }

    @Test
    void everyEntryIsARow() {
        String table = CatalogTable.markdown(Catalog.builtIn());
        for (CatalogEntry e : Catalog.builtIn().entries()) {
            assertTrue(table.contains("| `" + e.id() + "` |"), e.id());
        }
        assertTrue(table.contains("**correction**: the seed says 8833"), table);
    }
}
