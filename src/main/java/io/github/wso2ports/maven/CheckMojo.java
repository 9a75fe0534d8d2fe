package io.github.wso2ports.maven;

import io.github.wso2ports.Failed;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.cache.CheckCache;
import io.github.wso2ports.check.CheckRequest;
import io.github.wso2ports.check.CheckResult;
import io.github.wso2ports.check.Verdict;
import io.github.wso2ports.distribution.InputRecord;

import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

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
 * In a project, the verdict is kept in {@code target/wso2-ports-check.cache} with every file-system fact it relied
 * on; the next build whose request and facts are all unchanged repeats it (the same lines, reports, properties and
 * outcome) without reading a distribution.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractCheckMojo {

    /**
     * Repeat the last result when nothing it read has changed (the same settings, the same files, folders and
     * contents); false reads everything every time. Only in a project: without a pom nothing is kept.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wso2-ports.cache", defaultValue = "true")
    boolean cache;

    @Override
    protected void run() {
        long started = System.nanoTime();
        CheckRequest request = request();
        Path cacheFile = cache && hasPom() && project.getBuild() != null
                ? Path.of(project.getBuild().getDirectory(), "wso2-ports-check.cache") : null;
        String key = cacheFile == null ? null : CheckCache.key(pluginStamp(), request);
        CheckCache last = cacheFile == null ? null : CheckCache.load(cacheFile);
        Verdict verdict;
        if (last != null && last.key().equals(key) && InputRecord.stillHolds(last.facts())) {
            getLog().info("Nothing wso2-ports:check reads has changed since the last check (" + display(cacheFile)
                    + "): its result follows (-Dwso2-ports.cache=false reads everything again)");
            verdict = last.verdict();
            show(verdict);
            if (!last.reports().isEmpty()) {
                reportsWritten(last.reports().stream().map(Path::of).toList());
            }
            took(started);
        } else {
            InputRecord record = cacheFile == null ? null : new InputRecord();
            CheckResult result = runCheck(request, record);
            long reporting = System.nanoTime();
            verdict = Verdict.of(result, request, "wso2-ports:check");
            show(verdict);
            List<Path> reports = writeReports(request, result);
            took(started);
            if (getLog().isDebugEnabled()) {
                getLog().debug("  reading " + readMillis + " ms, detecting " + detectMillis + " ms, printing and "
                        + "reporting " + (System.nanoTime() - reporting) / 1_000_000 + " ms");
            }
            if (cacheFile != null) {
                reports.forEach(r -> record.add(InputRecord.Kind.CONTENT, r, InputRecord.observe(
                        InputRecord.Kind.CONTENT, r)));
                new CheckCache(key, record.facts(), verdict, reports.stream().map(Path::toString).toList())
                        .save(cacheFile);
            }
        }
        if (!verdict.properties().isEmpty()) {
            verdict.properties().forEach(project.getProperties()::setProperty);
        }
        if (verdict.failure() != null) {
            getLog().error(verdict.failure());
            throw Failed.with(Wso2PortsException.Kind.REFUSED, verdict.failure());
        }
        getLog().info(verdict.summary());
    }

    @Override
    protected boolean publishesProperties() {
        return hasPom();
    }

    /** The plugin build: its id, and its jar's size and time (a rebuilt snapshot is another plugin). */
    private String pluginStamp() {
        StringBuilder k = new StringBuilder(plugin == null ? "dev" : plugin.getId());
        File jar = plugin == null || plugin.getPluginArtifact() == null ? null : plugin.getPluginArtifact().getFile();
        if (jar != null) {
            k.append(' ').append(jar.length()).append('@').append(jar.lastModified());
        }
        return k.toString();
    }

    private void took(long started) {
        if (getLog().isDebugEnabled()) {
            getLog().debug("wso2-ports:check took " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
    }
}
