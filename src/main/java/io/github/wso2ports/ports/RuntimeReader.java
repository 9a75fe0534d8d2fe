package io.github.wso2ports.ports;

import io.github.wso2ports.Location;
import io.github.wso2ports.Port;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.config.StartArgs;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.DistributionSource;
import io.github.wso2ports.distribution.OffsetFormat;
import io.github.wso2ports.distribution.ProductRuntime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads what one runtime will listen on from its real files and start arguments: its offset, every catalog port of
 * its product, its inbound endpoints and the URLs it keeps. Each file is parsed once ({@link RuntimeFiles}). What
 * decides, strongest first:
 * <ol>
 * <li><b>Start arguments.</b> {@code -DportOffset} beats the files' offset (a Carbon 5 runtime does not read it);
 * {@code -Dtomcat.http.port} / {@code -Dtomcat.https.port} bind that servlet port as given, without the offset;
 * {@code -Dtomcat.random.port.enable} lets the OS pick the servlet ports; the CEP/DAS HA ports keep the files' offset
 * under {@code -DportOffset=0}. {@code -DavoidConfigUpdate} sets deployment.toml aside (the generated XML
 * decides).</li>
 * <li><b>deployment.toml</b>, in a config-mapper product that has one: its {@code [server] offset} (the product's
 * default when it sets none), its port keys and bind addresses, and its flags. The files config-mapper generates from
 * it at every start are not read: where the toml sets no port, the catalog default applies.</li>
 * <li><b>The XML, YAML and properties files</b> as they are: carbon.xml's {@code <Offset>} (Carbon 4, or a
 * config-mapper runtime without a deciding toml), a Carbon 5 YAML offset (0 when unset), and each port at the first
 * of its entry's locators that finds it. A file that is there but does not declare the port (commented out, disabled)
 * means no port, unless the product's code sets a default.</li>
 * <li><b>Inbound endpoint files</b>: the port of an entry that reads one (after its toml key); every other endpoint
 * file is a port of its own ({@link InboundEndpoints}).</li>
 * <li><b>The catalog default</b>, where none of an entry's files is there.</li>
 * </ol>
 * A flag (which ports listen, which a flag moves) follows the same order: deployment.toml, the inbound endpoint that
 * holds the port, its file, the product's default ({@link Flags}). The offset the files give is worked out by
 * {@link FileOffset}, which apply shares.
 */
public final class RuntimeReader {

    private RuntimeReader() {
    }

    /** The runtime's offset and ports, as its files alone say. */
    public static RuntimeConfig read(Distribution distribution, ProductRuntime runtime, ProductDetector.Detected product,
            Catalog catalog) {
        return read(distribution, runtime, product, catalog, StartArgs.NONE);
    }

    /** The runtime's offset and ports, started with {@code args} (which beat the files). */
    public static RuntimeConfig read(Distribution distribution, ProductRuntime runtime,
            ProductDetector.Detected detected, Catalog catalog, StartArgs args) {
        boolean avoidConfigUpdate = args.avoidConfigUpdate() != null && runtime.format() == OffsetFormat.DEPLOYMENT_TOML;
        RuntimeFiles files = new RuntimeFiles(distribution, runtime, avoidConfigUpdate, catalog.generatedFiles());
        DistributionSource source = distribution.source();
        List<String> notes = new ArrayList<>();
        List<Notice> notices = new ArrayList<>();
        if (avoidConfigUpdate) {
            // config-mapper leaves the generated files alone: they, not the toml, are what the runtime reads
            notices.add(new Notice(args.avoidConfigUpdate().location(), "-DavoidConfigUpdate: deployment.toml is not "
                    + "rendered into carbon.xml and the other generated files, so they (not the toml) decide the ports"));
        }
        Notice withoutToml = files.inContainer() ? null : GeneratedFiles.withoutToml(source, runtime);
        if (withoutToml != null) {
            notices.add(withoutToml);
        } else if (!avoidConfigUpdate) {
            notices.addAll(GeneratedFiles.handEdited(source, runtime, args.avoidConfigHashRead()));
        }
        FileOffset stated = FileOffset.read(files, detected.product());
        if (stated instanceof FileOffset.InToml toml) {
            if (toml.isEnvironmentReference()) {
                throw new Wso2PortsException(toml.location(), "[server] offset is \"" + toml.written().raw() + "\", "
                        + "taken from the environment at start-up, so the ports cannot be known before it",
                        "Write the number, or plan it with <offset> and write it with wso2-ports:apply");
            }
            String stale = GeneratedFiles.staleOffset(source, runtime, toml.value());
            if (stale != null) {
                notes.add(stale);
            }
        }
        int fileOffset = stated.value();
        int offset = fileOffset;
        Location offsetLocation = stated.location();
        String offsetSource = stated.source();
        Integer argOffset = args.offset();
        if (argOffset != null && runtime.format().isYaml()) {
            // carbon-config ConfigProviderImpl takes only WSO2_CARBON__PORTS_OFFSET (environment or system property)
            notes.add(args.portOffset().location() + ": -DportOffset is not read by a Carbon 5 runtime (it reads "
                    + "WSO2_CARBON__PORTS_OFFSET), so " + source.location(runtime.offsetFile()) + " decides");
            argOffset = null;
        }
        if (argOffset != null) {
            Location at = args.portOffset().location();
            if (argOffset != fileOffset) {
                notices.add(new Notice(at, "-DportOffset=" + argOffset + " beats the offset " + fileOffset + " of "
                        + offsetSource + ": writing the files does not change the ports while it is there"));
            }
            offset = argOffset;
            offsetSource = "-DportOffset=" + argOffset + " at " + at + ", over " + offsetSource;
            offsetLocation = at;
        }
        for (Location bat : args.windowsDropsArgs()) {
            notices.add(new Notice(bat, "this Windows start script does not pass its arguments on: a -DportOffset "
                    + "given to it is dropped (as by EI 6.0.0's bin/start-all.bat)"));
        }
        Set<String> groups = groups(runtime, detected);
        List<PortUse> ports = new ArrayList<>();
        for (PortUse p : ports(files, detected, catalog, groups, notes)) {
            ports.add(started(p, args, argOffset, fileOffset));
        }
        if (detected.version() == null && detected.product().portsDependOnVersion()) {
            // its ports differ between versions: say which reading was taken, and how to name the real one
            notes.add(source.homeLocation() + ": the " + detected.product().name() + " version is not known ("
                    + detected.how() + "), so it is read as the newest release; name the version in the folder "
                    + "(" + detected.product().key() + "-X.Y.Z) or in <product> if it is older");
        }
        return new RuntimeConfig(distribution, runtime, detected, offset, offsetLocation, offsetSource, ports,
                UrlValues.read(files, catalog, groups), notes, notices, argOffset != null);
    }

    /** The runtime's ports alone, without reading its offset (apply checks ports before the offset is set). */
    public static List<PortUse> ports(Distribution distribution, ProductRuntime runtime,
            ProductDetector.Detected product, Catalog catalog) {
        RuntimeFiles files = new RuntimeFiles(distribution, runtime, false, catalog.generatedFiles());
        return ports(files, product, catalog, groups(runtime, product), new ArrayList<>());
    }

    /** The port groups of a runtime: by its name even when it is the only one (conf/worker alone is a worker). */
    private static Set<String> groups(ProductRuntime runtime, ProductDetector.Detected detected) {
        return detected.product().groups(detected.version(), runtime.name(), runtime.format().isYaml());
    }

    private static List<PortUse> ports(RuntimeFiles files, ProductDetector.Detected detected, Catalog catalog,
            Set<String> groups, List<String> notes) {
        ProductRuntime runtime = files.runtime();
        if (runtime.format().isYaml() && detected.product().runtime(runtime.name(), detected.version()) == null) {
            notes.add(files.location(runtime.offsetFile()) + ": " + detected.product().name() + " has no runtime '"
                    + runtime.name() + "' in the catalog: read as a Carbon 5 runtime of its own (its listeners and "
                    + "data bridge as its deployment.yaml declares them)");
        }
        return PortValues.read(files, detected, catalog, groups, notes);
    }

    /** A port as the start arguments leave it: -Dtomcat.https.port binds as given; the HA quirk keeps the file offset. */
    private static PortUse started(PortUse p, StartArgs args, Integer argOffset, int fileOffset) {
        CatalogEntry e = p.entry();
        StartArgs.Arg property = e.systemProperty() == null ? null
                : e.systemProperty().equals("tomcat.http.port") ? args.tomcatHttpPort()
                : e.systemProperty().equals("tomcat.https.port") ? args.tomcatHttpsPort() : null;
        if (e.systemProperty() != null && e.systemProperty().startsWith("tomcat.") && args.tomcatRandomPort() != null) {
            // CarbonTomcat.startConnectors binds each connector to findFreePort(): nothing to clash with
            return p.with(q -> {
                q.rule = OffsetRule.RANDOM;
                q.stays = "-Dtomcat.random.port.enable (" + args.tomcatRandomPort().location() + ") binds a free port "
                        + "the OS picks instead";
                q.shifts = false;
                q.beyond = null; // no configured number to lie beyond
            });
        }
        if (property != null && property.value().matches(Port.DIGITS)) {
            return PortUse.declared(e, Integer.parseInt(property.value()), OffsetRule.FIXED, property.location())
                    .with(q -> {
                        q.enabled = p.enabled();
                        q.stays = "-D" + e.systemProperty() + " binds the port as given, without the offset";
                        q.bindAddress = p.bindAddress();
                    });
        }
        if (e.haOffsetQuirk() && argOffset != null && argOffset == 0 && fileOffset > 0 && p.rule().moves()) {
            return p.with(q -> {
                q.base = p.base() + fileOffset;
                q.rule = OffsetRule.FIXED;
                q.stays = "the HA configuration lets -DportOffset win only above 0, so it keeps the file's offset "
                        + fileOffset + " (wso2/carbon-analytics-common#243, #258)";
                q.beyond = null; // the number is no longer the configured one
            });
        }
        return p;
    }
}
