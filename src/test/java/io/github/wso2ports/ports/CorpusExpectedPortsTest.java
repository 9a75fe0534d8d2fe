package io.github.wso2ports.ports;

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
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Compares the ports read from 17 corpus distributions (every layout) with a table written by hand from the raw
 * files ({@code corpus-expected-ports.txt}): each declared port with its file and line, each runtime's offset, and
 * the commented-out or disabled declarations that must not be read as ports.
 */
class CorpusExpectedPortsTest {

    /** One folder's expectations. */
    private static final class Expected {
        final Set<String> offsets = new TreeSet<>();
        final Set<String> ports = new TreeSet<>();
        final List<String> absent = new ArrayList<>();
    }

    private static Map<String, Expected> table() throws IOException {
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
        assertTrue(table.size() >= 15, "the table should cover at least 15 folders");
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<String, Expected> e : table.entrySet()) {
            String folder = e.getKey();
            Expected expected = e.getValue();
            tests.add(DynamicTest.dynamicTest(folder, () -> {
                Catalog catalog = Catalog.builtIn();
                Distribution d = LayoutDetector.detect(new FolderSource(Corpus.files().resolve(folder), ""));
                ProductDetector.Detected product = ProductDetector.detect(d.source(), catalog, null);
                Set<String> offsets = new TreeSet<>();
                Set<String> ports = new TreeSet<>();
                for (ProductRuntime r : d.runtimes()) {
                    RuntimeConfig config = RuntimeReader.read(d, r, product, catalog);
                    offsets.add(r.name() + " offset " + (config.offsetLocation() == null ? "none"
                            : config.offset() + " " + config.offsetLocation()));
                    for (PortUse p : config.ports()) {
                        if (!p.isCatalogDefault()) {
                            ports.add(r.name() + " " + p.entry().id() + " " + p.base() + " " + p.location());
                        }
                    }
                }
                assertEquals(expected.offsets, offsets, folder + ": offsets");
                assertEquals(expected.ports, ports, folder + ": declared ports");
                for (String absent : expected.absent) {
                    String[] f = absent.split(" ");
                    String where = f[3];
                    if (f[1].equals("offset")) {
                        assertFalse(offsets.stream().anyMatch(o -> o.endsWith(" " + where)), folder + ": " + absent);
                    } else {
                        assertFalse(ports.stream().anyMatch(p -> p.endsWith(" " + where)), folder + ": " + absent);
                    }
                }
            }));
        }
        return tests;
    }
}
