package io.github.wso2ports.report;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.check.CheckResult;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the three report files. Their bytes depend on the estate alone: no timestamps, no absolute paths (paths
 * are shown relative to the project), LF line ends on every platform, fixed field order and sorted content.
 */
public final class ReportFiles {

    public static final String JSON = "ports.json";
    public static final String MARKDOWN = "ports.md";
    public static final String SARIF = "wso2-ports.sarif";

    private ReportFiles() {
    }

    /** Writes ports.json, ports.md and wso2-ports.sarif into {@code dir}; returns their paths. */
    public static List<Path> write(Path dir, CheckResult result, String toolVersion) {
        try {
            Files.createDirectories(dir);
            Path json = dir.resolve(JSON);
            Path md = dir.resolve(MARKDOWN);
            Path sarif = dir.resolve(SARIF);
            Files.writeString(json, json(result), StandardCharsets.UTF_8);
            Files.writeString(md, MarkdownReport.render(result, toolVersion), StandardCharsets.UTF_8);
            Files.writeString(sarif, sarif(result, toolVersion), StandardCharsets.UTF_8);
            return List.of(json, md, sarif);
        } catch (IOException e) {
            throw new Wso2PortsException(null, "cannot write the reports: " + e, "Make the output directory "
                    + "writable, or point -Dwso2-ports.outputDirectory elsewhere", e);
        }
    }

    public static String json(CheckResult result) {
        return render(g -> JsonReport.write(result, g));
    }

    public static String sarif(CheckResult result, String toolVersion) {
        return render(g -> SarifReport.write(result, toolVersion, g));
    }

    public static String markdown(CheckResult result, String toolVersion) {
        return MarkdownReport.render(result, toolVersion);
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static String render(Body body) {
        StringWriter out = new StringWriter();
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf));
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }
}
