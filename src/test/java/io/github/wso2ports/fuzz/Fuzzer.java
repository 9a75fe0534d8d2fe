package io.github.wso2ports.fuzz;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.apply.ApplyPlan;
import io.github.wso2ports.apply.OffsetApplier;
import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.check.RuntimeInstance;
import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.distribution.LayoutDetector;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.testing.Trees;
import io.github.wso2ports.testing.Zips;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one fuzz case on a real distribution and says what came of it: an exact edit (apply changed the offset's value
 * and nothing else, and WSO2 reads the new offset from the file), a clean refusal (one clear error, nothing changed),
 * agreement (check reads the offset WSO2 reads), or bad (a crash, a hang, a silent disagreement with WSO2, a change
 * beyond the value).
 */
final class Fuzzer {

    /** A real distribution whose offset file is mutated. */
    record Target(String dist, String file, Mutator.Format format, String yamlParent) {

        Oracle.Verdict oracle(byte[] bytes, Path home) {
            return switch (format) {
                case XML -> Oracle.carbonXml(bytes);
                case TOML -> Oracle.deploymentToml(bytes, templateDefault(home));
                case YAML -> Oracle.carbon5Yaml(bytes, yamlParent);
            };
        }
    }

    /** The real distributions fuzzed: every offset format, single and multi-runtime, a product default offset. */
    static final List<Target> TARGETS = List.of(
            new Target("wso2am-2.6.0", "repository/conf/carbon.xml", Mutator.Format.XML, null),
            new Target("wso2esb-5.0.0", "repository/conf/carbon.xml", Mutator.Format.XML, null),
            new Target("wso2ei-6.6.0", "conf/carbon.xml", Mutator.Format.XML, null),
            new Target("wso2am-4.2.0", "repository/conf/deployment.toml", Mutator.Format.TOML, null),
            new Target("wso2is-5.11.0", "repository/conf/deployment.toml", Mutator.Format.TOML, null),
            new Target("wso2mi-4.3.0", "conf/deployment.toml", Mutator.Format.TOML, null),
            new Target("wso2sp-4.4.0", "conf/worker/deployment.yaml", Mutator.Format.YAML, "wso2.carbon"));

    enum Goal { CHECK, APPLY, ZIP }

    enum Outcome { EXACT_EDIT, UNCHANGED, REFUSED, AGREES, BAD }

    /**
     * A case: the target, the goal, the offset apply sets, the edits of the offset file and (for ZIP) of the zip.
     * As text, one line of the regressions file: {@code DIST GOAL OFFSET :: FILE-EDITS || ZIP-EDITS}.
     */
    record Case(Target target, Goal goal, int offset, List<Edit> edits, List<Edit> zipEdits) {

        String text() {
            return target.dist() + " " + goal.name().toLowerCase() + " " + offset + " :: "
                    + String.join(" ; ", edits.stream().map(Edit::text).toList())
                    + (zipEdits.isEmpty() ? "" : " || " + String.join(" ; ", zipEdits.stream().map(Edit::text).toList()));
        }

        static Case parse(String line) {
            Matcher m = Pattern.compile("(\\S+) (check|apply|zip) (\\d+) ::(.*?)(?:\\|\\|(.*))?").matcher(line.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("not a case: " + line);
            }
            Target t = TARGETS.stream().filter(x -> x.dist().equals(m.group(1))).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no target " + m.group(1)));
            return new Case(t, Goal.valueOf(m.group(2).toUpperCase()), Integer.parseInt(m.group(3)),
                    Edit.parseAll(m.group(4)), m.group(5) == null ? List.of() : Edit.parseAll(m.group(5)));
        }
    }

    record Result(Outcome outcome, String detail) {
    }

    private final Path corpus;
    private final Path work;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fuzz-case");
        t.setDaemon(true);
        return t;
    });

    Fuzzer(Path corpus, Path work) {
        this.corpus = corpus;
        this.work = work;
    }

    /** The case for a seed: a target, a goal, mutations of its offset file and, for ZIP, of its zip. */
    Case generate(long seed) {
        Random r = new Random(seed);
        Target t = TARGETS.get(r.nextInt(TARGETS.size()));
        Goal g = Goal.values()[r.nextInt(10) < 4 ? 0 : r.nextInt(10) < 8 ? 1 : 2];
        int offset = List.of(0, 1, 3, 10, 100, 65535, 2000).get(r.nextInt(7));
        Mutator m = new Mutator(r);
        byte[] file = Trees.read(corpus.resolve(t.dist()).resolve(t.file()));
        List<Edit> edits = g == Goal.ZIP && r.nextBoolean() ? List.of() : m.mutate(file, t.format());
        List<Edit> zipEdits = List.of();
        if (g == Goal.ZIP) {
            zipEdits = m.zip(zipOf(t, Edit.applyAll(edits, file), work.resolve("probe")));
        }
        return new Case(t, g, offset, edits, zipEdits);
    }

    private Path home(Case c, Path dir) {
        Path home = Trees.copy(corpus.resolve(c.target().dist()), dir.resolve(c.target().dist()));
        Path file = home.resolve(c.target().file());
        Trees.write(file, Edit.applyAll(c.edits(), Trees.read(file)));
        return home;
    }

    private byte[] zipOf(Target t, byte[] file, Path dir) {
        try {
            Trees.deleteRecursively(dir);
            Path home = Trees.copy(corpus.resolve(t.dist()), dir.resolve(t.dist()));
            Trees.write(home.resolve(t.file()), file);
            return Files.readAllBytes(Zips.zip(home, dir.resolve("z.zip")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs the case, with a time limit: a hang is bad too. */
    Result run(Case c) {
        Path dir = work.resolve("case");
        Trees.deleteRecursively(dir);
        Future<Result> f = runner.submit(() -> runNow(c, dir));
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Result(Outcome.BAD, "did not finish in 60 s");
        } catch (Exception e) {
            return new Result(Outcome.BAD, "the harness failed: " + e);
        }
    }

    private Result runNow(Case c, Path dir) {
        try {
            return switch (c.goal()) {
                case CHECK -> check(c, home(c, dir), false);
                case APPLY -> apply(c, home(c, dir));
                case ZIP -> {
                    Path home = home(c, dir);
                    Path zip = Zips.zip(home, dir.resolve(c.target().dist() + ".zip"));
                    Trees.write(zip, Edit.applyAll(c.zipEdits(), Trees.read(zip)));
                    yield check(c, zip, true);
                }
            };
        } catch (Throwable t) {
            return new Result(Outcome.BAD, "crashed: " + t + " at " + (t.getStackTrace().length > 0
                    ? t.getStackTrace()[0] : "?"));
        }
    }

    /** A problem the user can act on, or a sign of a bug: a Java exception, an "unexpected" report. */
    private static String unclean(String message) {
        if (message == null || message.isBlank()) {
            return "an empty message";
        }
        if (message.contains("failed unexpectedly") || message.matches(".*\\b(java|javax|org)\\.[a-z]+\\.[A-Za-z.]*"
                + "(Exception|Error)\\b.*")) {
            return "not a clear error: " + message;
        }
        return null;
    }

    private Result check(Case c, Path home, boolean zipped) {
        byte[] file = Edit.applyAll(c.edits(), Trees.read(corpus.resolve(c.target().dist()).resolve(c.target().file())));
        Oracle.Verdict verdict = c.target().oracle(file, corpus.resolve(c.target().dist()));
        Map<String, byte[]> before = Trees.snapshot(home.getParent());
        EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec("x", home, "home", "localhost",
                null, null, null, "apply")), Catalog.builtIn());
        if (!before.keySet().equals(Trees.snapshot(home.getParent()).keySet())) {
            return new Result(Outcome.BAD, "check changed the files");
        }
        if (!r.errors().isEmpty()) {
            String why = unclean(r.errors().get(0).describe());
            return why != null ? new Result(Outcome.BAD, why) : new Result(Outcome.REFUSED, r.errors().get(0).describe());
        }
        // the runtime whose offset file was mutated (a damaged zip may have renamed its folder: then nothing to compare)
        RuntimeInstance primary = r.instances().stream()
                .filter(i -> i.config().runtime().offsetFile().equals(c.target().file())).findFirst().orElse(null);
        if (primary == null) {
            return zipped ? new Result(Outcome.AGREES, "the damaged archive holds no " + c.target().file())
                    : new Result(Outcome.BAD, "no runtime read from " + c.target().file());
        }
        if (zipped && !c.zipEdits().isEmpty()) {
            // a damaged archive read anyway must give what the intact one gives
            verdict = c.target().oracle(file, corpus.resolve(c.target().dist()));
        }
        return agrees(verdict, primary.offset(), "check");
    }

    private static Result agrees(Oracle.Verdict verdict, int read, String who) {
        if (verdict instanceof Oracle.Runs runs) {
            return runs.offset() == read ? new Result(Outcome.AGREES, "offset " + read)
                    : new Result(Outcome.BAD, who + " reads offset " + read + " where WSO2 runs at " + runs.offset());
        }
        if (verdict instanceof Oracle.Unreadable u) {
            return new Result(Outcome.BAD, who + " reads offset " + read + " where WSO2 cannot read one (" + u.why() + ")");
        }
        return new Result(Outcome.AGREES, "offset " + read + " (WSO2 unsure: " + ((Oracle.Unsure) verdict).why() + ")");
    }

    private Result apply(Case c, Path home) {
        Path file = home.resolve(c.target().file());
        byte[] before = Trees.read(file);
        Map<String, byte[]> all = Trees.snapshot(home);
        try {
            ApplyPlan plan = OffsetApplier.plan(LayoutDetector.detect(FolderSource.open(home, "home")), null,
                    c.offset(), new OffsetApplier.Options(false));
            OffsetApplier.write(plan);
        } catch (Wso2PortsException e) {
            String why = unclean(e.describe());
            if (why != null) {
                return new Result(Outcome.BAD, why);
            }
            return changedBeyond(all, home, null) != null ? new Result(Outcome.BAD, "refused but changed "
                    + changedBeyond(all, home, null)) : new Result(Outcome.REFUSED, e.describe());
        }
        String other = changedBeyond(all, home, c.target().file());
        if (other != null) {
            return new Result(Outcome.BAD, "apply changed " + other);
        }
        byte[] after = Trees.read(file);
        Oracle.Verdict was = c.target().oracle(before, home);
        Oracle.Verdict now = c.target().oracle(after, home);
        if (java.util.Arrays.equals(before, after)) {
            return was instanceof Oracle.Runs r && r.offset() == c.offset() || was instanceof Oracle.Unsure
                    ? new Result(Outcome.UNCHANGED, "already " + c.offset())
                    : new Result(Outcome.BAD, "apply left the file as it was, where WSO2 reads " + was);
        }
        if (!(now instanceof Oracle.Runs r && r.offset() == c.offset()) && !(now instanceof Oracle.Unsure)) {
            return new Result(Outcome.BAD, "after apply WSO2 reads " + now + ", not offset " + c.offset());
        }
        String edit = onlyTheValue(before, after);
        return edit == null ? new Result(Outcome.EXACT_EDIT, "set " + c.offset())
                : new Result(Outcome.BAD, "the edit is more than the value: " + edit);
    }

    private static String changedBeyond(Map<String, byte[]> before, Path home, String except) {
        Map<String, byte[]> after = Trees.snapshot(home);
        if (!before.keySet().equals(after.keySet())) {
            return "the set of files";
        }
        for (Map.Entry<String, byte[]> e : before.entrySet()) {
            if (!e.getKey().equals(except) && !java.util.Arrays.equals(e.getValue(), after.get(e.getKey()))) {
                return e.getKey();
            }
        }
        return null;
    }

    /** One TOML key-value line: the key with its spacing, the value with what follows it. */
    private static final Pattern KEY_VALUE = Pattern.compile("([ \\t]*[\"']?(?:server\\.)?offset[\"']?[ \\t]*=[ \\t]*)(.*)");

    /** A number as TOML, YAML or XML may write it: digits, a sign, underscores, a 0x/0o/0b prefix. */
    private static final String NUMBER = "[+\\-]?(0?[xob])?[0-9a-fA-F_]*";

    /** An offset line as apply writes or uncomments it: {@code offset = 3}, {@code "offset" = "3"}. */
    private static final Pattern OFFSET_LINE = Pattern.compile(
            "[ \\t]*(\\[server\\](\\r?\\n|\\r))?[ \\t]*[\"']?(server\\.)?offset[\"']?[ \\t]*=[ \\t]*[\"']?[0-9]+[\"']?"
                    + "[^\\r\\n]*(\\r?\\n|\\r)?");

    /**
     * Null when the bytes differ only in the offset's value: its digits (a number in any notation replaced by
     * digits), or one offset line added or uncommented (the commented line's old value goes with it).
     */
    static String onlyTheValue(byte[] before, byte[] after) {
        String b = new String(before, StandardCharsets.ISO_8859_1);
        String a = new String(after, StandardCharsets.ISO_8859_1);
        int p = 0;
        while (p < b.length() && p < a.length() && b.charAt(p) == a.charAt(p)) {
            p++;
        }
        int s = 0;
        while (s < b.length() - p && s < a.length() - p && b.charAt(b.length() - 1 - s) == a.charAt(a.length() - 1 - s)) {
            s++;
        }
        String bMid = b.substring(p, b.length() - s);
        String aMid = a.substring(p, a.length() - s);
        if (bMid.matches("('''|\"\"\"|'|\")[+\\-]?[0-9]*\\1") && aMid.matches("[0-9]+")) {
            return null; // a number written as a TOML string, replaced by the number
        }
        if (bMid.replaceAll("\\\\u[0-9a-fA-F]{4}|\\\\U[0-9a-fA-F]{8}", "").matches(NUMBER) && aMid.matches("[0-9]*")) {
            // a number, in any notation or as TOML escapes ("\u0033"), replaced by digits
            return null;
        }
        // whole lines: the lines the change touches, before and after
        int from = b.lastIndexOf('\n', p - 1) + 1;
        from = Math.max(from, b.lastIndexOf('\r', p - 1) + 1);
        String bLines = lines(b, from, b.length() - s);
        String aLines = lines(a, from, a.length() - s);
        if (bMid.isEmpty() && OFFSET_LINE.matcher(aMid.replaceFirst("^(\\r?\\n|\\r)", "")).matches()) {
            return null; // an added line
        }
        if (bLines.strip().startsWith("#") && OFFSET_LINE.matcher(aLines).matches()) {
            return null; // an uncommented line
        }
        Matcher was = KEY_VALUE.matcher(bLines);
        Matcher now = KEY_VALUE.matcher(aLines);
        if (was.matches() && now.matches() && was.group(1).equals(now.group(1)) && now.group(2).matches("[\"']?[0-9]+[\"']?")) {
            return null; // the same key, its value (a string, a number in another notation) replaced by the number
        }
        return "'" + bMid.replace("\n", "\\n").replace("\r", "\\r") + "' -> '" + aMid.replace("\n", "\\n")
                .replace("\r", "\\r") + "' at byte " + p;
    }

    /** The text from {@code from} to the end of the line that holds {@code to}. */
    private static String lines(String t, int from, int to) {
        int end = to;
        while (end < t.length() && t.charAt(end) != '\n' && t.charAt(end) != '\r') {
            end++;
        }
        return t.substring(Math.min(from, end), end);
    }

    /** The offset the product's carbon.xml template falls back to, where the toml sets none (0 without one). */
    static int templateDefault(Path home) {
        for (String t : List.of("repository/resources/conf/templates/repository/conf/carbon.xml.j2",
                "repository/resources/conf/templates/conf/carbon.xml.j2")) {
            Path p = home.resolve(t);
            if (Files.isRegularFile(p)) {
                String text = new String(Trees.read(p), StandardCharsets.UTF_8);
                Matcher m = Pattern.compile("default\\(\\s*['\"]?([0-9]+)").matcher(text);
                m.region(Math.max(0, text.indexOf("<Offset>")), text.length());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        return 0;
    }

    void close() {
        runner.shutdownNow();
    }
}
