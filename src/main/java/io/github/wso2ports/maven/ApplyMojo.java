package io.github.wso2ports.maven;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.apply.ApplyPlan;
import io.github.wso2ports.apply.OffsetApplier;
import io.github.wso2ports.config.OffsetValue;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.distribution.Layout;
import io.github.wso2ports.distribution.LayoutDetector;

import org.apache.commons.io.FilenameUtils;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * Sets the port offset of a WSO2 distribution where the product really reads it, changing no other byte:
 * {@code <Ports><Offset>} in carbon.xml for Carbon 4 products, {@code [server] offset} in deployment.toml
 * for config-mapper products (API Manager 3+, Identity Server 5.9+, Micro Integrator 1.1+), the chosen
 * runtime's carbon.xml in multi-runtime distributions (EI 6.x, IoT 3.x).
 * <p>
 * Run it in the home folder of an unpacked distribution ({@code mvn wso2-ports:apply -Doffset=3}; no pom
 * needed), or point it elsewhere with {@code -Dwso2-ports.home}. In a project that configures
 * {@code <instances>}, it writes each instance's planned {@code <offset>}.
 * <p>
 * Every file is checked before any is written; a run that must refuse one file writes none. Writes are
 * atomic and keep the file's encoding, line breaks, comments and permissions. Archives are refused: apply never
 * edits a zip.
 */
@Mojo(name = "apply", requiresProject = false, threadSafe = true)
public class ApplyMojo extends AbstractWso2PortsMojo {

    /**
     * The port offset to set: a whole number from 0 up (every port that moves must stay within 65535).
     * Without it, each configured instance gets its planned {@code <offset>}.
     */
    @Parameter(property = "offset")
    private String offset;

    /**
     * In a multi-runtime distribution (EI 6.x, IoT 3.x), the runtime to change, such as {@code broker},
     * {@code business-process}, {@code analytics}, or an IoT profile ({@code backend}, {@code keymanager}).
     * Default: the primary runtime (EI's integrator, IoT's core).
     */
    @Parameter(property = "wso2-ports.runtime")
    private String runtime;

    /** With {@code -Doffset} in a project with several instances: the id of the instance to change. */
    @Parameter(property = "wso2-ports.instance")
    private String instance;

    /** Print a unified diff of what would change, and write nothing. */
    @Parameter(property = "wso2-ports.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Replace an offset that deployment.toml takes from the environment (written as $env{NAME} or
     * $sys{name}); by default such a file is left alone and the run fails.
     */
    @Parameter(property = "wso2-ports.replacePlaceholder", defaultValue = "false")
    private boolean replacePlaceholder;

    /**
     * A distribution to change, with the offset and runtime to set.
     *
     * @param instance the instance id when it comes from {@code <instances>}, else null
     * @param product  the instance's {@code <product>}, or null to detect it
     */
    private record Target(String instance, String label, File home, String runtime, String offset,
            String offsetSource, String product) {

        String prefix() {
            return instance == null ? "" : "instance " + instance + ": ";
        }
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping wso2-ports:apply (wso2-ports.skip)");
            return;
        }
        List<Target> targets = targets();
        List<ApplyPlan> plans = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Target t : targets) {
            try {
                int value = OffsetValue.parseRequested(t.offset(), t.offsetSource());
                Distribution d = LayoutDetector.detect(open(t.home()));
                plans.add(OffsetApplier.plan(d, t.runtime(), value,
                        new OffsetApplier.Options(replacePlaceholder, t.product())));
            } catch (Wso2PortsException e) {
                problems.add(t.prefix() + e.describe());
            }
        }
        problems.addAll(samePlannedFileTwice(targets, plans));
        if (!problems.isEmpty()) {
            problems.forEach(p -> getLog().error(p));
            throw new MojoFailureException("wso2-ports:apply refused " + problems.size() + " of " + targets.size()
                    + (targets.size() == 1 ? " distribution" : " distributions") + "; nothing was written");
        }
        for (int i = 0; i < plans.size(); i++) {
            ApplyPlan plan = plans.get(i);
            report(targets.get(i).label(), plan);
            if (!dryRun) {
                try {
                    OffsetApplier.write(plan);
                } catch (Wso2PortsException e) {
                    getLog().error(targets.get(i).prefix() + e.describe());
                    throw new MojoFailureException("wso2-ports:apply could not write " + plan.edit().location().file()
                            + (i > 0 ? "; the " + i + " distribution(s) listed before it were written" : ""));
                }
            }
        }
        if (dryRun) {
            getLog().info("Dry run (wso2-ports.dryRun): nothing was written");
        }
    }

    /**
     * Two targets that end in one file (two instances on one home and runtime) would be planned from the same bytes,
     * and the second write would be refused after the first succeeded: refuse both before anything is written.
     */
    private static List<String> samePlannedFileTwice(List<Target> targets, List<ApplyPlan> plans) {
        List<String> problems = new ArrayList<>();
        if (plans.size() != targets.size()) {
            return problems;
        }
        Map<Path, Integer> seen = new HashMap<>();
        for (int i = 0; i < plans.size(); i++) {
            Path file = plans.get(i).edit().path().toAbsolutePath().normalize();
            try {
                file = file.toRealPath();
            } catch (java.io.IOException e) {
                // the plan already read it; the normalized path is good enough to compare
            }
            Integer first = seen.putIfAbsent(file, i);
            if (first != null) {
                problems.add(plans.get(i).edit().location() + ": instances " + targets.get(first).label() + " and "
                        + targets.get(i).label() + " both set the offset of this one file. Give each instance its own "
                        + "home or runtime");
            }
        }
        return problems;
    }

    private List<Target> targets() throws MojoFailureException {
        if (home != null) {
            requireOffset();
            if (instance != null) {
                throw new MojoFailureException("-Dwso2-ports.home and -Dwso2-ports.instance both say which distribution "
                        + "to change: give one of them");
            }
            return List.of(new Target(null, home.getName(), home, runtime, offset, "-Doffset", null));
        }
        if (!hasInstances()) {
            requireOffset();
            return List.of(new Target(null, basedir.getName(), basedir, runtime, offset, "-Doffset", null));
        }
        List<Instance> chosen = new ArrayList<>();
        for (Instance i : instances) {
            if (i.getId() == null || i.getId().isBlank()) {
                throw new MojoFailureException("an <instance> has no <id>: give every instance a unique id");
            }
            if (i.getHome() == null) {
                throw new MojoFailureException("instance " + i.getId() + " has no <home>");
            }
            if (instance == null || instance.equals(i.getId())) {
                chosen.add(i);
            }
        }
        if (instance != null && chosen.isEmpty()) {
            throw new MojoFailureException("no instance has the id '" + instance + "' (wso2-ports.instance); the "
                    + "instances are " + instances.stream().map(Instance::getId).toList());
        }
        if (offset != null && chosen.size() > 1) {
            throw new MojoFailureException("-Doffset with " + chosen.size() + " instances: say which one with "
                    + "-Dwso2-ports.instance=ID (one of " + chosen.stream().map(Instance::getId).toList() + ")");
        }
        if (runtime != null && chosen.size() > 1) {
            throw new MojoFailureException("-Dwso2-ports.runtime with " + chosen.size() + " instances: say which "
                    + "instance with -Dwso2-ports.instance=ID (one of " + chosen.stream().map(Instance::getId).toList()
                    + "), or set <runtime> on the instances");
        }
        List<Target> targets = new ArrayList<>();
        for (Instance i : chosen) {
            String rt = runtime != null ? runtime : i.getRuntime();
            if (offset != null) {
                targets.add(new Target(i.getId(), i.getId(), i.getHome(), rt, offset, "-Doffset", i.getProduct()));
            } else if (i.getOffset() != null) {
                targets.add(new Target(i.getId(), i.getId(), i.getHome(), rt, i.getOffset(), "<offset>",
                        i.getProduct()));
            } else {
                getLog().info(i.getId() + ": no planned <offset>, left as it is");
            }
        }
        if (targets.isEmpty()) {
            throw new MojoFailureException("no instance has a planned <offset>, and no -Doffset was given: say which "
                    + "offset to set, for example -Doffset=3");
        }
        return targets;
    }

    private void requireOffset() throws MojoFailureException {
        if (offset == null || offset.isBlank()) {
            throw new MojoFailureException("no offset given: say which port offset to set, for example "
                    + "mvn wso2-ports:apply -Doffset=3");
        }
    }

    private FolderSource open(File dir) {
        Path path = dir.toPath();
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(path) && FilenameUtils.isExtension(name, "zip", "jar")) {
            throw new Wso2PortsException(null, display(path) + " is an archive; apply never edits archives",
                    "Unpack it and point -Dwso2-ports.home (or <home>) at the unpacked folder");
        }
        return FolderSource.open(path, display(path));
    }

    private void report(String label, ApplyPlan plan) {
        String who = label + (plan.distribution().layout() == Layout.MULTI_RUNTIME ? " runtime "
                + plan.runtime().name() : "");
        String was = plan.currentOffset() == null ? "a placeholder" : String.valueOf(plan.currentOffset());
        if (!plan.changes()) {
            getLog().info(who + ": port offset is already " + plan.offset() + " (" + plan.currentSource()
                    + "); file untouched");
        } else {
            getLog().info(who + ": " + (dryRun ? "would set" : "set") + " port offset " + was + " -> " + plan.offset()
                    + " in " + plan.edit().location() + " (" + plan.change() + ")");
        }
        plan.notes().forEach(n -> getLog().info("  " + n));
        plan.warnings().forEach(w -> getLog().warn("  " + w));
        if (!plan.others().isEmpty()) {
            getLog().info("  unchanged in this distribution:");
            plan.others().forEach(o -> getLog().info("    " + o));
        }
        if (dryRun && plan.changes()) {
            plan.edit().diff().forEach(line -> getLog().info(line));
        }
    }
}
