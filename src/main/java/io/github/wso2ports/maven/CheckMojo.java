package io.github.wso2ports.maven;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.check.ClashDetector;
import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.check.Finding;
import io.github.wso2ports.check.FindingKind;
import io.github.wso2ports.check.ReservedPort;
import io.github.wso2ports.check.ReservedProducts;
import io.github.wso2ports.check.RuntimeInstance;
import io.github.wso2ports.check.Severity;
import io.github.wso2ports.config.OffsetValue;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.ports.PortUse;
import io.github.wso2ports.text.TextFile;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reads each instance's real configuration, computes the ports it will really listen on, verifies the planned
 * offsets, and fails the build when instances clash with one another or with reserved ports, naming both owners,
 * the port and the file and line. Bound to {@code verify}; runs without a pom too ({@code mvn wso2-ports:check}
 * in an unpacked distribution, or {@code -Dwso2-ports.home=DIR|ZIP}), where all runtimes of the distribution
 * count as co-hosted.
 * <p>
 * Every finding is printed on one line, {@code <host> <protocol>/<port> <kind>: <owner> <-> <owner>}, then a
 * summary; the build fails once. A home, file or configuration that cannot be read is a build error, never a pass.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, requiresProject = false, threadSafe = true)
public class CheckMojo extends AbstractWso2PortsMojo {

    /**
     * Ports no instance may listen on: each {@code <reservedPort>} has a {@code <port>} (a number or an inclusive
     * range such as 32768-60999), optionally {@code <protocol>} (tcp, the default, or udp), {@code <host>}
     * (default: every host) and {@code <reason>}.
     */
    @Parameter
    private List<ReservedPortSpec> reservedPorts;

    /**
     * A file of reserved ports shared across projects: one a line, {@code PORT[-PORT][/udp] [host=NAME] reason},
     * {@code #} starts a comment.
     */
    @Parameter(property = "wso2-ports.reservedPortsFile")
    private File reservedPortsFile;

    /**
     * WSO2 products that run on a host but are not instances here; their catalog ports are reserved. Each
     * {@code <reservedProduct>} has a {@code <product>} (a catalog key such as wso2am-analytics, optionally with a
     * version), and optionally a {@code <runtime>}, an {@code <offset>} and a {@code <host>}.
     */
    @Parameter
    private List<ReservedProductSpec> reservedProducts;

    /** Fail the build on errors (clashes, reserved ports, offsets); false prints them as warnings. */
    @Parameter(property = "wso2-ports.failOnClash", defaultValue = "true")
    private boolean failOnClash;

    /** Fail the build on warnings too (ports below 1024, ports in the ephemeral range). */
    @Parameter(property = "wso2-ports.failOnWarning", defaultValue = "false")
    private boolean failOnWarning;

    /** The OS ephemeral port range that instances should stay out of (Linux default; Windows: 49152-65535). */
    @Parameter(property = "wso2-ports.ephemeralPorts", defaultValue = "32768-60999")
    private String ephemeralPorts;

    /**
     * Severity per finding kind (clash, reserved, offset, range, privileged, ephemeral): error, warning, info or
     * ignore, e.g. {@code <severities><ephemeral>ignore</ephemeral></severities>}.
     */
    @Parameter
    private Map<String, String> severities;

    /** Print every instance's full port table. */
    @Parameter(property = "wso2-ports.verbose", defaultValue = "false")
    private boolean verbose;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping wso2-ports:check (wso2-ports.skip)");
            return;
        }
        long started = System.nanoTime();
        Catalog catalog = Catalog.builtIn();
        EstateReader.Result estate = EstateReader.read(specs(), catalog);
        List<ReservedPort> reserved = new ArrayList<>();
        List<Wso2PortsException> errors = new ArrayList<>(estate.errors());
        ClashDetector.Options options = null;
        try {
            reserved.addAll(reserved(catalog));
            options = options();
        } catch (Wso2PortsException e) {
            errors.add(e);
        }
        if (!errors.isEmpty()) {
            errors.forEach(e -> getLog().error(e.describe()));
            throw new MojoExecutionException("wso2-ports:check could not read " + errors.size()
                    + (errors.size() == 1 ? " thing" : " things") + " it needs (see the errors above)");
        }
        List<RuntimeInstance> instances = estate.instances();
        for (RuntimeInstance i : instances) {
            report(i);
        }
        List<Finding> findings = ClashDetector.detect(instances, reserved, options);
        if (!failOnClash) {
            findings = findings.stream().map(f -> f.severity() == Severity.ERROR ? f.withSeverity(Severity.WARNING) : f)
                    .toList();
        }
        for (Finding f : findings) {
            switch (f.severity()) {
                case ERROR -> getLog().error(f.describe());
                case WARNING -> getLog().warn(f.describe());
                default -> getLog().info(f.describe());
            }
        }
        long errorCount = findings.stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warningCount = findings.stream().filter(f -> f.severity() == Severity.WARNING).count();
        String summary = summary(findings, errorCount, warningCount, instances);
        if (getLog().isDebugEnabled()) {
            getLog().debug("wso2-ports:check took " + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
        if (errorCount > 0 || (failOnWarning && warningCount > 0)) {
            getLog().error(summary);
            throw new MojoFailureException(summary);
        }
        getLog().info(summary);
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
                        "mvn wso2-ports:apply -Dwso2-ports.instance=" + i.getId()));
            }
        } else if (project == null || project.getFile() == null) {
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

    private List<ReservedPort> reserved(Catalog catalog) {
        List<ReservedPort> out = new ArrayList<>();
        String pom = project != null && project.getFile() != null ? display(project.getFile().toPath()) : "pom.xml";
        if (reservedPorts != null) {
            for (ReservedPortSpec r : reservedPorts) {
                out.add(ReservedPort.of(r.getPort(), r.getProtocol(), r.getHost(), r.getReason(),
                        pom + " <reservedPorts>", null));
            }
        }
        if (reservedPortsFile != null) {
            Location where = Location.of(display(reservedPortsFile.toPath()));
            try {
                out.addAll(ReservedPort.parseFile(TextFile.utf8(where, Files.readAllBytes(reservedPortsFile.toPath()))));
            } catch (IOException e) {
                throw new Wso2PortsException(where, "the reserved-ports file cannot be read: " + e.getMessage(),
                        "Fix <reservedPortsFile> or create the file");
            }
        }
        if (reservedProducts != null) {
            for (ReservedProductSpec r : reservedProducts) {
                Integer offset = r.getOffset() == null ? null
                        : OffsetValue.parseRequested(r.getOffset(), "<reservedProduct> <offset>");
                out.addAll(ReservedProducts.ports(catalog, r.getProduct(), r.getRuntime(), offset, r.getHost(),
                        pom + " <reservedProducts>"));
            }
        }
        return out;
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
                            "Use clash, reserved, offset, range, privileged or ephemeral");
                }
                try {
                    bySeverity.put(kind, Severity.parse(e.getValue()));
                } catch (IllegalArgumentException ex) {
                    throw new Wso2PortsException(null, "<severities> <" + e.getKey() + "> is '" + e.getValue() + "'",
                            "Use error, warning, info or ignore");
                }
            }
        }
        return new ClashDetector.Options(range.from(), range.to(), bySeverity);
    }

    private void report(RuntimeInstance i) {
        long listening = i.config().ports().stream().filter(PortUse::listens).count();
        var product = i.config().product();
        getLog().info(i.id() + " on " + i.host() + ": " + product.product().name()
                + (product.version() == null ? "" : " " + product.version()) + ", offset " + i.offset() + " ("
                + i.config().offsetSource() + "), " + listening + (listening == 1 ? " port" : " ports"));
        i.config().notes().forEach(n -> getLog().info("  " + n));
        if (verbose) {
            i.config().ports().stream()
                    .sorted(Comparator.comparingLong((PortUse p) -> p.effective(i.offset())).thenComparing(p -> p.entry().id()))
                    .forEach(p -> getLog().info(String.format(Locale.ROOT, "  %s/%-5d %-11s base %-5d %-44s %s%s",
                            p.entry().protocol(), p.effective(i.offset()), p.rule().name().toLowerCase(Locale.ROOT),
                            p.base(), p.entry().purpose(), p.provenance(), p.enabled() ? "" : " (disabled)")));
        }
    }

    private static String summary(List<Finding> findings, long errors, long warnings, List<RuntimeInstance> instances) {
        Map<String, Long> byKind = new TreeMap<>(findings.stream()
                .collect(Collectors.groupingBy(f -> f.kind().label(), Collectors.counting())));
        String kinds = byKind.isEmpty() ? "" : " (" + byKind.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", ")) + ")";
        long hosts = instances.stream().map(RuntimeInstance::host).collect(Collectors.toCollection(TreeSet::new)).size();
        return "wso2-ports:check: " + errors + (errors == 1 ? " error, " : " errors, ") + warnings
                + (warnings == 1 ? " warning" : " warnings") + kinds + " in " + instances.size()
                + (instances.size() == 1 ? " instance" : " instances") + " on " + hosts + (hosts == 1 ? " host" : " hosts");
    }
}
