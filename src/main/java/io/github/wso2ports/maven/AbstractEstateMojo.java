package io.github.wso2ports.maven;

import io.github.wso2ports.Failed;
import io.github.wso2ports.Port;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.check.CheckRequest;
import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.distribution.HostFolder;

import org.apache.maven.plugins.annotations.Parameter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the goals that read the whole estate share (check, report, plan): the settings that say which instances make
 * the estate, which ports are reserved and what counts as a problem, turned once into a {@link CheckRequest}.
 */
abstract class AbstractEstateMojo extends AbstractWso2PortsMojo {

    /**
     * Ports no instance may listen on: each {@code <reservedPort>} has a {@code <port>} (a number or an inclusive
     * range such as 32768-60999), optionally {@code <protocol>} (tcp, the default, or udp), {@code <host>}
     * (default: every host) and {@code <reason>}.
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<ReservedPortSpec> reservedPorts;

    /**
     * A file of reserved ports shared across projects: one a line, {@code PORT[-PORT][/udp] [host=NAME] reason},
     * {@code #} starts a comment.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wso2-ports.reservedPortsFile")
    protected String reservedPortsFile;

    /**
     * WSO2 products that run on a host but are not instances here; their catalog ports are reserved. Each
     * {@code <reservedProduct>} has a {@code <product>} (a catalog key such as wso2am-analytics, optionally with a
     * version), and optionally a {@code <runtime>}, an {@code <offset>} and a {@code <host>}.
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<ReservedProductSpec> reservedProducts;

    /**
     * The OS ephemeral port range that instances should stay out of (Linux default; Windows: 49152-65535).
     *
     * @since 0.1.0
     */
    @Parameter(property = "wso2-ports.ephemeralPorts", defaultValue = Port.EPHEMERAL_DEFAULT)
    protected String ephemeralPorts;

    /**
     * Severity per finding kind (clash, reserved, offset, range, privileged, ephemeral, unshifted, ...): error, warning,
     * info or ignore, e.g. {@code <severities><ephemeral>ignore</ephemeral></severities>}.
     *
     * @since 0.1.0
     */
    @Parameter
    protected Map<String, String> severities;

    /**
     * Which instance a URL points at, where its host does not say (a DNS name, a load balancer): each
     * {@code <link>} has {@code <from>} (an instance id), {@code <url>} (a catalog URL id such as apim-key-manager)
     * and {@code <to>} (the instance it points at). Other URLs are matched by host and port.
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<LinkSpec> links;

    /**
     * docker-compose files whose services are part of the estate, beside or instead of {@code <instances>}: each WSO2
     * service is read as the container it runs (its image's product and version, the files it mounts or its
     * Dockerfile copies over the image's own), and its published host ports count on {@code <composeHost>}
     * (localhost, the default host of instances). Checked: ports published where the product does not listen, host
     * ports two services (or a service and an instance) publish, healthchecks that probe a port nothing listens on.
     *
     * @since 0.1.0
     */
    @Parameter
    protected List<String> composeFiles;

    /**
     * Compose files to check without a pom, comma-separated: {@code -Dwso2-ports.compose=docker-compose.yml}. Adds to
     * {@code <composeFiles>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wso2-ports.compose")
    protected String compose;

    /**
     * The host the compose files run on: their published ports clash with the instances whose {@code <host>} it is.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wso2-ports.composeHost", defaultValue = "localhost")
    protected String composeHost;

    /**
     * The request the settings make; a goal works it out once and passes it on (the cache key and the reading share
     * it). The check goals add their settings.
     */
    protected CheckRequest request() {
        return new CheckRequest(specs(), composeInputs(), composeHost == null || composeHost.isBlank() ? "localhost"
                : composeHost.strip(), pomLabel(),
                reservedPorts == null ? List.of() : reservedPorts.stream().map(r -> new CheckRequest.Reserved(
                        r.getPort(), r.getProtocol(), r.getHost(), r.getReason())).toList(),
                file(reservedPortsFile, "<reservedPortsFile>"),
                reservedProducts == null ? List.of() : reservedProducts.stream().map(r -> new CheckRequest.ReservedProduct(
                        r.getProduct(), r.getRuntime(), r.getOffset(), r.getHost())).toList(),
                ephemeralPorts, severities,
                links == null ? List.of() : links.stream().map(l -> new CheckRequest.LinkGiven(l.getFrom(), l.getUrl(),
                        l.getTo())).toList(),
                null, true, false, false, null, false, "");
    }

    /** The compose files given, in order: {@code <composeFiles>}, then -Dwso2-ports.compose. */
    private List<CheckRequest.InputFile> composeInputs() {
        List<CheckRequest.InputFile> out = new ArrayList<>();
        for (String f : composeFiles == null ? List.<String>of() : composeFiles) {
            if (f != null && !f.isBlank()) {
                out.add(file(f.strip(), "<composeFiles>"));
            }
        }
        for (String f : compose == null ? new String[0] : compose.split(",")) {
            if (!f.isBlank()) {
                out.add(file(f.strip(), "-Dwso2-ports.compose"));
            }
        }
        return out;
    }

    /** A file setting as the request holds it, or null when not given. */
    protected CheckRequest.InputFile file(String given, String setting) {
        Path path = typed(given, setting);
        return path == null ? null : new CheckRequest.InputFile(path, display(path), setting);
    }

    protected boolean hasPom() {
        return project != null && project.getFile() != null;
    }

    private List<EstateReader.InstanceSpec> specs() {
        List<EstateReader.InstanceSpec> specs = new ArrayList<>();
        if (home != null) {
            for (Path h : homes(home)) {
                specs.add(spec(h));
            }
        } else if (hasInstances()) {
            for (Instance i : instances) {
                Path h = homeOf(i);
                specs.add(new EstateReader.InstanceSpec(i.getId(), h, display(h),
                        i.getHost(), i.getOffset(), i.getRuntime(), i.getProduct(),
                        "mvn wso2-ports:apply -Dwso2-ports.instance=" + i.getId(), i.getJvmArgs(),
                        pomLabel() + " <jvmArgs> of " + i.getId()));
            }
        } else if (!composeInputs().isEmpty()) {
            return specs; // the compose files' services are the estate
        } else if (!hasPom()) {
            requireNotInsideADistribution(basedir.toPath());
            // the current folder: a distribution, or a folder of them
            for (Path h : homes(basedir.getAbsolutePath())) {
                specs.add(spec(h));
            }
        } else {
            throw Failed.with(Wso2PortsException.Kind.BROKEN, "no <instances> configured: list the WSO2 instances of the "
                    + "estate in the plugin's <configuration> (or <composeFiles>), or point -Dwso2-ports.home at a "
                    + "distribution");
        }
        return specs;
    }

    /**
     * The distributions -Dwso2-ports.home names: one home (a folder or zip), a comma-separated list of them, or a
     * folder of distributions (each distribution directly in it, its id its name), which are said, with what was skipped.
     */
    private List<Path> homes(String given) {
        List<Path> out = new ArrayList<>();
        for (String one : given.split(",")) {
            if (one.isBlank()) {
                continue;
            }
            Path p = typed(one, "-Dwso2-ports.home");
            if (!Files.isDirectory(p) || HostFolder.isDistribution(p)) {
                out.add(p); // a distribution, or what it cannot be read as: its reading says why
                continue;
            }
            HostFolder folder = HostFolder.scan(p);
            if (folder.distributions().isEmpty()) {
                out.add(p); // no distribution in it either: read it as one, which says what it lacks
                folder.skipped().forEach(s -> getLog().info("  " + display(p) + "/" + s));
                continue;
            }
            getLog().info(paths().shown(p) + " holds " + folder.distributions().size()
                    + (folder.distributions().size() == 1 ? " distribution: " : " distributions: ")
                    + String.join(", ", folder.distributions().stream().map(d -> d.getFileName().toString()).toList()));
            folder.skipped().forEach(s -> getLog().info("  skipped " + s));
            out.addAll(folder.distributions());
        }
        if (out.isEmpty()) {
            throw Failed.with(Wso2PortsException.Kind.BROKEN, "-Dwso2-ports.home names no distribution");
        }
        return out;
    }

    /** A distribution checked alone: its runtimes are the instances, nothing is planned. */
    private EstateReader.InstanceSpec spec(Path dir) {
        Path name = dir.toAbsolutePath().normalize().getFileName();
        String id = name == null ? "root" : name.toString().replaceFirst("(?i)\\.zip$", "");
        return new EstateReader.InstanceSpec(id, dir, display(dir), "localhost", null, null, null,
                "mvn wso2-ports:apply -Doffset=N");
    }

    protected String pomLabel() {
        return hasPom() ? display(project.getFile().toPath()) : "pom.xml";
    }
}
