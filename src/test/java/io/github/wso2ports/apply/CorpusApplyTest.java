package io.github.wso2ports.apply;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.patch.Patch;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.config.CarbonXml;
import io.github.wso2ports.config.DeploymentToml;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.distribution.LayoutDetector;
import io.github.wso2ports.distribution.OffsetFormat;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.testing.Corpus;
import io.github.wso2ports.testing.Trees;
import io.github.wso2ports.text.TextFile;
import io.github.wso2ports.xml.XmlDocument;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Applies an offset to every runtime of every distribution of the corpus, on a copy, and checks that only the
 * offset value (XML) or the one offset line (TOML) changed, that a second run changes nothing and that the
 * result reads back the new offset. Distributions that must be refused are listed with their reasons.
 */
class CorpusApplyTest {

    /** An offset no corpus file uses, so every apply is a real change. */
    private static final int OFFSET = 7;

    private static final Map<String, String> REFUSED = Corpus.NOT_DISTRIBUTIONS;

    /** Runtimes (distribution/runtime) apply must refuse, with the reason. */
    private static final Map<String, String> REFUSED_RUNTIMES = new TreeMap<>(Map.ofEntries(
            Map.entry("wso2sp-4.4.0/worker", "keeps its listeners where they are whatever its offset"),
            Map.entry("wso2sp-4.4.0/manager", "keeps its listeners where they are whatever its offset"),
            Map.entry("wso2sp-4.4.0/dashboard", "keeps its listeners where they are whatever its offset"),
            Map.entry("wso2sp-4.4.0/editor", "keeps its listeners where they are whatever its offset")));

    private static final Pattern TOML_OFFSET_LINE = Pattern.compile("^[ \\t]*offset[ \\t]*=[ \\t]*([\"']?)"
            + OFFSET + "\\1[ \\t]*(#.*)?$");

    @TempDir
    Path temp;

    @TestFactory
    List<DynamicTest> everyCorpusDistribution() {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Path dist : Corpus.distributions()) {
            String name = dist.getFileName().toString();
            seen.add(name);
            Distribution detected;
            try {
                detected = LayoutDetector.detect(new FolderSource(dist, name));
            } catch (Wso2PortsException e) {
                tests.add(DynamicTest.dynamicTest(name + " is refused", () -> {
                    String reason = REFUSED.get(name);
                    assertTrue(reason != null, name + " was refused but should be applied: " + e.describe());
                    assertTrue(e.describe().contains(reason), name + ": expected reason '" + reason + "' in: "
                            + e.describe());
                }));
                continue;
            }
            tests.add(DynamicTest.dynamicTest(name + " is not expected to be refused",
                    () -> assertFalse(REFUSED.containsKey(name), name + " was detected as " + detected.layout())));
            for (ProductRuntime r : detected.runtimes()) {
                String key = name + "/" + r.name();
                tests.add(DynamicTest.dynamicTest(key, () -> applyOnCopy(name, r, key)));
            }
        }
        tests.add(DynamicTest.dynamicTest("every listed refusal exists in the corpus", () -> {
            for (String name : REFUSED.keySet()) {
                assertTrue(seen.contains(name), name + " is not in the corpus");
            }
        }));
        return tests;
    }

    private void applyOnCopy(String name, ProductRuntime runtime, String key) throws Exception {
        Path copy = Corpus.copy(name, temp.resolve(key.replace('/', '_')));
        Map<String, byte[]> before = Trees.snapshot(copy);
        Distribution d = LayoutDetector.detect(new FolderSource(copy, name));
        if (REFUSED_RUNTIMES.containsKey(key)) {
            Wso2PortsException e = assertThrows(Wso2PortsException.class,
                    () -> OffsetApplier.plan(d, runtime.name(), OFFSET, new OffsetApplier.Options(false)));
            assertTrue(e.describe().contains(REFUSED_RUNTIMES.get(key)), e.describe());
            assertEquals(Trees.snapshot(copy).keySet(), before.keySet());
            return;
        }
        ApplyPlan plan = OffsetApplier.plan(d, runtime.name(), OFFSET, new OffsetApplier.Options(false));
        assertTrue(plan.changes(), key + ": offset " + OFFSET + " should be a change");
        OffsetApplier.write(plan);

        Map<String, byte[]> after = Trees.snapshot(copy);
        assertEquals(before.keySet(), after.keySet(), key + ": files were added or removed");
        for (String file : before.keySet()) {
            if (!file.equals(runtime.offsetFile())) {
                assertArrayEquals(before.get(file), after.get(file), key + ": " + file + " changed");
            }
        }
        byte[] old = before.get(runtime.offsetFile());
        byte[] now = after.get(runtime.offsetFile());
        if (runtime.format() == OffsetFormat.CARBON_XML) {
            assertOnlyValueChanged(key, old, now);
            XmlDocument doc = XmlDocument.parse(d.source().location(runtime.offsetFile()), now);
            assertEquals(OFFSET, CarbonXml.offset(doc).value(), key);
        } else {
            assertOneTomlLineChanged(key, old, now);
            DeploymentToml toml = DeploymentToml.parse(TextFile.utf8(d.source().location(runtime.offsetFile()), now));
            assertEquals(OFFSET, toml.effectiveOffset(-1), key);
        }

        Distribution again = LayoutDetector.detect(new FolderSource(copy, name));
        ApplyPlan second = OffsetApplier.plan(again, runtime.name(), OFFSET, new OffsetApplier.Options(false));
        assertFalse(second.changes(), key + ": a second apply must change nothing");
        OffsetApplier.write(second);
        assertArrayEquals(now, Files.readAllBytes(copy.resolve(runtime.offsetFile())), key);
    }

    /** The files differ in one run of digits only, on one line. */
    private static void assertOnlyValueChanged(String key, byte[] old, byte[] now) {
        int prefix = 0;
        while (prefix < old.length && prefix < now.length && old[prefix] == now[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < old.length - prefix && suffix < now.length - prefix
                && old[old.length - 1 - suffix] == now[now.length - 1 - suffix]) {
            suffix++;
        }
        String removed = new String(Arrays.copyOfRange(old, prefix, old.length - suffix), StandardCharsets.ISO_8859_1);
        String added = new String(Arrays.copyOfRange(now, prefix, now.length - suffix), StandardCharsets.ISO_8859_1);
        assertTrue(removed.matches("[0-9]*") && added.matches("[0-9]*") && !(removed + added).isEmpty(),
                key + ": changed '" + removed + "' to '" + added + "', expected digits only");
    }

    /** Exactly one offset line replaced or added, or a [server] table with it appended at the end. */
    private static void assertOneTomlLineChanged(String key, byte[] old, byte[] now) {
        List<String> a = Arrays.asList(new String(old, StandardCharsets.UTF_8).split("\n", -1));
        List<String> b = Arrays.asList(new String(now, StandardCharsets.UTF_8).split("\n", -1));
        Patch<String> patch = DiffUtils.diff(a, b);
        assertEquals(1, patch.getDeltas().size(), key + ": " + patch.getDeltas());
        AbstractDelta<String> delta = patch.getDeltas().get(0);
        List<String> added = delta.getTarget().getLines();
        if (delta.getType() == DeltaType.CHANGE) {
            assertEquals(1, delta.getSource().size(), key + ": " + delta);
            assertEquals(1, added.size(), key + ": " + delta);
            assertTrue(delta.getSource().getLines().get(0).contains("offset"), key + ": " + delta);
            assertTrue(TOML_OFFSET_LINE.matcher(added.get(0).replace("\r", "")).matches(), key + ": " + delta);
        } else if (delta.getType() == DeltaType.INSERT) {
            String last = added.get(added.size() - 1).replace("\r", "");
            assertTrue(TOML_OFFSET_LINE.matcher(last).matches(), key + ": " + delta);
            if (added.size() > 1) {
                assertTrue(added.stream().anyMatch(l -> l.replace("\r", "").equals("[server]")), key + ": " + delta);
                assertTrue(added.size() <= 3, key + ": " + delta);
            }
        } else {
            fail(key + ": unexpected " + delta);
        }
    }
}
