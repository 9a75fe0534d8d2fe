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
public record CheckResult(List<RuntimeInstance> instances, List<Container> containers, List<Finding> findings,
        List<Suppression> unusedSuppressions, boolean failOnWarning) {

    public CheckResult {
        instances = List.copyOf(instances);
        containers = List.copyOf(containers);
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
        return evaluate(instances, List.of(), reserved, options, suppressions, failOnClash, failOnWarning);
    }

    /** As above, with the containers of compose files. */
    public static CheckResult evaluate(List<RuntimeInstance> instances, List<Container> containers,
            List<ReservedPort> reserved, ClashDetector.Options options, List<Suppression> suppressions,
            boolean failOnClash, boolean failOnWarning) {
        // a modelled container's runtime is an instance on a host of its own (its network namespace)
        List<RuntimeInstance> all = new ArrayList<>(instances);
        containers.stream().filter(Container::modelled).forEach(c -> all.add(c.instance()));
        List<Finding> findings = new ArrayList<>();
        Set<Suppression> used = new HashSet<>();
        for (Finding f : ClashDetector.detect(all, containers, reserved, options)) {
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
        return new CheckResult(all, containers, findings, unused, failOnWarning);
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

    /** The hosts of the instances and of the containers' runtimes (each its own), and where containers publish. */
    public Set<String> hosts() {
        Set<String> out = instances.stream().map(RuntimeInstance::host).collect(Collectors.toCollection(TreeSet::new));
        containers.forEach(c -> out.add(c.host()));
        return out;
    }

    /** The instances configured as such, without the containers' runtimes. */
    private long configuredInstances() {
        return instances.size() - containers.stream().filter(Container::modelled).count();
    }

    /** The hosts machines are, without the containers' own namespaces. */
    private long machines() {
        Set<String> out = new TreeSet<>();
        Set<RuntimeInstance> inContainers = new HashSet<>();
        containers.stream().filter(Container::modelled).forEach(c -> inContainers.add(c.instance()));
        instances.stream().filter(i -> !inContainers.contains(i)).forEach(i -> out.add(i.host()));
        containers.forEach(c -> out.add(c.host()));
        return out.size();
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
        long hosts = machines();
        long n = configuredInstances();
        String services = containers.isEmpty() ? "" : (n == 0 ? "" : " and ") + containers.size()
                + (containers.size() == 1 ? " compose service" : " compose services");
        return goal + ": " + e + (e == 1 ? " error, " : " errors, ") + w + (w == 1 ? " warning" : " warnings")
                + kinds + (s > 0 ? ", " + s + " suppressed" : "") + " in " + (n == 0 && !containers.isEmpty() ? ""
                        : n + (n == 1 ? " instance" : " instances")) + services + " on " + hosts
                + (hosts == 1 ? " host" : " hosts");
    }
}
