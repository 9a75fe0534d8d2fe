package io.github.wso2ports.maven;

import io.github.wso2ports.check.CheckResult;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

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
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractCheckMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping wso2-ports:check (wso2-ports.skip)");
            return;
        }
        long started = System.nanoTime();
        CheckResult result = runCheck();
        log(result);
        writeReports(result);
        exportProperties(result);
        if (getLog().isDebugEnabled()) {
            getLog().debug("wso2-ports:check took " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
        if (result.fails()) {
            getLog().error(result.summary());
            throw new MojoFailureException(result.summary());
        }
        getLog().info(result.summary());
    }
}
