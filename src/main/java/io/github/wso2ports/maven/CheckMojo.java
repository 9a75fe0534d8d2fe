package io.github.wso2ports.maven;

import io.github.wso2ports.check.CheckCache;
import io.github.wso2ports.check.CheckResult;
import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.check.FindingKind;
import io.github.wso2ports.check.InputRecord;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads each instance's real configuration, computes the ports it will really listen on, verifies the planned
 * offsets, and fails the build when instances clash with one another or with reserved ports, naming both owners,
 * the port and the file and line. Bound to {@code verify}; runs without a pom too ({@code mvn wso2-ports:check}
 * in an unpacked distribution, or {@code -Dwso2-ports.home=DIR|ZIP}), where all runtimes of the distribution
 * count as co-hosted.
 * <p>
 * Every finding is printed on one line, {@code <host> <protocol>/<port> <kind>: <owner> <-> <owner>}, then a
 * summary; the build fails once. The reports (ports.json, ports.md, wso2-ports.sarif) go to
 * {@code target/wso2-ports}, and the effective ports become project properties
 * {@code wso2-ports.<instance>.<port id>}. A home, file or setting that cannot be read is a build error, never a
 * pass.
 * <p>
 * In a project, the result is kept in {@code target/wso2-ports-check.cache} with every file-system fact it relied
 * on; the next build whose settings and facts are all unchanged repeats it (the same lines, reports, properties and
 * outcome) without reading a distribution.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractCheckMojo {

    /**
     * Repeat the last result when nothing it read has changed (the same settings, the same files, folders and
     * contents); false reads everything every time. Only in a project: without a pom nothing is kept.
     */
    @Parameter(property = "wso2-ports.cache", defaultValue = "true")
    private boolean cache;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping wso2-ports:check (wso2-ports.skip)");
            return;
        }
        long started = System.nanoTime();
        Path cacheFile = cache && project != null && project.getFile() != null && project.getBuild() != null
                ? Path.of(project.getBuild().getDirectory(), "wso2-ports-check.cache") : null;
        String key = cacheFile == null ? null : cacheKey();
        CheckCache last = cacheFile == null ? null : CheckCache.load(cacheFile);
        String failure;
        if (last != null && last.key().equals(key) && InputRecord.stillHolds(last.facts())) {
            getLog().info("Nothing wso2-ports:check reads has changed since the last check (" + display(cacheFile)
                    + "): its result follows (-Dwso2-ports.cache=false reads everything again)");
            took(started);
            replay(last);
            failure = last.failure();
        } else {
            InputRecord record = cacheFile == null ? null : new InputRecord();
            Log log = getLog();
            CapturingLog capture = new CapturingLog(log);
            setLog(capture);
            Map<String, String> properties;
            try {
                CheckResult result = runCheck(record);
                long reporting = System.nanoTime();
                log(result);
                for (Path report : writeReports(result)) {
                    if (record != null) {
                        record.add(InputRecord.Kind.CONTENT, report, InputRecord.observe(InputRecord.Kind.CONTENT,
                                report));
                    }
                }
                properties = exportProperties(result);
                failure = result.fails() ? result.summary() + nextStep(result) : null;
                took(started);
                if (getLog().isDebugEnabled()) {
                    getLog().debug("  reading " + readMillis + " ms, detecting " + detectMillis + " ms, printing and "
                            + "reporting " + (System.nanoTime() - reporting) / 1_000_000 + " ms");
                }
                if (failure != null) {
                    getLog().error(failure);
                } else {
                    getLog().info(result.summary());
                }
            } finally {
                setLog(log);
            }
            if (cacheFile != null) {
                new CheckCache(key, record.facts(), capture.lines(), properties, failure).save(cacheFile);
            }
        }
        if (failure != null) {
            throw new MojoFailureException(failure);
        }
    }

    /**
     * What to run when instances clash with each other or with reserved ports: plan finds the smallest offsets that
     * separate them (and prints the pom's <offset> lines, or writes them).
     */
    private String nextStep(CheckResult result) {
        boolean clashes = result.findings().stream().anyMatch(f -> f.fails(failOnWarning)
                && (f.kind() == FindingKind.CLASH || f.kind() == FindingKind.RESERVED));
        if (!clashes) {
            return "";
        }
        if (hasInstances() && home == null) {
            return "; to separate them, run mvn wso2-ports:plan: it prints the <offset> of each instance to put in the "
                    + "pom (-Dwso2-ports.write writes them into the distributions)";
        }
        String where = home == null ? "" : " -Dwso2-ports.home=" + (home.contains(" ") ? "\"" + home + "\"" : home);
        return "; to separate them, run mvn wso2-ports:plan" + where + " (add -Dwso2-ports.write to write the offsets "
                + "it plans)";
    }

    private void took(long started) {
        if (getLog().isDebugEnabled()) {
            getLog().debug("wso2-ports:check took " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
    }

    private void replay(CheckCache last) {
        for (String[] line : last.log()) {
            CapturingLog.replay(getLog(), line);
        }
        last.properties().forEach(project.getProperties()::setProperty);
    }

    /** Everything besides the files that decides the result: the plugin build and every setting, as text. */
    private String cacheKey() throws MojoExecutionException {
        StringBuilder k = new StringBuilder("plugin ").append(plugin == null ? "dev" : plugin.getId());
        File jar = plugin == null || plugin.getPluginArtifact() == null ? null : plugin.getPluginArtifact().getFile();
        if (jar != null) {
            k.append(' ').append(jar.length()).append('@').append(jar.lastModified());
        }
        for (EstateReader.InstanceSpec s : specs()) {
            k.append("\ninstance ").append(s);
        }
        if (reservedPorts != null) {
            reservedPorts.forEach(r -> k.append("\nreserved ").append(List.of(String.valueOf(r.getPort()),
                    String.valueOf(r.getProtocol()), String.valueOf(r.getHost()), String.valueOf(r.getReason()))));
        }
        if (reservedProducts != null) {
            reservedProducts.forEach(r -> k.append("\nreserved product ").append(List.of(String.valueOf(r.getProduct()),
                    String.valueOf(r.getRuntime()), String.valueOf(r.getOffset()), String.valueOf(r.getHost()))));
        }
        if (links != null) {
            links.forEach(l -> k.append("\nlink ").append(List.of(String.valueOf(l.getFrom()), String.valueOf(l.getUrl()),
                    String.valueOf(l.getTo()))));
        }
        k.append("\nreserved file ").append(fileKey(typed(reservedPortsFile, "<reservedPortsFile>")));
        k.append("\nsuppressions ").append(fileKey(typed(suppressionsFile, "<suppressionsFile>")));
        k.append("\nseverities ").append(severities == null ? "" : new TreeMap<>(severities));
        k.append("\nephemeral ").append(ephemeralPorts).append(" failOnClash ").append(failOnClash)
                .append(" failOnWarning ").append(failOnWarning).append(" verbose ").append(verbose)
                .append(" output ").append(outputDirectory).append(" basedir ").append(basedir)
                .append(" build ").append(project.getBuild().getDirectory());
        return k.toString();
    }

    private static String fileKey(Path file) {
        if (file == null) {
            return "none";
        }
        return file + " " + InputRecord.observe(InputRecord.Kind.CONTENT, file);
    }
}
