package io.github.wso2ports.maven;

import io.github.wso2ports.Failed;
import io.github.wso2ports.Printer;
import io.github.wso2ports.PropertyCheck;
import io.github.wso2ports.Unexpected;
import io.github.wso2ports.UserPaths;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.distribution.HostFolder;

import org.apache.commons.io.FilenameUtils;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What every goal shares: the estate's instances, a home given on the command line, skip, and how paths show. */
abstract class AbstractWso2PortsMojo extends AbstractMojo {

    /**
     * The WSO2 instances of the estate: each with an {@code <id>}, a {@code <home>} (an unpacked distribution
     * folder, or for reading only its .zip), and optionally {@code <host>} (default localhost), a planned
     * {@code <offset>}, a {@code <runtime>} of a multi-runtime distribution and a {@code <product>}.
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<Instance> instances;

    /**
     * A distribution to work on instead of the configured instances: the home folder of an unpacked WSO2
     * distribution (check also reads a distribution .zip). check, report and plan also take a folder of distributions
     * (each one directly in it an instance on this host) or a comma-separated list of homes. Default: the instances,
     * or else the current folder.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wso2-ports.home")
    protected String home;

    /**
     * Skip this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wso2-ports.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true)
    protected MavenSession session;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected PluginDescriptor plugin;

    /** Paths in messages are shown relative to this folder (the project, or the current folder without one). */
    @Parameter(defaultValue = "${basedir}", readonly = true, required = true)
    protected File basedir;

    /**
     * Runs the goal, and maps how it ends to the build's outcome, in this one place: a refusal
     * ({@link Wso2PortsException.Kind#REFUSED}) fails the build, a setup that is broken is a build error, and a bug (an
     * unexpected RuntimeException, a StackOverflowError, a failed assert) is one [ERROR] line naming the file being
     * read and asking for a report, never a stack trace at the default log level.
     */
    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        try {
            refuseMistypedProperties();
            if (skip) {
                getLog().info("Skipping wso2-ports:" + goal() + " (wso2-ports.skip)");
                return;
            }
            run();
        } catch (Wso2PortsException e) {
            fail(e.kind(), stopped(e));
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            getLog().error(Unexpected.problem(e, null).describe());
            throw new MojoExecutionException("wso2-ports stopped on an unexpected error (see the error above)", e);
        } finally {
            Unexpected.doneReading();
        }
    }

    /** Prints what stopped the goal, and returns the line the build ends with. */
    protected String stopped(Wso2PortsException e) {
        if (e instanceof Failed f) {
            f.lines().forEach(getLog()::error);
            return f.getMessage();
        }
        getLog().error(e.describe());
        return "wso2-ports stopped (see the error above)";
    }

    private static void fail(Wso2PortsException.Kind kind, String message)
            throws MojoExecutionException, MojoFailureException {
        if (kind == Wso2PortsException.Kind.BROKEN) {
            throw new MojoExecutionException(message);
        }
        throw new MojoFailureException(message);
    }

    /** The goal's name, as in {@code wso2-ports:check}: each goal's class is named after it (CheckMojo). */
    protected String goal() {
        String name = getClass().getSimpleName();
        return name.substring(0, name.length() - "Mojo".length()).toLowerCase(Locale.ROOT);
    }

    /** The Maven log, as the domain prints. */
    protected Printer printer() {
        Log log = getLog();
        return (level, text) -> {
            switch (level) {
                case ERROR -> log.error(text);
                case WARN -> log.warn(text);
                default -> log.info(text);
            }
        };
    }

    /**
     * Refuses, before anything is read or written, a wso2-ports.* property (from -D or the pom's properties) that no
     * goal of this plugin has, and a switch that is not true or false.
     */
    private void refuseMistypedProperties() {
        if (plugin == null || plugin.getMojos() == null) {
            return; // no descriptor (a unit test): nothing to check against
        }
        Map<String, Boolean> known = new HashMap<>();
        for (MojoDescriptor mojo : plugin.getMojos()) {
            for (org.apache.maven.plugin.descriptor.Parameter p : mojo.getParameters() == null
                    ? List.<org.apache.maven.plugin.descriptor.Parameter>of() : mojo.getParameters()) {
                String e = p.getExpression();
                if (e != null && e.startsWith("${" + PropertyCheck.PREFIX) && e.endsWith("}")) {
                    known.merge(e.substring(2, e.length() - 1), "boolean".equals(p.getType()), Boolean::logicalOr);
                }
            }
        }
        List<PropertyCheck.Given> given = new ArrayList<>();
        if (session != null && session.getUserProperties() != null) {
            session.getUserProperties().forEach((k, v) -> given.add(new PropertyCheck.Given(String.valueOf(k),
                    String.valueOf(v), "-D")));
        }
        if (project != null && project.getFile() != null) {
            String pom = display(project.getFile().toPath()) + " <properties>";
            project.getProperties().forEach((k, v) -> {
                if (session == null || !session.getUserProperties().containsKey(k)) {
                    given.add(new PropertyCheck.Given(String.valueOf(k), String.valueOf(v), pom));
                }
            });
        }
        given.sort(java.util.Comparator.comparing(PropertyCheck.Given::name));
        List<String> problems = PropertyCheck.problems(given, known);
        if (!problems.isEmpty()) {
            throw Failed.after(Wso2PortsException.Kind.REFUSED, problems, "wso2-ports refused " + (problems.size() == 1 ? "a mistyped setting"
                    : problems.size() + " mistyped settings") + " (see above); nothing was read or written");
        }
    }

    /** What the goal does; it ends early by throwing a {@link Wso2PortsException}. */
    protected abstract void run();

    protected boolean hasInstances() {
        return instances != null && !instances.isEmpty();
    }

    private UserPaths paths;

    /** Paths as the user typed them and as messages show them, relative to the project (or current) folder. */
    protected UserPaths paths() {
        if (paths == null) {
            paths = new UserPaths(basedir.toPath());
        }
        return paths;
    }

    /** An instance's home as the user typed it; an instance without one is a setup that cannot run. */
    protected Path homeOf(Instance instance) {
        if (instance.getHome() == null || instance.getHome().isBlank()) {
            throw Failed.with(Wso2PortsException.Kind.BROKEN, "instance " + instance.getId() + " has no <home>");
        }
        return typed(instance.getHome(), "<home> of " + instance.getId());
    }

    /** @see UserPaths#typed */
    protected Path typed(String text, String parameter) {
        return paths().typed(text, parameter);
    }

    /** @see UserPaths#display */
    protected String display(Path path) {
        return paths().display(path);
    }

    /**
     * Refuses the current folder when it is not a distribution's home but a folder inside one (run in
     * repository/conf), naming the home to run in instead.
     */
    protected void requireNotInsideADistribution(Path dir) {
        // the ancestors first: repository/ (conf/carbon.xml) or EI's wso2/broker/ look like a distribution themselves
        Path d = dir.toAbsolutePath().normalize();
        Path outermost = null;
        Path up = d.getParent();
        for (int i = 0; i < 4 && up != null; i++, up = up.getParent()) {
            if (HostFolder.isDistribution(up)) {
                outermost = up;
            }
        }
        if (outermost != null) {
            String shown = display(outermost);
            throw Failed.with(Wso2PortsException.Kind.REFUSED, "the current folder is not the home of a distribution but "
                    + "inside one: " + shown + " (" + outermost.getFileName() + "); run in it, or point -Dwso2-ports.home="
                    + shown + " at it");
        }
    }

    /** A distribution folder to write to; an archive is refused, since nothing here ever edits one. */
    protected FolderSource openFolder(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (Files.isRegularFile(path) && FilenameUtils.isExtension(name, "zip", "jar")) {
            throw new Wso2PortsException(null, display(path) + " is an archive; apply never edits archives",
                    "Unpack it and point -Dwso2-ports.home (or <home>) at the unpacked folder");
        }
        return FolderSource.open(path, display(path));
    }
}
