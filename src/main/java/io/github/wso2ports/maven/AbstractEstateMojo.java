package io.github.wso2ports.maven;

import io.github.wso2ports.IoWords;
import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.check.ClashDetector;
import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.check.FindingKind;
import io.github.wso2ports.check.InputRecord;
import io.github.wso2ports.check.Link;
import io.github.wso2ports.check.ReservedPort;
import io.github.wso2ports.check.ReservedProducts;
import io.github.wso2ports.check.RuntimeInstance;
import io.github.wso2ports.check.Severity;
import io.github.wso2ports.config.OffsetValue;
import io.github.wso2ports.distribution.HostFolder;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.text.TextFile;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the goals that read the whole estate share (check, report, plan): the instances as read from their files,
 * the reserved ports, and the settings that decide what counts as a problem.
 */
abstract class AbstractEstateMojo extends AbstractWso2PortsMojo {

    /**
     * Ports no instance may listen on: each {@code <reservedPort>} has a {@code <port>} (a number or an inclusive
     * range such as 32768-60999), optionally {@code <protocol>} (tcp, the default, or udp), {@code <host>}
     * (default: every host) and {@code <reason>}.
     */
    @Parameter
    protected List<ReservedPortSpec> reservedPorts;

    /**
     * A file of reserved ports shared across projects: one a line, {@code PORT[-PORT][/udp] [host=NAME] reason},
     * {@code #} starts a comment.
     */
    @Parameter(property = "wso2-ports.reservedPortsFile")
    protected String reservedPortsFile;

    /**
     * WSO2 products that run on a host but are not instances here; their catalog ports are reserved. Each
     * {@code <reservedProduct>} has a {@code <product>} (a catalog key such as wso2am-analytics, optionally with a
     * version), and optionally a {@code <runtime>}, an {@code <offset>} and a {@code <host>}.
     */
    @Parameter
    protected List<ReservedProductSpec> reservedProducts;

    /** The OS ephemeral port range that instances should stay out of (Linux default; Windows: 49152-65535). */
    @Parameter(property = "wso2-ports.ephemeralPorts", defaultValue = "32768-60999")
    protected String ephemeralPorts;

    /**
     * Severity per finding kind (clash, reserved, offset, range, privileged, ephemeral, unshifted, ...): error, warning, info or
     * ignore, e.g. {@code <severities><ephemeral>ignore</ephemeral></severities>}.
     */
    @Parameter
    protected Map<String, String> severities;

    /**
     * Which instance a URL points at, where its host does not say (a DNS name, a load balancer): each
     * {@code <link>} has {@code <from>} (an instance id), {@code <url>} (a catalog URL id such as apim-key-manager)
     * and {@code <to>} (the instance it points at). Other URLs are matched by host and port.
     */
    @Parameter
    protected List<LinkSpec> links;

    /** The estate as read: its instances, the reserved ports and the detection settings. */
    protected record Estate(List<RuntimeInstance> instances, List<ReservedPort> reserved,
            ClashDetector.Options options) {
    }

    /**
     * Reads the instances, the reserved ports and the settings; what cannot be read goes to {@code errors} (the
     * caller prints them all and fails once, see {@link #failOn}).
     */
    protected Estate readEstate(List<Wso2PortsException> errors) throws MojoExecutionException {
        return readEstate(errors, null);
    }

    /** @param record notes the file-system facts the reading relies on, or null */
    protected Estate readEstate(List<Wso2PortsException> errors, InputRecord record) throws MojoExecutionException {
        Catalog catalog = Catalog.builtIn();
        EstateReader.Result estate = EstateReader.read(specs(), catalog, Location.of(pomLabel() + " <instances>"),
                record);
        errors.addAll(estate.errors());
        List<ReservedPort> reserved = new ArrayList<>();
        ClashDetector.Options options = ClashDetector.Options.defaults();
        try {
            reserved.addAll(reserved(catalog));
            options = options();
        } catch (Wso2PortsException e) {
            errors.add(e);
        }
        return new Estate(estate.instances(), reserved, options);
    }

    /** Prints every input problem and fails the build once, when there is any. */
    protected void failOn(List<Wso2PortsException> errors) throws MojoExecutionException {
        if (!errors.isEmpty()) {
            errors.forEach(e -> getLog().error(e.describe()));
            throw new MojoExecutionException("wso2-ports could not read " + errors.size()
                    + (errors.size() == 1 ? " thing" : " things") + " it needs (see the errors above)");
        }
    }

    protected boolean hasPom() {
        return project != null && project.getFile() != null;
    }

    /** The instances as configured, worked out once (the cache key and the reading share them). */
    private List<EstateReader.InstanceSpec> specs;

    /** The distribution each spec id names, for the goals that write (plan). */
    protected final Map<String, Path> homes = new java.util.LinkedHashMap<>();

    protected List<EstateReader.InstanceSpec> specs() throws MojoExecutionException {
        if (specs == null) {
            specs = List.copyOf(configuredSpecs());
            specs.forEach(s -> homes.put(s.id(), s.home()));
        }
        return specs;
    }

    private List<EstateReader.InstanceSpec> configuredSpecs() throws MojoExecutionException {
        List<EstateReader.InstanceSpec> specs = new ArrayList<>();
        if (home != null) {
            for (Path h : homes(home)) {
                specs.add(spec(h));
            }
        } else if (hasInstances()) {
            for (Instance i : instances) {
                if (i.getHome() == null || i.getHome().isBlank()) {
                    throw new MojoExecutionException("instance " + i.getId() + " has no <home>");
                }
                Path h = typed(i.getHome(), "<home> of " + i.getId());
                specs.add(new EstateReader.InstanceSpec(i.getId(), h, display(h),
                        i.getHost(), i.getOffset(), i.getRuntime(), i.getProduct(),
                        "mvn wso2-ports:apply -Dwso2-ports.instance=" + i.getId(), i.getJvmArgs(),
                        pomLabel() + " <jvmArgs> of " + i.getId()));
            }
        } else if (!hasPom()) {
            try {
                requireNotInsideADistribution(basedir.toPath());
            } catch (org.apache.maven.plugin.MojoFailureException e) {
                throw new MojoExecutionException(e.getMessage());
            }
            // the current folder: a distribution, or a folder of them
            for (Path h : homes(basedir.getAbsolutePath())) {
                specs.add(spec(h));
            }
        } else {
            throw new MojoExecutionException("no <instances> configured: list the WSO2 instances of the estate in the "
                    + "plugin's <configuration>, or point -Dwso2-ports.home at a distribution");
        }
        return specs;
    }

    /**
     * The distributions -Dwso2-ports.home names: one home (a folder or zip), a comma-separated list of them, or a
     * folder of distributions (each distribution directly in it, its id its name), which are said, with what was skipped.
     */
    private List<Path> homes(String given) throws MojoExecutionException {
        List<Path> out = new ArrayList<>();
        for (String one : given.split(",")) {
            if (one.isBlank()) {
                continue;
            }
            Path p = typed(one, "-Dwso2-ports.home");
            if (!java.nio.file.Files.isDirectory(p) || HostFolder.isDistribution(p)) {
                out.add(p); // a distribution, or what it cannot be read as: its reading says why
                continue;
            }
            HostFolder folder = HostFolder.scan(p);
            if (folder.distributions().isEmpty()) {
                out.add(p); // no distribution in it either: read it as one, which says what it lacks
                folder.skipped().forEach(s -> getLog().info("  " + display(p) + "/" + s));
                continue;
            }
            String shown = display(p).isEmpty() ? "." : display(p);
            getLog().info(shown + " holds " + folder.distributions().size()
                    + (folder.distributions().size() == 1 ? " distribution: " : " distributions: ")
                    + String.join(", ", folder.distributions().stream().map(d -> d.getFileName().toString()).toList()));
            folder.skipped().forEach(s -> getLog().info("  skipped " + s));
            out.addAll(folder.distributions());
        }
        if (out.isEmpty()) {
            throw new MojoExecutionException("-Dwso2-ports.home names no distribution");
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

    private List<ReservedPort> reserved(Catalog catalog) {
        List<ReservedPort> out = new ArrayList<>();
        if (reservedPorts != null) {
            for (ReservedPortSpec r : reservedPorts) {
                out.add(ReservedPort.of(r.getPort(), r.getProtocol(), r.getHost(), r.getReason(),
                        pomLabel() + " <reservedPorts>", null));
            }
        }
        if (reservedPortsFile != null) {
            out.addAll(ReservedPort.parseFile(readText(typed(reservedPortsFile, "<reservedPortsFile>"),
                    "<reservedPortsFile>")));
        }
        if (reservedProducts != null) {
            for (ReservedProductSpec r : reservedProducts) {
                Integer offset = r.getOffset() == null ? null
                        : OffsetValue.parseRequested(r.getOffset(), "<reservedProduct> <offset>");
                out.addAll(ReservedProducts.ports(catalog, r.getProduct(), r.getRuntime(), offset, r.getHost(),
                        pomLabel() + " <reservedProducts>"));
            }
        }
        return out;
    }

    protected TextFile readText(Path file, String parameter) {
        Location where = Location.of(display(file));
        if (!Files.exists(file)) {
            throw new Wso2PortsException(where, "does not exist", "Fix " + parameter + " or create the file");
        }
        if (Files.isDirectory(file)) {
            throw new Wso2PortsException(where, "is a folder, not a file", "Point " + parameter + " at the file");
        }
        try {
            return TextFile.utf8(where, Files.readAllBytes(file));
        } catch (IOException e) {
            throw new Wso2PortsException(where, "cannot be read: " + IoWords.of(e, false).problem(), "Fix " + parameter
                    + " or create the file");
        }
    }

    private ClashDetector.Options options() {
        ReservedPort range = ReservedPort.of(ephemeralPorts, "tcp", null, "ephemeral", "wso2-ports.ephemeralPorts", null);
        Map<FindingKind, Severity> bySeverity = new EnumMap<>(FindingKind.class);
        if (severities != null) {
            for (Map.Entry<String, String> e : severities.entrySet()) {
                FindingKind kind = null;
                for (FindingKind k : FindingKind.values()) {
                    if (k.label().equalsIgnoreCase(e.getKey().strip())) {
                        kind = k;
                    }
                }
                if (kind == null) {
                    throw new Wso2PortsException(null, "<severities> names unknown finding kind '" + e.getKey() + "'",
                            "Use one of: " + FindingKind.labels());
                }
                try {
                    bySeverity.put(kind, Severity.parse(e.getValue()));
                } catch (IllegalArgumentException ex) {
                    throw new Wso2PortsException(null, "<severities> <" + e.getKey() + "> is '" + e.getValue() + "'",
                            "Use error, warning, info or ignore");
                }
            }
        }
        List<Link> explicit = new ArrayList<>();
        if (links != null) {
            for (LinkSpec l : links) {
                if (l.getFrom() == null || l.getUrl() == null || l.getTo() == null) {
                    throw new Wso2PortsException(null, "a <link> needs <from>, <url> and <to>",
                            "For example <link><from>apim</from><url>apim-key-manager</url><to>km</to></link>");
                }
                explicit.add(new Link(l.getFrom().strip(), l.getUrl().strip(), l.getTo().strip()));
            }
        }
        return new ClashDetector.Options(range.from(), range.to(), bySeverity, explicit);
    }
}
