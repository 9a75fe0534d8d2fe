package io.github.wso2ports.maven;

import io.github.wso2ports.Failed;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.check.CheckRequest;
import io.github.wso2ports.check.CheckResult;
import io.github.wso2ports.check.EstateCheck;
import io.github.wso2ports.check.Verdict;
import io.github.wso2ports.distribution.InputRecord;
import io.github.wso2ports.report.ReportFiles;

import org.apache.maven.plugins.annotations.Parameter;

import java.nio.file.Path;
import java.util.List;

/**
 * What check and report share: the suppressions, what fails the build, how the result is shown, the report files
 * and the effective ports published as properties.
 */
abstract class AbstractCheckMojo extends AbstractEstateMojo {

    /**
     * A file of accepted findings, so the gate can be turned on in an existing estate and the list burnt down: one
     * a line, {@code KIND HOST PORT [instance=ID] reason} (KIND, HOST and PORT may be {@code *}; PORT is
     * {@code tcp/9443}, {@code 9443} or {@code -}; the reason is mandatory). A suppressed finding does not fail the
     * build and still shows in the reports; a suppression that matches nothing is reported.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wso2-ports.suppressionsFile")
    protected String suppressionsFile;

    /**
     * Fail the build on errors (clashes, reserved ports, offsets); false prints them as warnings.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wso2-ports.failOnClash", defaultValue = "true")
    protected boolean failOnClash;

    /**
     * Fail the build on warnings too (ports below 1024, ports in the ephemeral range).
     *
     * @since 0.1.0
     */
    @Parameter(property = "wso2-ports.failOnWarning", defaultValue = "false")
    protected boolean failOnWarning;

    /**
     * Print every instance's full port table.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wso2-ports.verbose", defaultValue = "false")
    protected boolean verbose;

    /**
     * Where ports.json, ports.md and wso2-ports.sarif are written. Default: {@code target/wso2-ports} of the
     * project; without a pom, only where this says (never into a WSO2 home).
     *
     * @since 0.1.0
     */
    @Parameter(property = "wso2-ports.outputDirectory")
    protected String outputDirectory;

    /** Where the time of the last {@link #runCheck} went, for the debug log: reading, then detecting (ms). */
    protected long readMillis;
    protected long detectMillis;

    @Override
    protected CheckRequest request() {
        return super.request().withCheck(file(suppressionsFile, "<suppressionsFile>"), failOnClash, failOnWarning,
                verbose, reportFolder(), publishesProperties(), nextStep());
    }

    /** Whether the goal publishes the effective ports as project properties (check does, in a project). */
    protected boolean publishesProperties() {
        return false;
    }

    /** Where the reports go: an explicit outputDirectory, else the project's target/wso2-ports; none without a pom. */
    private CheckRequest.InputFile reportFolder() {
        CheckRequest.InputFile given = file(outputDirectory, "-Dwso2-ports.outputDirectory");
        if (given == null && hasPom()) {
            Path dir = Path.of(project.getBuild().getDirectory(), "wso2-ports");
            return new CheckRequest.InputFile(dir, display(dir), "-Dwso2-ports.outputDirectory");
        }
        return given;
    }

    /**
     * What the failure line suggests when instances clash: plan finds the smallest offsets that separate them (and
     * prints the pom's {@code <offset>} lines, or writes them).
     */
    private String nextStep() {
        if (hasInstances() && home == null) {
            return "; to separate them, run mvn wso2-ports:plan: it prints the <offset> of each instance to put in the "
                    + "pom (-Dwso2-ports.write writes them into the distributions)";
        }
        String where = home == null ? "" : " -Dwso2-ports.home=" + (home.contains(" ") ? "\"" + home + "\"" : home);
        return "; to separate them, run mvn wso2-ports:plan" + where + " (add -Dwso2-ports.write to write the offsets "
                + "it plans)";
    }

    /**
     * Reads everything and detects the findings; a problem reading any input is a build error.
     *
     * @param record notes the file-system facts the check relies on, or null
     */
    protected CheckResult runCheck(CheckRequest request, InputRecord record) {
        long started = System.nanoTime();
        EstateCheck.Estate estate = EstateCheck.read(request, record, this::display);
        long read = System.nanoTime();
        CheckResult result = EstateCheck.evaluate(estate, request);
        readMillis = (read - started) / 1_000_000;
        detectMillis = (System.nanoTime() - read) / 1_000_000;
        return result;
    }

    /** Prints the verdict's lines; the summary is the caller's. */
    protected void show(Verdict verdict) {
        verdict.lines().forEach(printer()::print);
    }

    /** Writes the report files where the request says; none without a pom unless an outputDirectory is given. */
    protected List<Path> writeReports(CheckRequest request, CheckResult result) {
        CheckRequest.InputFile dir = request.reports();
        if (dir == null) {
            getLog().info("No reports written: without a pom they go only where -Dwso2-ports.outputDirectory says");
            return List.of();
        }
        List<Path> files;
        try {
            files = ReportFiles.write(dir.path(), result, plugin == null ? "dev" : plugin.getVersion());
        } catch (Wso2PortsException e) {
            throw Failed.after(Wso2PortsException.Kind.BROKEN, List.of(dir.shown() + ": " + e.describe()),
                    "wso2-ports could not write its reports to " + dir.shown());
        }
        reportsWritten(files);
        return files;
    }

    protected void reportsWritten(List<Path> files) {
        getLog().info("Reports: " + String.join(", ", files.stream().map(this::display).toList()));
    }
}
