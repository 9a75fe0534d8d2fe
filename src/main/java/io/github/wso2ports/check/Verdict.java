package io.github.wso2ports.check;

import io.github.wso2ports.Printer;
import io.github.wso2ports.ports.PortUse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A check's result as the build shows it: the lines it prints (one per instance, the findings aligned, stale
 * suppressions), the project properties it publishes, its summary and, when the build must fail, the failure line.
 * Worked out from the result and the request alone, so a repeated build shows exactly what the first one did.
 *
 * @param failure the line the build fails with, or null when it passes
 */
public record Verdict(List<Printer.Line> lines, Map<String, String> properties, String summary, String failure) {

    public Verdict {
        lines = List.copyOf(lines);
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** @param goal the goal the summary names ({@code wso2-ports:check}) */
    public static Verdict of(CheckResult result, CheckRequest request, String goal) {
        List<Printer.Line> lines = new ArrayList<>();
        Printer out = (level, text) -> lines.add(new Printer.Line(level, text));
        print(result, request.verbose(), out);
        String summary = result.summary(goal);
        String failure = result.fails() ? summary + nextStep(result, request) : null;
        return new Verdict(lines, request.exportProperties() ? properties(result) : Map.of(), summary, failure);
    }

    private static void print(CheckResult result, boolean verbose, Printer out) {
        Map<RuntimeInstance, Container> containers = new HashMap<>();
        result.containers().stream().filter(Container::modelled).forEach(c -> containers.put(c.instance(), c));
        for (RuntimeInstance i : result.instances()) {
            long listening = i.config().ports().stream().filter(PortUse::listens).count();
            var product = i.config().product();
            Container c = containers.get(i);
            String where = c == null ? " on " + i.host() : " (the container of " + c.service().service().location()
                    + ", " + c.service().image() + ")";
            out.info(i.id() + where + ": " + product.product().name()
                    + (product.version() == null ? "" : " " + product.version()) + ", offset " + i.offset() + " ("
                    + i.config().offsetSource() + "), " + listening + (listening == 1 ? " port" : " ports"));
            i.config().notes().forEach(n -> out.info("  " + n));
            if (verbose) {
                portTable(i, out);
            }
        }
        int hostWidth = result.findings().stream().mapToInt(f -> f.host().length()).max().orElse(0);
        int portWidth = result.findings().stream().mapToInt(f -> f.portColumn().length()).max().orElse(0);
        int kindWidth = result.findings().stream().mapToInt(f -> f.kind().label().length()).max().orElse(0);
        for (Finding f : result.findings()) {
            String line = f.describe(hostWidth, portWidth, kindWidth, !verbose);
            if (f.isSuppressed()) {
                out.info("suppressed " + line + " [" + f.suppression().reason() + ", " + f.suppression().location() + "]");
            } else if (f.severity() == Severity.ERROR) {
                out.error(line);
            } else if (f.severity() == Severity.WARNING) {
                out.warn(line);
            } else {
                out.info(line);
            }
        }
        for (Suppression s : result.unusedSuppressions()) {
            out.warn(s.location() + ": this suppression matches no finding any more: remove it");
        }
    }

    private static void portTable(RuntimeInstance i, Printer out) {
        i.config().ports().stream()
                .sorted(Comparator.comparingLong((PortUse p) -> p.effective(i.offset())).thenComparing(p -> p.entry().id()))
                .forEach(p -> out.info(String.format(Locale.ROOT, "  %s/%-5d %-11s base %-5d %-44s %s%s%s",
                        p.entry().protocol(), p.effective(i.offset()), p.rule().name().toLowerCase(Locale.ROOT),
                        p.base(), p.entry().purpose(), p.provenance(),
                        p.bindAddress() == null ? "" : " bound to " + p.bindAddress(), p.enabled() ? "" : " (disabled)")));
    }

    /** What to run when instances clash with each other or with reserved ports: plan separates them. */
    private static String nextStep(CheckResult result, CheckRequest request) {
        boolean clashes = result.findings().stream().anyMatch(f -> f.fails(request.failOnWarning())
                && (f.kind() == FindingKind.CLASH || f.kind() == FindingKind.RESERVED));
        return clashes ? request.nextStep() : "";
    }

    /**
     * Each instance's effective ports as project properties, {@code wso2-ports.<instance>.<port id>} (a {@code /} in
     * an instance id becomes {@code .}; a second port of the same id gets {@code .2}), plus
     * {@code wso2-ports.<instance>.offset}, so later plugins use the same numbers.
     */
    static Map<String, String> properties(CheckResult result) {
        Map<String, String> exported = new LinkedHashMap<>();
        for (RuntimeInstance i : result.instances()) {
            String prefix = "wso2-ports." + i.id().replace('/', '.') + ".";
            exported.put(prefix + "offset", String.valueOf(i.offset()));
            Map<String, Integer> seen = new HashMap<>();
            i.config().ports().stream().filter(PortUse::listens)
                    .sorted(Comparator.comparing((PortUse p) -> p.entry().id()).thenComparingLong(p -> p.effective(i.offset())))
                    .forEach(p -> {
                        int n = seen.merge(p.entry().id(), 1, Integer::sum);
                        exported.put(prefix + p.entry().id() + (n == 1 ? "" : "." + n),
                                String.valueOf(p.effective(i.offset())));
                    });
        }
        return exported;
    }
}
