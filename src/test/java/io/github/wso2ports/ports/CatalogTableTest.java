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
 * The catalog table of the site's catalog page ({@code src/site/markdown/catalog.md}) is generated from catalog.toml:
 * this fails when they disagree. To bring the page up to date, run the tests with
 * {@code -Dwso2ports.updateCatalogPage=true}.
 */
class CatalogTableTest {

    private static final Path PAGE = Paths.get("src", "site", "markdown", "catalog.md");
    private static final String START = "<!-- catalog table: generated from catalog.toml by CatalogTableTest -->\n";
    private static final String END = "<!-- end of catalog table -->";

    @Test
    void theCatalogPageTableIsTheCatalog() throws IOException {
        String text = Files.readString(PAGE, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertTrue(start >= 0 && end > start, PAGE + " has no catalog table markers");
        String table = CatalogTable.markdown(Catalog.builtIn());
        String current = text.substring(start + START.length(), end);
        if (Boolean.getBoolean("wso2ports.updateCatalogPage")) {
            Files.writeString(PAGE, text.substring(0, start + START.length()) + table + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertEquals(table, current, PAGE + "'s catalog table differs from catalog.toml: run the tests with "
                + "-Dwso2ports.updateCatalogPage=true to regenerate it");
    }

    @Test
    void theReadmeKeepsNoCopyOfTheTable() throws IOException {
        String readme = Files.readString(Paths.get("README.md"), StandardCharsets.UTF_8);
        assertTrue(!readme.contains(START.strip()) && !readme.contains(END),
                "README.md holds catalog table markers: the table lives in " + PAGE + " only");
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
