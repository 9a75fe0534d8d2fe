package io.github.wso2ports.ports;

import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.distribution.LayoutDetector;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.testing.Corpus;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares what the plugin reads from every corpus folder that holds a runtime with a table written by hand from the
 * raw files and WSO2's sources ({@code corpus-expected-ports.txt}, by sessions that did not look at the plugin): each
 * runtime's offset, each declared port with its file and line, the declarations that must not be read, and every port
 * each runtime really listens on, with the file and line that decides it.
 */
class CorpusExpectedPortsTest {

    /** One folder's expectations. */
    private static final class Expected {
        final Set<String> offsets = new TreeSet<>();
        final Set<String> ports = new TreeSet<>();
        final List<String> absent = new ArrayList<>();
        /** "rt id port/proto" to where ("file:line" or "default"). */
        final Map<String, String> listens = new TreeMap<>();

        boolean isEmpty() {
            return offsets.isEmpty() && ports.isEmpty() && absent.isEmpty() && listens.isEmpty();
        }
    }

    static Map<String, Expected> table() throws IOException {
        Map<String, Expected> table = new LinkedHashMap<>();
        try (InputStream in = CorpusExpectedPortsTest.class.getResourceAsStream("/corpus-expected-ports.txt")) {
            Expected current = null;
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    current = new Expected();
                    table.put(line.substring(1, line.length() - 1), current);
                } else if (line.startsWith("runtime ")) {
                    current.offsets.add(line.substring("runtime ".length()));
                } else if (line.startsWith("port ")) {
                    current.ports.add(line.substring("port ".length()));
                } else if (line.startsWith("absent ")) {
                    current.absent.add(line.substring("absent ".length()));
                } else if (line.startsWith("listen ")) {
                    String[] f = line.substring("listen ".length()).split(" ");
                    current.listens.put(f[0] + " " + f[1] + " " + f[2], f[3]);
                } else {
                    throw new IllegalStateException("bad line: " + line);
                }
            }
        }
        return table;
    }

    @TestFactory
    List<DynamicTest> portsReadFromTheFilesEqualTheHandWrittenTable() throws IOException {
        Map<String, Expected> table = table();
        List<DynamicTest> tests = new ArrayList<>();
        Set<String> runtimeFolders = new TreeSet<>();
        Corpus.distributions().forEach(d -> runtimeFolders.add(d.getFileName().toString()));
        runtimeFolders.removeAll(Corpus.NOT_DISTRIBUTIONS.keySet());
        assertTrue(table.keySet().containsAll(runtimeFolders), "every corpus folder with a runtime has a section; "
                + "missing: " + runtimeFolders.stream().filter(f -> !table.containsKey(f)).toList());
        for (Map.Entry<String, Expected> e : table.entrySet()) {
            String folder = e.getKey();
            Expected expected = e.getValue();
            if (expected.isEmpty() || Corpus.NOT_DISTRIBUTIONS.containsKey(folder)) {
                // templates only, or a copy without the file that holds the offset: CorpusCheckTest asserts the refusal
                continue;
            }
            tests.add(DynamicTest.dynamicTest(folder, () -> check(folder, expected)));
        }
        return tests;
    }

    /** What one side has and the other has not, as lines a person can act on. */
    private static void differences(String what, Set<String> expected, Set<String> actual, List<String> problems) {
        expected.stream().filter(x -> !actual.contains(x)).forEach(x -> problems.add(what + " in the table, not read: " + x));
        actual.stream().filter(x -> !expected.contains(x)).forEach(x -> problems.add(what + " read, not in the table: " + x));
    }

    private static void check(String folder, Expected expected) {
        Catalog catalog = Catalog.builtIn();
        Distribution d = LayoutDetector.detect(new FolderSource(Corpus.files().resolve(folder), ""));
        ProductDetector.Detected product = ProductDetector.detect(d.source(), catalog, null);
        Set<String> offsets = new TreeSet<>();
        Set<String> ports = new TreeSet<>();
        Map<String, String> listens = new TreeMap<>();
        for (RuntimeConfig config : EstateReader.runtimes(d, product, catalog, null, true, null, null)) {
            ProductRuntime r = config.runtime();
            offsets.add(r.name() + " offset " + (config.offsetLocation() == null ? "none"
                    : config.offset() + " " + config.offsetLocation()));
            for (PortUse p : config.ports()) {
                if (!p.isCatalogDefault()) {
                    ports.add(r.name() + " " + p.entry().id() + " " + p.base() + " " + p.location());
                }
                if (p.listens()) {
                    listens.put(r.name() + " " + p.entry().id() + " " + p.effective(config.offset()) + "/"
                            + p.entry().protocol(), p.isCatalogDefault() ? "default" : p.location().toString());
                }
            }
        }
        List<String> problems = new ArrayList<>();
        differences("offset", expected.offsets, offsets, problems);
        differences("declared port", expected.ports, ports, problems);
        for (String absent : expected.absent) {
            String[] f = absent.split(" ");
            String where = f[3];
            boolean read = f[1].equals("offset") ? offsets.stream().anyMatch(o -> o.endsWith(" " + where))
                    : ports.stream().anyMatch(p -> p.endsWith(" " + where));
            if (read) {
                problems.add("read, but the table says it must not be: " + absent);
            }
        }
        differences("listening port", expected.listens.keySet(), listens.keySet(), problems);
        for (Map.Entry<String, String> l : expected.listens.entrySet()) {
            String actual = listens.get(l.getKey());
            if (actual != null && !actual.equals(l.getValue())) {
                problems.add("listening port " + l.getKey() + " decided by " + actual + ", the table says " + l.getValue());
            }
        }
        assertEquals(List.of(), problems, folder);
    }
}
