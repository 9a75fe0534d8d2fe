package io.github.wso2ports.check;

import io.github.wso2ports.Failed;
import io.github.wso2ports.Location;
import io.github.wso2ports.Unexpected;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.compose.ComposeReader;
import io.github.wso2ports.compose.Published;
import io.github.wso2ports.config.OffsetValue;
import io.github.wso2ports.distribution.InputRecord;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.text.TextFile;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Checks an estate as a {@link CheckRequest} describes it: reads the instances, the reserved ports, the suppressions
 * and the settings, then detects the findings. What cannot be read is collected and fails the goal once, naming each
 * problem. Check, report and plan share it; it knows nothing of Maven.
 */
public final class EstateCheck {

    /** The estate as read: its instances, the reserved ports, the detection settings and the suppressions. */
    public record Estate(List<RuntimeInstance> instances, List<Container> containers, List<ReservedPort> reserved,
            ClashDetector.Options options, List<Suppression> suppressions) {

        /** The reserved ports, and the host ports the containers publish: what a plan for the instances must avoid. */
        public List<ReservedPort> reservedWithPublished() {
            List<ReservedPort> out = new ArrayList<>(reserved);
            for (Container c : containers) {
                for (Published p : c.published()) {
                    if (!p.ephemeral()) {
                        out.add(new ReservedPort(p.hostFrom(), p.hostTo(), p.protocol(), c.host(), "published by "
                                + c.id() + " (" + p.written() + ")", p.location().toString(), p.location()));
                    }
                }
            }
            return out;
        }
    }


    private EstateCheck() {
    }

    /**
     * Reads everything and detects the findings.
     *
     * @param display how a path found while reading (a compose service's mounts) is shown: the goal's, as it shows the
     *                paths the user gave
     */
    public static CheckResult run(CheckRequest request, InputRecord record, Function<Path, String> display) {
        return evaluate(read(request, record, display), request);
    }

    /**
     * Reads the instances, the reserved ports, the suppressions and the settings; fails once, listing every input that
     * cannot be read (a build error: the check cannot say anything about an estate it cannot read).
     *
     * @param record  notes the file-system facts the reading relies on, or null
     * @param display how a path found while reading is shown
     */
    public static Estate read(CheckRequest request, InputRecord record, Function<Path, String> display) {
        Catalog catalog = Catalog.builtIn();
        EstateReader.Result read = EstateReader.read(request.instances(), catalog, Location.of(request.pom() + " <instances>"),
                record);
        List<Wso2PortsException> errors = new ArrayList<>(read.errors());
        List<Container> containers = containers(request, catalog, record, display, read.instances(), errors);
        List<ReservedPort> reserved = new ArrayList<>();
        ClashDetector.Options options = ClashDetector.Options.defaults();
        try {
            reserved.addAll(reserved(request, catalog, record));
            options = options(request);
        } catch (Wso2PortsException e) {
            errors.add(e);
        }
        List<Suppression> suppressions = new ArrayList<>();
        try {
            if (request.suppressionsFile() != null) {
                suppressions.addAll(Suppression.parseFile(text(request.suppressionsFile(), record)));
            }
        } catch (Wso2PortsException e) {
            errors.add(e);
        }
        if (!errors.isEmpty()) {
            throw Failed.after(Wso2PortsException.Kind.BROKEN, errors.stream().map(Wso2PortsException::describe)
                    .toList(), "wso2-ports could not read " + errors.size() + (errors.size() == 1 ? " thing" : " things")
                    + " it needs (see the errors above)");
        }
        return new Estate(read.instances(), containers, reserved, options, suppressions);
    }

    /** Detects the findings of an estate as read and applies the settings that decide what fails. */
    public static CheckResult evaluate(Estate estate, CheckRequest request) {
        return CheckResult.evaluate(estate.instances(), estate.containers(), estate.reserved(), estate.options(),
                estate.suppressions(), request.failOnClash(), request.failOnWarning());
    }

    /**
     * The services of the compose files, each a container: its id the service name, or the file and the service name
     * where another instance or service has that name; its runtime on a host of its own named by its id (the service
     * name is what the compose network resolves); its published ports on the request's compose host.
     */
    private static List<Container> containers(CheckRequest request, Catalog catalog, InputRecord record,
            Function<Path, String> display, List<RuntimeInstance> instances, List<Wso2PortsException> errors) {
        List<ComposeReader.Service> services = new ArrayList<>();
        for (CheckRequest.InputFile file : request.composeFiles()) {
            try {
                ComposeReader.Result r = ComposeReader.read(file.path(), file.shown(), catalog, display, record);
                services.addAll(r.services());
                errors.addAll(r.errors());
            } catch (Wso2PortsException e) {
                errors.add(e);
            } catch (RuntimeException | StackOverflowError e) {
                errors.add(Unexpected.problem(e, Location.of(file.shown())));
            } finally {
                Unexpected.doneReading();
            }
        }
        Map<String, Integer> names = new HashMap<>();
        instances.forEach(i -> names.merge(i.id(), 1, Integer::sum));
        instances.forEach(i -> names.merge(i.host(), 1, Integer::sum));
        services.forEach(s -> names.merge(s.name(), 1, Integer::sum));
        List<Container> out = new ArrayList<>();
        for (ComposeReader.Service s : services) {
            String id = names.get(s.name()) > 1 ? s.file() + ":" + s.name() : s.name();
            RuntimeInstance runtime = s.config() == null ? null
                    : new RuntimeInstance(id, id, s.config(), null, "", id, false);
            out.add(new Container(id, request.composeHost(), s, runtime));
        }
        return out;
    }

    private static List<ReservedPort> reserved(CheckRequest request, Catalog catalog, InputRecord record) {
        List<ReservedPort> out = new ArrayList<>();
        for (CheckRequest.Reserved r : request.reservedPorts()) {
            out.add(ReservedPort.of(r.port(), r.protocol(), r.host(), r.reason(), request.pom() + " <reservedPorts>", null));
        }
        if (request.reservedPortsFile() != null) {
            out.addAll(ReservedPort.parseFile(text(request.reservedPortsFile(), record)));
        }
        for (CheckRequest.ReservedProduct r : request.reservedProducts()) {
            Integer offset = r.offset() == null ? null : OffsetValue.parseRequested(r.offset(), "<reservedProduct> <offset>");
            out.addAll(ReservedProducts.ports(catalog, r.product(), r.runtime(), offset, r.host(),
                    request.pom() + " <reservedProducts>"));
        }
        return out;
    }

    /** A file the user named, read whole; the record notes its content. */
    static TextFile text(CheckRequest.InputFile file, InputRecord record) {
        Location where = Location.of(file.shown());
        return TextFile.utf8(where, InputRecord.read(file.path(), where, "Fix " + file.setting() + " or create the file",
                "Point " + file.setting() + " at the file", record));
    }

    private static ClashDetector.Options options(CheckRequest request) {
        ReservedPort range = ReservedPort.of(request.ephemeralPorts(), "tcp", null, "ephemeral",
                "wso2-ports.ephemeralPorts", null);
        Map<FindingKind, Severity> bySeverity = new EnumMap<>(FindingKind.class);
        for (Map.Entry<String, String> e : request.severities().entrySet()) {
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
        List<Link> explicit = new ArrayList<>();
        for (CheckRequest.LinkGiven l : request.links()) {
            if (l.from() == null || l.url() == null || l.to() == null) {
                throw new Wso2PortsException(null, "a <link> needs <from>, <url> and <to>",
                        "For example <link><from>apim</from><url>apim-key-manager</url><to>km</to></link>");
            }
            explicit.add(new Link(l.from().strip(), l.url().strip(), l.to().strip()));
        }
        return new ClashDetector.Options(range.from(), range.to(), bySeverity, explicit);
    }
}
