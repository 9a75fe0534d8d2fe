package io.github.wso2ports.maven;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.check.CheckResult;
import io.github.wso2ports.check.ClashDetector;
import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.check.Finding;
import io.github.wso2ports.check.FindingKind;
import io.github.wso2ports.check.Link;
import io.github.wso2ports.check.ReservedPort;
import io.github.wso2ports.check.ReservedProducts;
import io.github.wso2ports.check.RuntimeInstance;
import io.github.wso2ports.check.Severity;
import io.github.wso2ports.check.Suppression;
import io.github.wso2ports.config.OffsetValue;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.ports.PortUse;
import io.github.wso2ports.report.ReportFiles;
import io.github.wso2ports.text.TextFile;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What check and report share: reading the estate, the reserved ports and the suppressions, detecting the
 * findings, printing them, writing the report files and exporting the effective ports as properties.
 */
abstract class AbstractCheckMojo extends AbstractWso2PortsMojo {

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
    protected File reservedPortsFile;

    /**
     * WSO2 products that run on a host but are not instances here; their catalog ports are reserved. Each
     * {@code <reservedProduct>} has a {@code <product>} (a catalog key such as wso2am-analytics, optionally with a
     * version), and optionally a {@code <runtime>}, an {@code <offset>} and a {@code <host>}.
     */
    @Parameter
    protected List<ReservedProductSpec> reservedProducts;

    /**
     * A file of accepted findings, so the gate can be turned on in an existing estate and the list burnt down: one
     * a line, {@code KIND HOST PORT [instance=ID] reason} (KIND, HOST and PORT may be {@code *}; PORT is
     * {@code tcp/9443}, {@code 9443} or {@code -}; the reason is mandatory). A suppressed finding does not fail the
     * build and still shows in the reports; a suppression that matches nothing is reported.
     */
    @Parameter(property = "wso2-ports.suppressionsFile")
    protected File suppressionsFile;

    /** Fail the build on errors (clashes, reserved ports, offsets); false prints them as warnings. */
    @Parameter(property = "wso2-ports.failOnClash", defaultValue = "true")
    protected boolean failOnClash;

    /** Fail the build on warnings too (ports below 1024, ports in the ephemeral range). */
    @Parameter(property = "wso2-ports.failOnWarning", defaultValue = "false")
    protected boolean failOnWarning;

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

    /** Print every instance's full port table. */
    @Parameter(property = "wso2-ports.verbose", defaultValue = "false")
    protected boolean verbose;

    /**
     * Where ports.json, ports.md and wso2-ports.sarif are written. Default: {@code target/wso2-ports} of the
     * project; without a pom, only where this says (never into a WSO2 home).
     */
    @Parameter(property = "wso2-ports.outputDirectory")
    protected File outputDirectory;

    @Parameter(defaultValue = "${project}", readonly = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    protected PluginDescriptor plugin;

    /** Reads everything and detects the findings; a problem reading any input is a build error. */
    protected CheckResult runCheck() throws MojoExecutionException {
        Catalog catalog = Catalog.builtIn();
        EstateReader.Result estate = EstateReader.read(specs(), catalog);
        List<Wso2PortsException> errors = new ArrayList<>(estate.errors());
        List<ReservedPort> reserved = new ArrayList<>();
        List<Suppression> suppressions = new ArrayList<>();
        ClashDetector.Options options = null;
        try {
            reserved.addAll(reserved(catalog));
            suppressions.addAll(suppressions());
            options = options();
        } catch (Wso2PortsException e) {
            errors.add(e);
        }
        if (!errors.isEmpty()) {
            errors.forEach(e -> getLog().error(e.describe()));
            throw new MojoExecutionException("wso2-ports could not read " + errors.size()
                    + (errors.size() == 1 ? " thing" : " things") + " it needs (see the errors above)");
        }
        return CheckResult.evaluate(estate.instances(), reserved, options, suppressions, failOnClash, failOnWarning);
    }

    /** One line per instance, the findings aligned, stale suppressions; the summary is the caller's. */
    protected void log(CheckResult result) {
        for (RuntimeInstance i : result.instances()) {
            long listening = i.config().ports().stream().filter(PortUse::listens).count();
            var product = i.config().product();
            getLog().info(i.id() + " on " + i.host() + ": " + product.product().name()
                    + (product.version() == null ? "" : " " + product.version()) + ", offset " + i.offset() + " ("
                    + i.config().offsetSource() + "), " + listening + (listening == 1 ? " port" : " ports"));
            i.config().notes().forEach(n -> getLog().info("  " + n));
            if (verbose) {
                portTable(i);
            }
        }
        int hostWidth = result.findings().stream().mapToInt(f -> f.host().length()).max().orElse(0);
        int portWidth = result.findings().stream().mapToInt(f -> f.portColumn().length()).max().orElse(0);
        int kindWidth = result.findings().stream().mapToInt(f -> f.kind().label().length()).max().orElse(0);
        for (Finding f : result.findings()) {
            String line = f.describe(hostWidth, portWidth, kindWidth);
            if (f.isSuppressed()) {
                getLog().info("suppressed " + line + " [" + f.suppression().reason() + ", " + f.suppression().location()
                        + "]");
            } else if (f.severity() == Severity.ERROR) {
                getLog().error(line);
            } else if (f.severity() == Severity.WARNING) {
                getLog().warn(line);
            } else {
                getLog().info(line);
            }
        }
        for (Suppression s : result.unusedSuppressions()) {
            getLog().warn(s.location() + ": this suppression matches no finding any more: remove it");
        }
    }

    private void portTable(RuntimeInstance i) {
        i.config().ports().stream()
                .sorted(Comparator.comparingLong((PortUse p) -> p.effective(i.offset())).thenComparing(p -> p.entry().id()))
                .forEach(p -> getLog().info(String.format(Locale.ROOT, "  %s/%-5d %-11s base %-5d %-44s %s%s%s",
                        p.entry().protocol(), p.effective(i.offset()), p.rule().name().toLowerCase(Locale.ROOT),
                        p.base(), p.entry().purpose(), p.provenance(),
                        p.bindAddress() == null ? "" : " bound to " + p.bindAddress(), p.enabled() ? "" : " (disabled)")));
    }

    /** Writes the report files where they belong; without a pom only to an explicit outputDirectory. */
    protected void writeReports(CheckResult result) {
        File dir = outputDirectory;
        if (dir == null && hasPom()) {
            dir = new File(project.getBuild().getDirectory(), "wso2-ports");
        }
        if (dir == null) {
            getLog().info("No reports written: without a pom they go only where -Dwso2-ports.outputDirectory says");
            return;
        }
        List<Path> files = ReportFiles.write(dir.toPath(), result, plugin == null ? "dev" : plugin.getVersion());
        getLog().info("Reports: " + String.join(", ", files.stream().map(this::display).toList()));
    }

    /**
     * Publishes each instance's effective ports as project properties, {@code wso2-ports.<instance>.<port id>}
     * (a {@code /} in an instance id becomes {@code .}; a second port of the same id gets {@code .2}), plus
     * {@code wso2-ports.<instance>.offset}, so later plugins use the same numbers.
     */
    protected void exportProperties(CheckResult result) {
        if (!hasPom()) {
            return;
        }
        for (RuntimeInstance i : result.instances()) {
            String prefix = "wso2-ports." + i.id().replace('/', '.') + ".";
            project.getProperties().setProperty(prefix + "offset", String.valueOf(i.offset()));
            Map<String, Integer> seen = new HashMap<>();
            i.config().ports().stream().filter(PortUse::listens)
                    .sorted(Comparator.comparing((PortUse p) -> p.entry().id()).thenComparingLong(p -> p.effective(i.offset())))
                    .forEach(p -> {
                        int n = seen.merge(p.entry().id(), 1, Integer::sum);
                        String key = prefix + p.entry().id() + (n == 1 ? "" : "." + n);
                        project.getProperties().setProperty(key, String.valueOf(p.effective(i.offset())));
                    });
        }
    }

    private boolean hasPom() {
        return project != null && project.getFile() != null;
    }

    private List<EstateReader.InstanceSpec> specs() throws MojoExecutionException {
        List<EstateReader.InstanceSpec> specs = new ArrayList<>();
        if (home != null) {
            specs.add(spec(home));
        } else if (hasInstances()) {
            for (Instance i : instances) {
                if (i.getHome() == null) {
                    throw new MojoExecutionException("instance " + i.getId() + " has no <home>");
                }
                specs.add(new EstateReader.InstanceSpec(i.getId(), i.getHome().toPath(), display(i.getHome().toPath()),
                        i.getHost(), i.getOffset(), i.getRuntime(), i.getProduct(),
                        "mvn wso2-ports:apply -Dwso2-ports.instance=" + i.getId(), i.getJvmArgs(),
                        pomLabel() + " <jvmArgs> of " + i.getId()));
            }
        } else if (!hasPom()) {
            specs.add(spec(basedir));
        } else {
            throw new MojoExecutionException("no <instances> configured: list the WSO2 instances of the estate in the "
                    + "plugin's <configuration>, or point -Dwso2-ports.home at a distribution");
        }
        return specs;
    }

    /** A distribution checked alone: its runtimes are the instances, nothing is planned. */
    private EstateReader.InstanceSpec spec(File dir) {
        String name = dir.toPath().toAbsolutePath().normalize().getFileName().toString();
        String id = name.replaceFirst("(?i)\\.zip$", "");
        return new EstateReader.InstanceSpec(id, dir.toPath(), display(dir.toPath()), "localhost", null, null, null,
                "mvn wso2-ports:apply -Doffset=N");
    }

    private String pomLabel() {
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
            out.addAll(ReservedPort.parseFile(readText(reservedPortsFile, "<reservedPortsFile>")));
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

    private List<Suppression> suppressions() {
        return suppressionsFile == null ? List.of()
                : Suppression.parseFile(readText(suppressionsFile, "<suppressionsFile>"));
    }

    private TextFile readText(File file, String parameter) {
        Location where = Location.of(display(file.toPath()));
        try {
            return TextFile.utf8(where, Files.readAllBytes(file.toPath()));
        } catch (IOException e) {
            throw new Wso2PortsException(where, "cannot be read: " + e.getMessage(), "Fix " + parameter
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
