package io.github.wso2ports.rewrite;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.apply.OffsetApplier;
import io.github.wso2ports.config.CarbonXml;
import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.distribution.LayoutDetector;
import io.github.wso2ports.testing.Corpus;
import io.github.wso2ports.testing.Trees;
import io.github.wso2ports.xml.XmlDocument;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * apply killed at any moment, or run twice at once, leaves a carbon.xml that parses and is byte for byte either
 * the old or a new version, never a mix. The kills hit a JVM of its own (SIGKILL, and a halt at each step of the
 * write); the versions are what apply writes in-process for each offset.
 */
class CrashSafetyTest {

    private static final String CARBON = "repository/conf/carbon.xml";
    private static final int[] OFFSETS = {0, 7, 123};

    @TempDir
    Path temp;

    private Path home;
    private final Map<String, Integer> versions = new HashMap<>();

    @BeforeEach
    void versions() {
        home = Corpus.copy("wso2am-2.6.0", temp);
        for (int offset : OFFSETS) {
            Path copy = Trees.copy(home, temp.resolve("version-" + offset));
            OffsetApplier.write(OffsetApplier.plan(LayoutDetector.detect(FolderSource.open(copy, "v")), null, offset,
                    new OffsetApplier.Options(false)));
            versions.put(key(Trees.read(copy.resolve(CARBON))), offset);
        }
        assertEquals(OFFSETS.length, versions.size(), "each offset gives its own bytes");
    }

    private static String key(byte[] bytes) {
        return Arrays.toString(bytes);
    }

    /** The file parses, is exactly one of the versions, and says that version's offset. */
    private void assertWhole(String after) {
        byte[] bytes = Trees.read(home.resolve(CARBON));
        Integer offset = versions.get(key(bytes));
        if (offset == null) {
            fail(after + ": carbon.xml is none of the versions (" + bytes.length + " bytes)");
        }
        assertEquals(offset.intValue(), CarbonXml.offset(XmlDocument.parse(Location.of(CARBON), bytes)).value(), after);
    }

    private Process worker(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ApplyWorker.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    @Test
    void aKillAtARandomMomentLeavesTheOldOrTheNewFile() throws Exception {
        long seed = Long.getLong("wso2ports.crashSeed", 20261124L);
        Random random = new Random(seed);
        String cycle = String.join(",", Arrays.stream(OFFSETS).mapToObj(String::valueOf).toList());
        for (int run = 0; run < 100; run++) {
            Process p = worker("loop", home.toString(), cycle);
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertEquals("ready", first, "the worker did not start");
            Thread.sleep(random.nextInt(40));
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertWhole("kill " + run + " (seed " + seed + ")");
        }
        assertTrue(leftovers().size() <= 1, "a killed run leaves at most its own temp file: " + leftovers());
    }

    @Test
    void aCrashAtEachStepOfTheWriteLeavesTheOldOrTheNewFile() throws Exception {
        for (AtomicWriter.Step step : AtomicWriter.Step.values()) {
            byte[] before = Trees.read(home.resolve(CARBON));
            Process p = worker("halt:" + step, home.toString(), "7");
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(3, p.waitFor(), step + " did not halt: " + said);
            assertWhole("halt at " + step);
            boolean moved = step.compareTo(AtomicWriter.Step.MOVED) >= 0;
            assertEquals(moved ? 7 : versions.get(key(before)), versions.get(key(Trees.read(home.resolve(CARBON)))),
                    step + ": the new bytes are there exactly once the move is done");
            // the next run that writes starts from what is there, and tidies what the crash left
            int next = versions.get(key(Trees.read(home.resolve(CARBON)))) == 123 ? 0 : 123;
            OffsetApplier.write(OffsetApplier.plan(LayoutDetector.detect(FolderSource.open(home, "home")), null, next,
                    new OffsetApplier.Options(false)));
            assertWhole("after the crash at " + step);
            assertEquals(List.of(), leftovers(), "temp files left after the run that followed " + step);
        }
    }

    @Test
    void twoApplyRunsAtOnceGiveOneWholeVersion() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path go = temp.resolve("go-" + round);
            Process a = worker("once", home.toString(), "7", go.toString());
            Process b = worker("once", home.toString(), "123", go.toString());
            Thread.sleep(300);
            Files.createFile(go);
            String saidA = new String(a.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String saidB = new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, a.waitFor());
            assertEquals(0, b.waitFor());
            for (String said : List.of(saidA, saidB)) {
                assertTrue(said.equals("written") || said.startsWith("refused: home/" + CARBON + ":")
                        && said.contains(": changed while this run was working on it"), said);
            }
            assertTrue(saidA.equals("written") || saidB.equals("written"), saidA + " / " + saidB);
            assertWhole("round " + round + ": " + saidA + " / " + saidB);
            int now = versions.get(key(Trees.read(home.resolve(CARBON))));
            assertTrue(now == 7 || now == 123, "the result is one run's version");
            // reset for the next round
            OffsetApplier.write(OffsetApplier.plan(LayoutDetector.detect(FolderSource.open(home, "home")), null, 0,
                    new OffsetApplier.Options(false)));
        }
    }

    @Test
    void aRunThatWaitedForTheLockSeesTheFirstRunsWriteAndRefuses() throws Exception {
        for (int round = 0; round < 3; round++) {
            Path signal = temp.resolve("locked-" + round);
            Process a = worker("slow", home.toString(), "7", signal.toString());
            Process b = worker("late", home.toString(), "123", signal.toString());
            String saidA = new String(a.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            String saidB = new String(b.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, a.waitFor());
            assertEquals(0, b.waitFor());
            assertEquals("written", saidA);
            assertTrue(saidB.startsWith("refused: home/" + CARBON + ":")
                    && saidB.contains(": changed while this run was working on it"), saidB);
            assertEquals(7, versions.get(key(Trees.read(home.resolve(CARBON)))), "the first run's write stands");
            OffsetApplier.write(OffsetApplier.plan(LayoutDetector.detect(FolderSource.open(home, "home")), null, 0,
                    new OffsetApplier.Options(false)));
        }
    }

    @Test
    void threadsOfOneJvmTakeTurns() throws Exception {
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> running = new ArrayList<>();
        List<Throwable> unexpected = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = OFFSETS[t % OFFSETS.length];
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    for (int n = 0; n < 50; n++) {
                        try {
                            OffsetApplier.write(OffsetApplier.plan(LayoutDetector.detect(FolderSource.open(home,
                                    "home")), null, offset, new OffsetApplier.Options(false)));
                        } catch (Wso2PortsException e) {
                            if (!e.describe().contains("changed while this run was working on it")) {
                                throw e;
                            }
                        }
                    }
                } catch (Throwable e) {
                    synchronized (unexpected) {
                        unexpected.add(e);
                    }
                }
            });
            thread.start();
            running.add(thread);
        }
        start.countDown();
        for (Thread t : running) {
            t.join();
        }
        assertEquals(List.of(), unexpected);
        assertWhole("after " + threads + " threads");
        assertEquals(List.of(), leftovers());
    }

    private List<String> leftovers() throws Exception {
        try (Stream<Path> s = Files.list(home.resolve("repository/conf"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".wso2-ports.tmp")).sorted().toList();
        }
    }

}
