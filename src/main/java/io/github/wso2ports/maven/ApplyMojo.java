package io.github.wso2ports.maven;

import io.github.wso2ports.Failed;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.apply.OffsetWriter;
import io.github.wso2ports.distribution.HostFolder;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
     *
     * @since 0.1.0
     */
    @Parameter(property = "offset")
    String offset;

    /**
     * In a multi-runtime distribution (EI 6.x, IoT 3.x), the runtime to change, such as {@code broker},
     * {@code business-process}, {@code analytics}, or an IoT profile ({@code backend}, {@code keymanager}).
     * Default: the primary runtime (EI's integrator, IoT's core).
     *
     * @since 0.1.0
     */
    @Parameter(property = "wso2-ports.runtime")
    String runtime;

    /**
     * With {@code -Doffset} in a project with several instances: the id of the instance to change.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wso2-ports.instance")
    String instance;

    /**
     * Print a unified diff of what would change, and write nothing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wso2-ports.dryRun", defaultValue = "false")
    boolean dryRun;

    /**
     * Replace an offset that deployment.toml takes from the environment (written as $env{NAME} or
     * $sys{name}); by default such a file is left alone and the run fails.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wso2-ports.replacePlaceholder", defaultValue = "false")
    boolean replacePlaceholder;

    @Override
    protected void run() {
        new OffsetWriter(printer(), this::openFolder, "wso2-ports:apply").write(targets(), dryRun, replacePlaceholder);
    }

    private List<OffsetWriter.Target> targets() {
        if (home != null) {
            requireOffset();
            if (instance != null) {
                throw refused("-Dwso2-ports.home and -Dwso2-ports.instance both say which distribution "
                        + "to change: give one of them");
            }
            if (home.contains(",")) {
                throw refused("-Dwso2-ports.home names several distributions; apply sets the offset of "
                        + "one: name it alone (mvn wso2-ports:plan -Dwso2-ports.write sets the offsets of several)");
            }
            Path dir = typed(home, "-Dwso2-ports.home");
            if (Files.isDirectory(dir) && !HostFolder.isDistribution(dir)) {
                List<Path> in = HostFolder.scan(dir).distributions();
                if (!in.isEmpty()) {
                    String shown = paths().shown(dir);
                    throw refused(shown + " holds " + in.size() + " distributions ("
                            + String.join(", ", in.stream().map(p -> p.getFileName().toString()).toList())
                            + "); apply sets the offset of one: -Dwso2-ports.home=" + display(in.get(0))
                            + ", for example (mvn wso2-ports:plan -Dwso2-ports.write sets the offsets of them all)");
                }
            }
            return List.of(new OffsetWriter.Target(null, name(dir), dir, runtime, offset, "-Doffset", null));
        }
        if (!hasInstances()) {
            requireOffset();
            requireNotInsideADistribution(basedir.toPath());
            return List.of(new OffsetWriter.Target(null, name(basedir.toPath()), basedir.toPath(), runtime, offset,
                    "-Doffset", null));
        }
        List<Instance> chosen = new ArrayList<>();
        for (Instance i : instances) {
            if (i.getId() == null || i.getId().isBlank()) {
                throw Failed.with(Wso2PortsException.Kind.BROKEN, "an <instance> has no <id>: give every instance a "
                        + "unique id");
            }
            homeOf(i); // every instance needs a home, the chosen ones or not
            if (instance == null || instance.equals(i.getId())) {
                chosen.add(i);
            }
        }
        if (instance != null && chosen.isEmpty()) {
            throw refused("no instance has the id '" + instance + "' (wso2-ports.instance); the "
                    + "instances are " + instances.stream().map(Instance::getId).toList());
        }
        if (offset != null && chosen.size() > 1) {
            throw refused("-Doffset with " + chosen.size() + " instances: say which one with "
                    + "-Dwso2-ports.instance=ID (one of " + chosen.stream().map(Instance::getId).toList() + ")");
        }
        if (runtime != null && chosen.size() > 1) {
            throw refused("-Dwso2-ports.runtime with " + chosen.size() + " instances: say which "
                    + "instance with -Dwso2-ports.instance=ID (one of " + chosen.stream().map(Instance::getId).toList()
                    + "), or set <runtime> on the instances");
        }
        List<OffsetWriter.Target> targets = new ArrayList<>();
        for (Instance i : chosen) {
            String planned = offset != null ? offset : i.getOffset();
            if (planned == null) {
                getLog().info(i.getId() + ": no planned <offset>, left as it is");
                continue;
            }
            targets.add(new OffsetWriter.Target(i.getId(), i.getId(), homeOf(i), runtime != null ? runtime
                    : i.getRuntime(), planned, offset != null ? "-Doffset" : "<offset>", i.getProduct()));
        }
        if (targets.isEmpty()) {
            throw refused("no instance has a planned <offset>, and no -Doffset was given: say which "
                    + "offset to set, for example -Doffset=3");
        }
        return targets;
    }

    private static Failed refused(String message) {
        return Failed.with(Wso2PortsException.Kind.REFUSED, message);
    }

    /** A home's own name, for messages. */
    static String name(Path dir) {
        Path n = dir.toAbsolutePath().normalize().getFileName();
        return n == null ? dir.toString() : n.toString();
    }

    private void requireOffset() {
        if (offset == null || offset.isBlank()) {
            throw refused("no offset given: say which port offset to set, for example "
                    + "mvn wso2-ports:apply -Doffset=3");
        }
    }
}
