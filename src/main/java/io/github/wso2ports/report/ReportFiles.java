package io.github.wso2ports.report;

import io.github.wso2ports.IoWords;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.check.CheckResult;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the report files. Their bytes depend on the estate alone: no timestamps, no absolute paths (paths
 * are shown relative to the project), LF line ends on every platform, fixed field order and sorted content.
 */
public final class ReportFiles {

    public static final String JSON = "ports.json";
    public static final String MARKDOWN = "ports.md";
    public static final String SARIF = "wso2-ports.sarif";
    public static final String SVG = "ports.svg";

    private ReportFiles() {
    }

    /**
     * Writes ports.json, ports.md, ports.svg and wso2-ports.sarif into {@code dir}, each streamed straight to its file
     * and all at once (a 1,000-instance estate makes some 35 MB of them); returns their paths.
     */
    public static List<Path> write(Path dir, CheckResult result, String toolVersion) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw cannotWrite("the reports", e);
        }
        Map<Path, Body> reports = new LinkedHashMap<>();
        reports.put(dir.resolve(JSON), out -> json(result, out));
        reports.put(dir.resolve(MARKDOWN), out -> MarkdownReport.write(result, toolVersion, out));
        reports.put(dir.resolve(SVG), out -> SvgReport.write(result, out));
        reports.put(dir.resolve(SARIF), out -> sarif(result, toolVersion, out));
        // each writer keeps its failure, so none is still writing when the build hears of one
        Map<Path, Exception> failed = new ConcurrentHashMap<>();
        reports.entrySet().parallelStream().forEach(r -> {
            try (Writer out = Files.newBufferedWriter(r.getKey(), StandardCharsets.UTF_8)) {
                r.getValue().write(out);
            } catch (IOException | RuntimeException e) {
                failed.put(r.getKey(), e);
            }
        });
        for (Path report : reports.keySet()) {
            Exception e = failed.get(report);
            if (e instanceof IOException io) {
                throw cannotWrite(String.valueOf(report.getFileName()), io);
            } else if (e != null) {
                throw (RuntimeException) e;
            }
        }
        return List.copyOf(reports.keySet());
    }

    private static Wso2PortsException cannotWrite(String what, IOException e) {
        IoWords words = IoWords.of(e, false);
        // a full disk or a read-only file system has its own fix; anything else is the output directory's
        boolean disk = words.problem().startsWith("the disk") || words.problem().startsWith("the file system");
        return new Wso2PortsException(null, "cannot write " + what + ": " + words.problem(), disk ? words.fix()
                : "Make the output directory writable, or point -Dwso2-ports.outputDirectory elsewhere", e);
    }

    public static String json(CheckResult result) {
        return render(out -> json(result, out));
    }

    public static String svg(CheckResult result) {
        return render(out -> SvgReport.write(result, out));
    }

    public static String sarif(CheckResult result, String toolVersion) {
        return render(out -> sarif(result, toolVersion, out));
    }

    public static String markdown(CheckResult result, String toolVersion) {
        return render(out -> MarkdownReport.write(result, toolVersion, out));
    }

    private static void json(CheckResult result, Writer out) throws IOException {
        generate(out, g -> JsonReport.write(result, g));
    }

    private static void sarif(CheckResult result, String toolVersion, Writer out) throws IOException {
        generate(out, g -> SarifReport.write(result, toolVersion, g));
    }

    private interface Body {
        void write(Writer out) throws IOException;
    }

    private interface JsonBody {
        void write(JsonGenerator g) throws IOException;
    }

    private static String render(Body body) {
        StringWriter out = new StringWriter();
        try {
            body.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Two-space indents, LF line ends whatever the platform, a final line break. */
    private static void generate(Writer out, JsonBody body) throws IOException {
        DefaultIndenter lf = new DefaultIndenter("  ", "\n");
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(lf).withArrayIndenter(lf));
            body.write(g);
        }
        out.write('\n');
    }
}
