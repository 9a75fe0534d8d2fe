package io.github.wso2ports.maven;

import io.github.wso2ports.Failed;
import io.github.wso2ports.Unexpected;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.check.CheckRequest;
import io.github.wso2ports.check.CheckResult;
import io.github.wso2ports.check.Finding;
import io.github.wso2ports.check.Severity;
import io.github.wso2ports.check.Verdict;
import io.github.wso2ports.ports.BindAddress;
import io.github.wso2ports.report.PortRow;
import io.github.wso2ports.report.ReportFiles;

import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.util.List;
import java.util.Locale;

/**
 * Writes the same reports as check (ports.json, ports.md, wso2-ports.sarif) without failing the build on findings,
 * and, as a Maven report in {@code <reporting>}, gives {@code mvn site} a "WSO2 ports" page: the findings first,
 * then the port map per host. Inputs that cannot be read still fail, as in check.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.SITE, requiresProject = false, threadSafe = true)
public class ReportMojo extends AbstractCheckMojo implements MavenReport {

    /** Where the site page goes; set by the site plugin. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true)
    private File reportOutputDirectory;

    @Override
    protected void run() {
        CheckRequest request = request();
        CheckResult result = runCheck(request, null);
        show(Verdict.of(result, request, "wso2-ports:report"));
        writeReports(request, result);
        getLog().info(result.summary("wso2-ports:report") + " (report only: the build does not fail on findings)");
    }

    @Override
    public void generate(Sink sink, Locale locale) throws MavenReportException {
        CheckResult result;
        try {
            CheckRequest request = request();
            result = runCheck(request, null);
            writeReports(request, result);
        } catch (Failed e) {
            throw new MavenReportException(stopped(e), e);
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            // as in execute: one clear line, not a trace
            String problem = (Unexpected.isBug(e) ? Unexpected.problem(e, null) : (Wso2PortsException) e).describe();
            getLog().error(problem);
            throw new MavenReportException("wso2-ports could not write the report: " + problem);
        } finally {
            Unexpected.doneReading();
        }
        sink.head();
        sink.title();
        sink.text("WSO2 ports");
        sink.title_();
        sink.head_();
        sink.body();
        sink.section1();
        sink.sectionTitle1();
        sink.text("WSO2 ports");
        sink.sectionTitle1_();
        sink.paragraph();
        sink.text(result.summary("").substring(2));
        sink.paragraph_();
        sink.section2();
        sink.sectionTitle2();
        sink.text("Findings");
        sink.sectionTitle2_();
        if (result.findings().isEmpty()) {
            sink.paragraph();
            sink.text("None.");
            sink.paragraph_();
        } else {
            sink.table();
            sink.tableRows();
            row(sink, true, "Severity", "Finding");
            for (Finding f : result.findings()) {
                String severity = (f.isSuppressed() ? "suppressed " : "") + f.severity().name().toLowerCase(Locale.ROOT);
                sink.tableRow();
                sink.tableCell();
                if (!f.isSuppressed() && f.severity() == Severity.ERROR) {
                    sink.bold();
                    sink.text(severity);
                    sink.bold_();
                } else {
                    sink.text(severity);
                }
                sink.tableCell_();
                cell(sink, f.describe() + (f.isSuppressed() ? " (accepted: " + f.suppression().reason() + ")" : ""));
                sink.tableRow_();
            }
            sink.tableRows_();
            sink.table_();
        }
        sink.section2_();
        // the picture before the tables: each host's ports at a glance, clashes in red (ports.svg, inline)
        sink.section2();
        sink.sectionTitle2();
        sink.text("Port map");
        sink.sectionTitle2_();
        String svg = ReportFiles.svg(result);
        sink.rawText(svg.substring(svg.indexOf("<svg")));
        sink.section2_();
        List<PortRow> rows = PortRow.of(result);
        for (String host : result.hosts()) {
            sink.section2();
            sink.sectionTitle2();
            sink.text("Host " + host);
            sink.sectionTitle2_();
            sink.table();
            sink.tableRows();
            row(sink, true, "Port", "Protocol", "Instance", "Purpose", "Offset rule", "Base", "Source", "Bind address");
            for (PortRow r : rows) {
                if (r.host().equals(host)) {
                    row(sink, false, String.valueOf(r.port()), r.protocol(), r.instance(), r.purpose()
                            + (r.outbound() ? " (outbound only)" : ""), r.rule(), String.valueOf(r.base()),
                            r.source(), BindAddress.display(r.bindAddress()));
                }
            }
            sink.tableRows_();
            sink.table_();
            sink.section2_();
        }
        sink.section1_();
        sink.body_();
        sink.flush();
        sink.close();
    }

    private static void row(Sink sink, boolean header, String... cells) {
        sink.tableRow();
        for (String c : cells) {
            if (header) {
                sink.tableHeaderCell();
                sink.text(c);
                sink.tableHeaderCell_();
            } else {
                cell(sink, c);
            }
        }
        sink.tableRow_();
    }

    private static void cell(Sink sink, String text) {
        sink.tableCell();
        sink.text(text);
        sink.tableCell_();
    }

    @Override
    public String getOutputName() {
        return "wso2-ports";
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return "WSO2 ports";
    }

    @Override
    public String getDescription(Locale locale) {
        return "The ports each WSO2 instance will listen on, per host, and the clashes between them.";
    }

    @Override
    public void setReportOutputDirectory(File outputDirectory) {
        this.reportOutputDirectory = outputDirectory;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    @Override
    public boolean canGenerateReport() {
        return !skip && (hasInstances() || home != null);
    }
}
