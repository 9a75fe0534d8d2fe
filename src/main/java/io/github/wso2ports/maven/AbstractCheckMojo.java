package io.github.wso2ports.maven;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.check.CheckResult;
import io.github.wso2ports.check.Finding;
import io.github.wso2ports.check.InputRecord;
import io.github.wso2ports.check.RuntimeInstance;
import io.github.wso2ports.check.Severity;
import io.github.wso2ports.check.Suppression;
import io.github.wso2ports.ports.PortUse;
import io.github.wso2ports.report.ReportFiles;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What check and report share: the suppressions, detecting the findings, printing them, writing the report files and exporting the effective ports as properties.
 */
abstract class AbstractCheckMojo extends AbstractEstateMojo {

    /**
     * A file of accepted findings, so the gate can be turned on in an existing estate and the list burnt down: one
     * a line, {@code KIND HOST PORT [instance=ID] reason} (KIND, HOST and PORT may be {@code *}; PORT is
     * {@code tcp/9443}, {@code 9443} or {@code -}; the reason is mandatory). A suppressed finding does not fail the
     * build and still shows in the reports; a suppression that matches nothing is reported.
     */
    @Parameter(property = "wso2-ports.suppressionsFile")
    protected String suppressionsFile;

    /** Fail the build on errors (clashes, reserved ports, offsets); false prints them as warnings. */
    @Parameter(property = "wso2-ports.failOnClash", defaultValue = "true")
    protected boolean failOnClash;

    /** Fail the build on warnings too (ports below 1024, ports in the ephemeral range). */
    @Parameter(property = "wso2-ports.failOnWarning", defaultValue = "false")
    protected boolean failOnWarning;

    /** Print every instance's full port table. */
    @Parameter(property = "wso2-ports.verbose", defaultValue = "false")
    protected boolean verbose;

    /**
     * Where ports.json, ports.md and wso2-ports.sarif are written. Default: {@code target/wso2-ports} of the
     * project; without a pom, only where this says (never into a WSO2 home).
     */
    @Parameter(property = "wso2-ports.outputDirectory")
    protected String outputDirectory;

    /** Reads everything and detects the findings; a problem reading any input is a build error. */
    protected CheckResult runCheck() throws MojoExecutionException {
        return runCheck(null);
    }

    /** Where the time of the last {@link #runCheck} went, for the debug log: reading, then detecting (ms). */
    protected long readMillis;
    protected long detectMillis;

    /** @param record notes the file-system facts the check relies on, or null */
    protected CheckResult runCheck(InputRecord record) throws MojoExecutionException {
        long started = System.nanoTime();
        List<Wso2PortsException> errors = new ArrayList<>();
        Estate estate = readEstate(errors, record);
        List<Suppression> suppressions = new ArrayList<>();
        try {
            suppressions.addAll(suppressions());
        } catch (Wso2PortsException e) {
            errors.add(e);
        }
        failOn(errors);
        long read = System.nanoTime();
        CheckResult result = CheckResult.evaluate(estate.instances(), estate.reserved(), estate.options(), suppressions,
                failOnClash, failOnWarning);
        readMillis = (read - started) / 1_000_000;
        detectMillis = (System.nanoTime() - read) / 1_000_000;
        return result;
    }

    /** One line per instance, the findings aligned, stale suppressions; the summary is the caller's. */
    protected void log(CheckResult result) {
        for (RuntimeInstance i : result.instances()) {
            long listening = i.config().ports().stream().filter(PortUse::listens).count();
            var product = i.config().product();
            getLog().info(i.id() + " on " + i.host() + ": " + product.product().name()
                    + (product.version() == null ? "" : " " + product.version()) + ", offset " + i.offset() + " ("
                    + i.config().offsetSource() + "), " + listening + (listening == 1 ? " port" : " ports"));
            i.config().notes().forEach(n -> getLog().info("  " + n));
            if (verbose) {
                portTable(i);
            }
        }
        int hostWidth = result.findings().stream().mapToInt(f -> f.host().length()).max().orElse(0);
        int portWidth = result.findings().stream().mapToInt(f -> f.portColumn().length()).max().orElse(0);
        int kindWidth = result.findings().stream().mapToInt(f -> f.kind().label().length()).max().orElse(0);
        for (Finding f : result.findings()) {
            String line = f.describe(hostWidth, portWidth, kindWidth, !verbose);
            if (f.isSuppressed()) {
                getLog().info("suppressed " + line + " [" + f.suppression().reason() + ", " + f.suppression().location()
                        + "]");
            } else if (f.severity() == Severity.ERROR) {
                getLog().error(line);
            } else if (f.severity() == Severity.WARNING) {
                getLog().warn(line);
            } else {
                getLog().info(line);
            }
        }
        for (Suppression s : result.unusedSuppressions()) {
            getLog().warn(s.location() + ": this suppression matches no finding any more: remove it");
        }
    }

    private void portTable(RuntimeInstance i) {
        i.config().ports().stream()
                .sorted(Comparator.comparingLong((PortUse p) -> p.effective(i.offset())).thenComparing(p -> p.entry().id()))
                .forEach(p -> getLog().info(String.format(Locale.ROOT, "  %s/%-5d %-11s base %-5d %-44s %s%s%s",
                        p.entry().protocol(), p.effective(i.offset()), p.rule().name().toLowerCase(Locale.ROOT),
                        p.base(), p.entry().purpose(), p.provenance(),
                        p.bindAddress() == null ? "" : " bound to " + p.bindAddress(), p.enabled() ? "" : " (disabled)")));
    }

    /** Writes the report files where they belong; without a pom only to an explicit outputDirectory. */
    protected List<Path> writeReports(CheckResult result) throws MojoExecutionException {
        Path dir = typed(outputDirectory, "-Dwso2-ports.outputDirectory");
        if (dir == null && hasPom()) {
            dir = Path.of(project.getBuild().getDirectory(), "wso2-ports");
        }
        if (dir == null) {
            getLog().info("No reports written: without a pom they go only where -Dwso2-ports.outputDirectory says");
            return List.of();
        }
        List<Path> files;
        try {
            files = ReportFiles.write(dir, result, plugin == null ? "dev" : plugin.getVersion());
        } catch (Wso2PortsException e) {
            getLog().error(display(dir) + ": " + e.describe());
            throw new MojoExecutionException("wso2-ports could not write its reports to " + display(dir));
        }
        getLog().info("Reports: " + String.join(", ", files.stream().map(this::display).toList()));
        return files;
    }

    /**
     * Publishes each instance's effective ports as project properties, {@code wso2-ports.<instance>.<port id>}
     * (a {@code /} in an instance id becomes {@code .}; a second port of the same id gets {@code .2}), plus
     * {@code wso2-ports.<instance>.offset}, so later plugins use the same numbers.
     */
    protected Map<String, String> exportProperties(CheckResult result) {
        Map<String, String> exported = new LinkedHashMap<>();
        if (!hasPom()) {
            return exported;
        }
        for (RuntimeInstance i : result.instances()) {
            String prefix = "wso2-ports." + i.id().replace('/', '.') + ".";
            exported.put(prefix + "offset", String.valueOf(i.offset()));
            Map<String, Integer> seen = new HashMap<>();
            i.config().ports().stream().filter(PortUse::listens)
                    .sorted(Comparator.comparing((PortUse p) -> p.entry().id()).thenComparingLong(p -> p.effective(i.offset())))
                    .forEach(p -> {
                        int n = seen.merge(p.entry().id(), 1, Integer::sum);
                        String key = prefix + p.entry().id() + (n == 1 ? "" : "." + n);
                        exported.put(key, String.valueOf(p.effective(i.offset())));
                    });
        }
        exported.forEach(project.getProperties()::setProperty);
        return exported;
    }

    private List<Suppression> suppressions() {
        return suppressionsFile == null ? List.of()
                : Suppression.parseFile(readText(typed(suppressionsFile, "<suppressionsFile>"), "<suppressionsFile>"));
    }


}
