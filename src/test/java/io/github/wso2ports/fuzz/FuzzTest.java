package io.github.wso2ports.fuzz;

import io.github.wso2ports.testing.Corpus;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The seeded mutation fuzzer (issue 11): real offset files and zips of real distributions, mutated, then read by check
 * and written by apply; each case must end in an exact edit, a clean refusal or a reading that agrees with WSO2's
 * ({@link Oracle}). Every input ever found bad is replayed first (regressions.txt). The default run takes about a
 * minute; {@code -Dwso2ports.fuzz.cases=N} and {@code -Dwso2ports.fuzz.seed=S} run more or others. A bad case fails
 * the test, printed as the line to add to regressions.txt (also written to target/fuzz-bad.txt).
 */
class FuzzTest {

    private static final int CASES = Integer.getInteger("wso2ports.fuzz.cases", 12000);
    private static final long SEED = Long.getLong("wso2ports.fuzz.seed", 20261206L);

    @TempDir
    Path temp;

    private static List<String> regressions() throws IOException {
        String text = new String(Objects.requireNonNull(FuzzTest.class.getResourceAsStream("regressions.txt"))
                .readAllBytes(), StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }

    @Test
    void mutatedRealFilesEndInAnExactEditACleanRefusalOrAgreement() throws IOException {
        Fuzzer fuzzer = new Fuzzer(Corpus.files(), temp);
        Map<Fuzzer.Outcome, Integer> counts = new EnumMap<>(Fuzzer.Outcome.class);
        Map<Fuzzer.Goal, Long> millis = new EnumMap<>(Fuzzer.Goal.class);
        List<String> bad = new ArrayList<>();
        long started = System.nanoTime();
        try {
            List<Fuzzer.Case> cases = new ArrayList<>();
            for (String line : regressions()) {
                cases.add(Fuzzer.Case.parse(line));
            }
            int replayed = cases.size();
            for (int i = 0; i < CASES; i++) {
                Fuzzer.Case c = fuzzer.generate(SEED * 1_000_003L + i);
                // what a bad case would be kept as replays as the same case
                assertEquals(c.text(), Fuzzer.Case.parse(c.text()).text());
                cases.add(c);
            }
            for (int i = 0; i < cases.size(); i++) {
                Fuzzer.Case c = cases.get(i);
                long t = System.nanoTime();
                Fuzzer.Result r = fuzzer.run(c);
                long ms = (System.nanoTime() - t) / 1_000_000;
                millis.merge(c.goal(), ms, Long::sum);
                if (ms > 300) {
                    System.out.println("slow " + ms + " ms: " + r.outcome() + " " + c.text().substring(0,
                            Math.min(150, c.text().length())));
                }
                counts.merge(r.outcome(), 1, Integer::sum);
                if (r.outcome() == Fuzzer.Outcome.BAD) {
                    bad.add((i < replayed ? "regression " : "") + r.detail() + "\n    " + c.text());
                }
            }
        } finally {
            fuzzer.close();
        }
        System.out.printf("fuzz: %d cases (seed %d) in %d s: %s; ms per goal %s%n", CASES, SEED,
                (System.nanoTime() - started) / 1_000_000_000L, counts, millis);
        if (!bad.isEmpty()) {
            Files.writeString(Path.of("target", "fuzz-bad.txt"), String.join("\n", bad) + "\n");
        }
        assertEquals(List.of(), bad, bad.size() + " bad cases; add each case line to regressions.txt once fixed");
    }
}
