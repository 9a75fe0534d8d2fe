package io.github.wso2ports.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The outcome of checking an estate: its instances with their ports, the findings (suppressed ones included, marked),
 * and the suppressions that matched nothing any more. The console, the report files and the site page all show this.
 */
public record CheckResult(List<RuntimeInstance> instances, List<Finding> findings, List<Suppression> unusedSuppressions,
        boolean failOnWarning) {

    public CheckResult {
        instances = List.copyOf(instances);
        findings = List.copyOf(findings);
        unusedSuppressions = List.copyOf(unusedSuppressions);
    }

    /**
     * Detects the findings of an estate and applies the settings that decide what fails the build.
     *
     * @param failOnClash false turns errors into warnings
     */
    public static CheckResult evaluate(List<RuntimeInstance> instances, List<ReservedPort> reserved,
            ClashDetector.Options options, List<Suppression> suppressions, boolean failOnClash, boolean failOnWarning) {
        List<Finding> findings = new ArrayList<>();
        Set<Suppression> used = new HashSet<>();
        for (Finding f : ClashDetector.detect(instances, reserved, options)) {
            if (!failOnClash && f.severity() == Severity.ERROR) {
                f = f.withSeverity(Severity.WARNING);
            }
            // the first match suppresses; every match counts as used, so none is reported stale while it matches
            for (Suppression s : suppressions) {
                if (s.matches(f)) {
                    f = f.isSuppressed() ? f : f.suppressedBy(s);
                    used.add(s);
                }
            }
            findings.add(f);
        }
        List<Suppression> unused = suppressions.stream().filter(s -> !used.contains(s)).toList();
        return new CheckResult(instances, findings, unused, failOnWarning);
    }

    public long errors() {
        return count(Severity.ERROR);
    }

    public long warnings() {
        return count(Severity.WARNING);
    }

    public long suppressed() {
        return findings.stream().filter(Finding::isSuppressed).count();
    }

    private long count(Severity s) {
        return findings.stream().filter(f -> !f.isSuppressed() && f.severity() == s).count();
    }

    /** True when the build must fail. */
    public boolean fails() {
        return findings.stream().anyMatch(f -> f.fails(failOnWarning));
    }

    public Set<String> hosts() {
        return instances.stream().map(RuntimeInstance::host).collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code wso2-ports:check: 2 errors, 1 warning (clash 2, ephemeral 1), 1 suppressed in 5 instances on 2 hosts} */
    public String summary() {
        return summary("wso2-ports:check");
    }

    /** The summary, led by the goal that reports it ({@code wso2-ports:report}). */
    public String summary(String goal) {
        Map<String, Long> byKind = new TreeMap<>(findings.stream().filter(f -> !f.isSuppressed())
                .filter(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)
                .collect(Collectors.groupingBy(f -> f.kind().label(), Collectors.counting())));
        String kinds = byKind.isEmpty() ? "" : " (" + byKind.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
        long e = errors();
        long w = warnings();
        long s = suppressed();
        int hosts = hosts().size();
        return goal + ": " + e + (e == 1 ? " error, " : " errors, ") + w + (w == 1 ? " warning" : " warnings")
                + kinds + (s > 0 ? ", " + s + " suppressed" : "") + " in " + instances.size()
                + (instances.size() == 1 ? " instance" : " instances") + " on " + hosts + (hosts == 1 ? " host" : " hosts");
    }
}
