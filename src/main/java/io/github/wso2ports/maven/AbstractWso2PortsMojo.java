package io.github.wso2ports.maven;

import io.github.wso2ports.PropertyCheck;
import io.github.wso2ports.Unexpected;
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
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** What every goal shares: the estate's instances, a home given on the command line, skip, and how paths show. */
abstract class AbstractWso2PortsMojo extends AbstractMojo {

    /**
     * The WSO2 instances of the estate: each with an {@code <id>}, a {@code <home>} (an unpacked distribution
     * folder, or for reading only its .zip), and optionally {@code <host>} (default localhost), a planned
     * {@code <offset>}, a {@code <runtime>} of a multi-runtime distribution and a {@code <product>}.
     */
    @Parameter
    protected List<Instance> instances;

    /**
     * A distribution to work on instead of the configured instances: the home folder of an unpacked WSO2
     * distribution (check also reads a distribution .zip). check, report and plan also take a folder of distributions
     * (each one directly in it an instance on this host) or a comma-separated list of homes. Default: the instances,
     * or else the current folder.
     */
    @Parameter(property = "wso2-ports.home")
    protected String home;

    /** Skip this goal. */
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
     * Runs the goal; a bug (an unexpected RuntimeException, a StackOverflowError, a failed assert) becomes one [ERROR]
     * line naming the file being read and asking for a report, never a stack trace at the default log level.
     */
    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        refuseMistypedProperties();
        try {
            run();
        } catch (Wso2PortsException e) {
            getLog().error(e.describe());
            throw new MojoFailureException("wso2-ports stopped (see the error above)");
        } catch (RuntimeException | StackOverflowError | AssertionError e) {
            getLog().error(Unexpected.problem(e, null).describe());
            throw new MojoExecutionException("wso2-ports stopped on an unexpected error (see the error above)", e);
        } finally {
            Unexpected.doneReading();
        }
    }

    /**
     * Refuses, before anything is read or written, a wso2-ports.* property (from -D or the pom's properties) that no
     * goal of this plugin has, and a switch that is not true or false.
     */
    private void refuseMistypedProperties() throws MojoFailureException {
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
            problems.forEach(getLog()::error);
            throw new MojoFailureException("wso2-ports refused " + (problems.size() == 1 ? "a mistyped setting"
                    : problems.size() + " mistyped settings") + " (see above); nothing was read or written");
        }
    }

    /** What the goal does. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    protected boolean hasInstances() {
        return instances != null && !instances.isEmpty();
    }

    /** Absolute paths the user typed that lie outside the project folder: shown absolute, as typed. */
    private final List<Path> typedAbsolute = new CopyOnWriteArrayList<>();

    /**
     * A path parameter as the user typed it, resolved against the project (or current) folder; null when not given.
     * Maven would resolve a File parameter itself and lose whether it was typed absolute, which messages keep.
     *
     * @param parameter how the parameter is named in messages
     */
    protected Path typed(String text, String parameter) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Path p;
        try {
            p = Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new Wso2PortsException(null, parameter + " '" + text + "' is not a path this system can use ("
                    + e.getReason() + ")", "Fix " + parameter);
        }
        if (!p.isAbsolute()) {
            return base().resolve(p).normalize();
        }
        Path absolute = p.normalize();
        if (!absolute.startsWith(base())) {
            typedAbsolute.add(absolute);
        }
        return absolute;
    }

    private Path base() {
        return basedir.toPath().toAbsolutePath().normalize();
    }

    /**
     * A path as the user should see it: under an absolute path the user typed outside the project, absolute as typed;
     * otherwise relative to the project (or current) folder, with {@code ..} when outside it. So a message holds an
     * absolute path only where the user typed one (one inside the project, as {@code ${project.basedir}/dist} gives,
     * shows relative), and absolute otherwise only across file-system roots.
     */
    protected String display(Path path) {
        Path base = base();
        Path p = path.toAbsolutePath().normalize();
        if (p.equals(base)) {
            return "";
        }
        for (Path root : typedAbsolute) {
            if (p.startsWith(root)) {
                return FilenameUtils.separatorsToUnix(p.toString());
            }
        }
        if (base.getRoot() == null || !base.getRoot().equals(p.getRoot())) {
            return p.toString();
        }
        return FilenameUtils.separatorsToUnix(base.relativize(p).toString());
    }

    /**
     * Refuses the current folder when it is not a distribution's home but a folder inside one (run in
     * repository/conf), naming the home to run in instead.
     */
    protected void requireNotInsideADistribution(Path dir) throws MojoFailureException {
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
            throw new MojoFailureException("the current folder is not the home of a distribution but inside one: "
                    + shown + " (" + outermost.getFileName() + "); run in it, or point -Dwso2-ports.home=" + shown
                    + " at it");
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
