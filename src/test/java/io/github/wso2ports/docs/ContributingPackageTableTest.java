package io.github.wso2ports.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * CONTRIBUTING.md has a package table, one row per Java package under src/main/java (the package in backticks in the
 * first column, what it holds, what it may depend on). This fails when a package has no row, when a row names a
 * package that does not exist, and when the "may depend on" column names (in backticks) a package that does not
 * exist: whoever adds, moves or removes a package updates the table.
 */
class ContributingPackageTableTest {

    private static final Path CONTRIBUTING = Paths.get("CONTRIBUTING.md");
    private static final Path SOURCES = Paths.get("src", "main", "java");
    private static final String ROOT = "io.github.wso2ports";
    private static final String START = "<!-- package table: checked by ContributingPackageTableTest -->";
    private static final String END = "<!-- end of package table -->";
    private static final Pattern PACKAGE = Pattern.compile("`([a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)*)`");
    private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

    @Test
    void everyPackageHasARowAndEveryRowAPackage() throws IOException {
        Set<String> packages = sourcePackages();
        assertFalse(packages.isEmpty(), "no Java package found under " + SOURCES.toAbsolutePath());
        Map<String, String[]> rows = rows();
        Set<String> missing = new TreeSet<>(packages);
        missing.removeAll(rows.keySet());
        Set<String> stale = new TreeSet<>(rows.keySet());
        stale.removeAll(packages);
        assertTrue(missing.isEmpty() && stale.isEmpty(), CONTRIBUTING + "'s package table is out of date:"
                + (missing.isEmpty() ? "" : " add a row (package, what it holds, what it may depend on) for "
                        + missing + ";")
                + (stale.isEmpty() ? "" : " remove or rename the rows of " + stale + ", which are not packages under "
                        + SOURCES + " any more;"));
    }

    @Test
    void theDependenciesNameRealPackages() throws IOException {
        Set<String> packages = sourcePackages();
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String[]> row : rows().entrySet()) {
            Matcher m = BACKTICKED.matcher(row.getValue()[2]);
            while (m.find()) {
                String name = m.group(1);
                String full = name.contains(".") ? name : ROOT + "." + name;
                if (!packages.contains(full)) {
                    unknown.add(row.getKey() + " -> `" + name + "`");
                }
            }
        }
        assertTrue(unknown.isEmpty(), CONTRIBUTING + "'s package table says a package may depend on packages that do "
                + "not exist (a bare name is " + ROOT + ".<name>): " + unknown);
    }

    @Test
    void everyRowHasItsThreeColumns() throws IOException {
        for (Map.Entry<String, String[]> row : rows().entrySet()) {
            assertEquals(3, row.getValue().length,
                    row.getKey() + ": a row is | `package` | what it holds | may depend on |");
            assertFalse(row.getValue()[1].isBlank(), row.getKey() + ": say what the package holds");
            assertFalse(row.getValue()[2].isBlank(), row.getKey() + ": say what the package may depend on");
        }
    }

    /** The packages of src/main/java: every folder that holds a .java file. */
    private static Set<String> sourcePackages() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".java") && Files.isRegularFile(f))
                    .map(f -> SOURCES.relativize(f.getParent()))
                    .map(dir -> dir.toString().replace(dir.getFileSystem().getSeparator(), "."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** The rows of the package table, by the package in their first column; each row's cells, trimmed. */
    private static Map<String, String[]> rows() throws IOException {
        String text = Files.readString(CONTRIBUTING, StandardCharsets.UTF_8);
        int start = text.indexOf(START);
        int end = text.indexOf(END);
        assertTrue(start >= 0 && end > start, CONTRIBUTING + " has no package table between the markers " + START
                + " and " + END);
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : text.substring(start + START.length(), end).split("\n")) {
            String row = line.strip();
            if (!row.startsWith("|") || row.startsWith("|---") || row.startsWith("| package ")) {
                continue;
            }
            String[] cells = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length()).split("\\|", -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].strip();
            }
            Matcher m = PACKAGE.matcher(cells[0]);
            if (!m.matches()) {
                fail(CONTRIBUTING + ": the first column of a package table row must be a package name in backticks"
                        + " (`" + ROOT + ".check`), not: " + cells[0]);
            }
            if (rows.put(m.group(1), cells) != null) {
                fail(CONTRIBUTING + ": the package table has two rows for " + m.group(1));
            }
        }
        assertFalse(rows.isEmpty(), CONTRIBUTING + "'s package table has no rows");
        return rows;
    }
}
