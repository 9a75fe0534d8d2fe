package io.github.wso2ports.apply;

import io.github.wso2ports.Location;
import io.github.wso2ports.Port;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.config.Carbon5Yaml;
import io.github.wso2ports.config.CarbonXml;
import io.github.wso2ports.config.DeploymentToml;
import io.github.wso2ports.config.OffsetValue;
import io.github.wso2ports.config.StartArgs;
import io.github.wso2ports.config.YamlDocument;
import io.github.wso2ports.distribution.CachingSource;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.DistributionSource;
import io.github.wso2ports.distribution.Layout;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.distribution.RuntimeRole;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.ports.CatalogEntry;
import io.github.wso2ports.ports.FileOffset;
import io.github.wso2ports.ports.GeneratedFiles;
import io.github.wso2ports.ports.Notice;
import io.github.wso2ports.ports.PortUse;
import io.github.wso2ports.ports.Product;
import io.github.wso2ports.ports.ProductDetector;
import io.github.wso2ports.ports.RuntimeConfig;
import io.github.wso2ports.ports.RuntimeFiles;
import io.github.wso2ports.ports.RuntimeReader;
import io.github.wso2ports.rewrite.AtomicWriter;
import io.github.wso2ports.rewrite.FileEdit;
import io.github.wso2ports.rewrite.Splice;
import io.github.wso2ports.rewrite.TextEdit;
import io.github.wso2ports.rewrite.TomlEditor;
import io.github.wso2ports.rewrite.XmlValueSplicer;
import io.github.wso2ports.text.TextFile;
import io.github.wso2ports.xml.XmlDocument;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Sets a runtime's port offset where the product really reads it: carbon.xml's {@code <Offset>} in Carbon 4,
 * {@code [server] offset} in deployment.toml in config-mapper products (whose carbon.xml is regenerated at
 * every start). Planning reads and checks everything and writes nothing; {@link #write} then writes.
 */
public final class OffsetApplier {

    /**
     * @param replacePlaceholder replace an offset written as {@code $env{...}} / {@code $sys{...}}
     * @param product            the product as the pom names it ({@code <product>}), or null to detect it
     */
    public record Options(boolean replacePlaceholder, String product) {

        public Options(boolean replacePlaceholder) {
            this(replacePlaceholder, null);
        }
    }

    private OffsetApplier() {
    }

    /** Plans setting {@code offset} on the named runtime (null: the primary one). Writes nothing. */
    public static ApplyPlan plan(Distribution given, String runtimeName, int offset, Options options) {
        return plan(given, runtimeName, offset, options, RunningServer.SYSTEM);
    }

    /** As {@link #plan(Distribution, String, int, Options)}, seeing processes through {@code processes}. */
    static ApplyPlan plan(Distribution given, String runtimeName, int offset, Options options,
            RunningServer.Processes processes) {
        // one read of each file: the port check, the plan and the write's unchanged-check share it
        Distribution distribution = CachingSource.of(given);
        if (offset < 0 || offset > OffsetValue.MAX) {
            throw new Wso2PortsException(null, "offset " + offset + " is out of range",
                    "An offset is a whole number from 0 to " + OffsetValue.MAX);
        }
        ProductRuntime runtime = distribution.runtime(runtimeName);
        List<String> notes = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        Notice withoutToml = GeneratedFiles.withoutToml(distribution.source(), runtime);
        if (withoutToml != null) {
            throw new Wso2PortsException(withoutToml.location(), withoutToml.message(), "wso2-ports:apply sets the "
                    + "offset only in deployment.toml, and never creates one: a new deployment.toml would regenerate "
                    + "every generated file from the defaults");
        }
        Catalog catalog = Catalog.builtIn();
        ProductDetector.Detected product = ProductDetector.detect(distribution.source(), catalog, options.product());
        List<PortUse> ports = RuntimeReader.ports(distribution, runtime, product, catalog);
        if (runtime.format().isYaml()) {
            refuseWhereTheOffsetLeavesTheListeners(distribution, runtime, product, ports);
            // what an offset leaves behind by design (the Siddhi store API, the gRPC receiver), said once
            ports.stream().filter(p -> !p.isCatalogDefault() && p.listens() && !p.moves()).forEach(p -> notes.add(
                    p.location() + ": " + p.entry().purpose() + " " + p.base() + " stays where it is: " + p.stays()));
        }
        checkPorts(ports, offset, warnings);
        return switch (runtime.format()) {
            case CARBON_XML -> planCarbonXml(distribution, runtime, product.product(), offset, notes, warnings,
                    processes);
            case DEPLOYMENT_TOML -> planToml(distribution, runtime, product.product(), offset, options, notes, warnings,
                    processes);
            case DEPLOYMENT_YAML, CARBON_YML -> planYaml(distribution, runtime, product.product(), offset, notes,
                    warnings, processes);
        };
    }

    /** Writes a plan's edit, atomically; a plan without a change writes nothing. */
    public static void write(ApplyPlan plan) {
        FileEdit edit = plan.edit();
        if (!edit.changes()) {
            return;
        }
        AtomicWriter.write(edit.path(), edit.location(), edit.before(), edit.stamp(), edit.after());
    }

    /** The offset file's stamp from just before it was read. */
    private static String stamp(Distribution d, ProductRuntime r) {
        return ((CachingSource) d.source()).stamp(r.offsetFile());
    }

    private static ApplyPlan planCarbonXml(Distribution d, ProductRuntime r, Product product, int offset,
            List<String> notes, List<String> warnings, RunningServer.Processes processes) {
        XmlDocument doc = d.source().parsed(r.offsetFile(), XmlDocument.class, XmlDocument::parse);
        TextFile file = doc.file();
        byte[] before = file.bytes();
        FileOffset.InCarbonXml current = FileOffset.InCarbonXml.read(doc);
        CarbonXml.Offset written = current.written();
        byte[] after = before;
        String change = null;
        if (current.value() != offset) {
            XmlDocument edited = XmlValueSplicer.replaceText(doc, written.element(), String.valueOf(offset),
                    "<Offset>");
            after = edited.file().bytes();
            // what WSO2 reads from the edited file must be the new offset, whichever <Offset> it takes
            if (CarbonXml.offset(edited).value() != offset) {
                throw new Wso2PortsException(current.location(), "the edited file would not read <Offset> " + offset
                        + " as WSO2 reads it", "Please report this file; nothing was changed");
            }
            change = "<Offset> " + written.raw().trim() + " -> " + offset;
        }
        Path path = requireWritable(d, r, current.location(), after != before);
        startWarnings(d, r, offset, after != before, warnings, processes);
        return new ApplyPlan(d, r, current.value(), current.source(), offset,
                new FileEdit(path, current.location(), file, after, stamp(d, r)), change, notes, warnings,
                others(d, r, product));
    }

    private static ApplyPlan planToml(Distribution d, ProductRuntime r, Product product, int offset, Options options,
            List<String> notes, List<String> warnings, RunningServer.Processes processes) {
        DistributionSource source = d.source();
        Location location = source.location(r.offsetFile());
        DeploymentToml toml = source.parsed(r.offsetFile(), DeploymentToml.class, DeploymentToml::parse);
        TextFile file = toml.file();
        TomlEditor editor = new TomlEditor(file);
        String literal = String.valueOf(offset);
        Product.DefaultOffset byDefault = product.defaultOffset(r);
        FileOffset.InToml current = FileOffset.InToml.read(toml, byDefault, location);
        DeploymentToml.Offset live = current.written();
        TextEdit edit = null;
        String change = null;
        if (live != null) {
            if (current.isEnvironmentReference() && !options.replacePlaceholder()) {
                throw new Wso2PortsException(live.location(), "[server] offset is \"" + live.raw() + "\", resolved from "
                        + "the environment at start-up, so apply leaves it alone", "To replace it with " + offset
                        + " anyway, run again with -Dwso2-ports.replacePlaceholder");
            }
            if (current.isEnvironmentReference() || current.value() != offset) {
                TomlEditor.Value value = editor.valueOn(live.location().line())
                        .filter(v -> isOffsetKey(v.key()))
                        .orElseThrow(() -> new Wso2PortsException(live.location(), "[server] offset is written in a "
                                + "form apply does not edit (an inline table or a value over several lines)",
                                "Write it as a plain 'offset = N' line under [server]"));
                String written = value.isQuoted() ? value.raw().charAt(0) + literal + value.raw().charAt(0) : literal;
                edit = editor.replaceValue(value, written);
                change = "offset = " + value.raw() + " -> " + written;
            }
        } else if (current.value() != offset) {
            OptionalInt header = editor.headerLine("server");
            Optional<TomlEditor.CommentedKey> commented = header.isPresent()
                    ? editor.commentedKey(header.getAsInt(), "offset") : Optional.empty();
            if (commented.isPresent()) {
                TomlEditor.CommentedKey c = commented.get();
                String q = c.value().startsWith("\"") ? "\"" : c.value().startsWith("'") ? "'" : "";
                edit = editor.uncomment(c, q + literal + q);
                change = "uncommented '" + file.text().substring(c.start(), c.end()).strip() + "'";
            } else if (header.isPresent()) {
                edit = editor.insertAfter(header.getAsInt(), "offset = " + literal);
                change = "added offset = " + literal + " under [server]";
            } else if (toml.hasServerTable()) {
                throw new Wso2PortsException(location, "the server table is written with dotted keys or inline, "
                        + "not as a [server] header, so apply does not know where to add offset",
                        "Add offset = " + offset + " to it by hand");
            } else {
                edit = editor.appendTable("server", "offset = " + literal);
                change = "appended a [server] table with offset = " + literal;
            }
        }
        if (byDefault.value() != 0 && offset != byDefault.value()) {
            // the example port is the catalog's, not a number written here
            int http = Catalog.builtIn().entry("passthrough-http").map(CatalogEntry::port).orElse(0);
            notes.add("this offset replaces the default " + byDefault.value() + " (" + byDefault.source() + "); it is "
                    + "not added to it" + (http == 0 ? "" : ": PassThrough HTTP " + http + " listens on "
                            + (http + offset) + ", not " + (http + byDefault.value() + offset)));
        }
        byte[] after = file.bytes();
        Location at = live != null ? live.location() : location;
        if (edit != null) {
            after = Splice.bytes(file, edit.start(), edit.end(), edit.replacement());
            TextFile edited = TextFile.utf8(location, after);
            toml.verifyOffsetEdit(edited, offset);
            at = location.atLine(edited.lineOf(edit.start() + Math.max(0, edit.replacement().lastIndexOf("offset"))));
        }
        String stale = GeneratedFiles.staleOffset(source, r, offset);
        if (stale != null) {
            notes.add(stale);
        }
        Path path = requireWritable(d, r, at, edit != null);
        startWarnings(d, r, offset, edit != null, warnings, processes);
        return new ApplyPlan(d, r, current.value(), current.source(), offset,
                new FileEdit(path, at, file, after, stamp(d, r)), change, notes, warnings, others(d, r, product));
    }

    /** {@code offset} under [server], or {@code server.offset} at the top, however it is quoted. */
    private static boolean isOffsetKey(String written) {
        String k = written.replaceAll("[\"'\\s]", "");
        return k.equals("offset") || k.equals("server.offset");
    }

    /**
     * What keeps the written offset from taking effect at once: a {@code -DportOffset} in a start script, which beats
     * the files (the ports stay where it says until it is removed), and a server that is running, which binds the
     * new ports only at its next start.
     */
    private static void startWarnings(Distribution d, ProductRuntime r, int offset, boolean changes,
            List<String> warnings, RunningServer.Processes processes) {
        StartArgs.Arg portOffset = StartArgs.read(d.source(), r, Catalog.builtIn().mainClasses(), null, null).portOffset();
        if (portOffset != null && !r.format().isYaml()) { // Carbon 5 does not read -DportOffset
            String value;
            try {
                value = String.valueOf(OffsetValue.parse(portOffset.value(), portOffset.location(), "-DportOffset"));
            } catch (Wso2PortsException e) {
                value = portOffset.value(); // a variable the script fills in: it beats the files all the same
            }
            if (!value.equals(String.valueOf(offset))) {
                warnings.add("-DportOffset=" + value + " in " + portOffset.location() + " beats the offset this "
                        + "writes: the ports stay at offset " + value + " until it is removed");
            }
        }
        String pid = RunningServer.pidFile(r);
        RunningServer.Status server = changes ? RunningServer.of(d.source(), pid, processes)
                : RunningServer.Status.NOT_RUNNING;
        String pidFile = d.source().location(pid).toString();
        if (server.state() == RunningServer.State.RUNNING) {
            warnings.add("the server is running (PID " + server.pid() + ", " + pidFile + "): the new offset takes "
                    + "effect at the next start; stop it first");
        } else if (server.state() == RunningServer.State.UNKNOWN) {
            warnings.add(pidFile + " names PID " + server.pid() + ", a process this user cannot see or read (another "
                    + "user's, or hidden by /proc's hidepid), so whether this server runs could not be told; if it does, "
                    + "the new offset takes effect at its next start");
        }
    }

    private static Path requireWritable(Distribution d, ProductRuntime r, Location at, boolean changes) {
        Path path = d.source().path(r.offsetFile());
        if (path == null) {
            throw new Wso2PortsException(d.source().homeLocation(), "is an archive; apply never edits archives",
                    "Unpack it and point -Dwso2-ports.home (or <home>) at the folder");
        }
        if (changes) {
            AtomicWriter.checkWritable(path, at);
        }
        return path;
    }

    /** Refuses the offset when a port that moves with it would pass 65535; warns below 1024. */
    private static void checkPorts(List<PortUse> ports, int offset, List<String> warnings) {
        List<PortUse> tooHigh = new ArrayList<>();
        for (PortUse p : ports) {
            // only what the files declare: a catalog default is a guess about files that are not there
            if (p.isCatalogDefault() || !p.moves()) {
                continue;
            }
            long effective = (long) p.base() + offset;
            if (effective > Port.MAX) {
                tooHigh.add(p);
            } else if (Port.isPrivileged(effective)) {
                warnings.add(p.location() + ": " + p.entry().purpose() + " " + p.base() + " would listen on "
                        + effective + ", below " + Port.PRIVILEGED_BELOW + ", which needs root");
            }
        }
        if (!tooHigh.isEmpty()) {
            tooHigh.sort(Comparator.comparingInt(PortUse::base).reversed());
            PortUse top = tooHigh.get(0);
            throw new Wso2PortsException(top.location(), "offset " + offset + " would move " + top.entry().purpose()
                    + " " + top.base() + " to " + ((long) top.base() + offset) + ", beyond " + Port.MAX
                    + (tooHigh.size() > 1 ? " (and " + (tooHigh.size() - 1) + " more ports)" : ""),
                    "The largest offset this runtime takes is " + Port.largestOffset(top.base()));
        }
    }

    private static List<String> others(Distribution d, ProductRuntime r, Product product) {
        List<String> lines = new ArrayList<>();
        for (ProductRuntime o : d.others(r)) {
            String role = o.role() == RuntimeRole.PROFILE ? "alternative profile " : "runtime ";
            String offset;
            try {
                offset = "offset " + FileOffset.read(RuntimeFiles.of(d, o), product).value();
            } catch (Wso2PortsException e) {
                offset = "offset unreadable: " + e.getMessage();
            }
            lines.add(role + o.name() + ": " + offset + " (" + d.source().location(o.offsetFile()) + ")");
        }
        return lines;
    }

    /**
     * A Carbon 5 runtime's offset moves its data-bridge ports, but its HTTP listeners only from msf4j 2.7.5 (API Manager
     * Analytics 3.1+, Streaming Integrator 1.1+): where a listener the file declares stays put because of that, an
     * offset would not separate two instances, so apply refuses and says why.
     */
    private static void refuseWhereTheOffsetLeavesTheListeners(Distribution d, ProductRuntime r,
            ProductDetector.Detected product, List<PortUse> ports) {
        List<PortUse> left = RuntimeConfig.listenersTheOffsetLeaves(r, ports);
        if (left.isEmpty()) {
            return;
        }
        PortUse first = left.get(0);
        String listeners = String.join(", ", left.stream().map(p -> p.entry().purpose() + " " + p.base() + " ("
                + p.location() + ")").toList());
        String what = product.product().name() + (product.version() == null ? "" : " " + product.version());
        throw new Wso2PortsException(d.source().location(r.offsetFile()), "runtime " + r.name() + " of " + what
                + " keeps its listeners where they are whatever its offset (" + listeners + "): " + first.stays()
                + ", so an offset would not separate two instances; apply does not set it",
                "Change the listener ports in " + first.location().file() + " by hand" + (d.layout() == Layout.MULTI_RUNTIME
                        ? ", or pick another runtime with -Dwso2-ports.runtime" : ""));
    }

    /** A Carbon 5 runtime's {@code wso2.carbon: ports: offset} (carbon.yml: {@code ports: offset}), the value alone. */
    private static ApplyPlan planYaml(Distribution d, ProductRuntime r, Product product, int offset,
            List<String> notes, List<String> warnings, RunningServer.Processes processes) {
        DistributionSource source = d.source();
        Location location = source.location(r.offsetFile());
        YamlDocument doc = source.parsed(r.offsetFile(), YamlDocument.class, YamlDocument::parse);
        TextFile file = doc.file();
        String path = r.format().yamlPath();
        String key = Carbon5Yaml.key(r.format());
        FileOffset.InYaml current = FileOffset.InYaml.read(doc, r.format(), location);
        YamlDocument.Span span = current.span();
        if (span == null && current.location() == null && offset == current.value()) {
            // runs at the default 0 already: nothing to write
            startWarnings(d, r, offset, false, warnings, processes);
            return new ApplyPlan(d, r, current.value(), current.source(), offset,
                    new FileEdit(requireWritable(d, r, location, false), location, file, file.bytes(), stamp(d, r)),
                    null, notes, warnings, others(d, r, product));
        }
        if (span == null) {
            Location written = current.location();
            throw new Wso2PortsException(written != null ? written : location, written == null
                    ? "sets no " + key + " (Carbon 5 then runs at 0), and apply adds no YAML keys"
                    : key + " is written as a block scalar, which apply does not edit", "Write it as " + key + ": "
                    + offset + " by hand (under wso2.carbon: ports:)");
        }
        byte[] after = file.bytes();
        String change = null;
        Location at = span.value().location();
        boolean changes = current.value() != offset;
        if (changes) {
            int inner = span.quote() == 0 ? 0 : 1;
            after = Splice.bytes(file, span.start() + inner, span.end() - inner, String.valueOf(offset));
            YamlDocument edited = YamlDocument.parse(TextFile.utf8(location, after));
            List<YamlDocument.Value> now = edited.select(path);
            if (now.size() != 1 || !now.get(0).text().equals(String.valueOf(offset)) || !doc.sameExcept(edited, path)) {
                throw new Wso2PortsException(location, "the edit would change more than " + key,
                        "Please report this file; nothing was changed");
            }
            change = key + " " + span.value().text() + " -> " + offset;
        }
        Path target = requireWritable(d, r, at, changes);
        startWarnings(d, r, offset, changes, warnings, processes);
        return new ApplyPlan(d, r, current.value(), current.source(), offset,
                new FileEdit(target, at, file, after, stamp(d, r)), change, notes, warnings, others(d, r, product));
    }
}
