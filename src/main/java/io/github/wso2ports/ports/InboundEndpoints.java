package io.github.wso2ports.ports;

import io.github.wso2ports.Port;
import io.github.wso2ports.config.InboundEndpointXml;
import io.github.wso2ports.distribution.DistributionSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A runtime's inbound endpoints: listeners a user deploys as synapse artifacts, found and read as the catalog's
 * {@link InboundScan} says. An endpoint file a catalog entry reads is that entry's port; any other is a port with an
 * entry of its own. Its parameters say where it listens, whether a flag moves it with the offset, and its bind address.
 */
final class InboundEndpoints {

    private final RuntimeFiles files;
    /** How the catalog finds and reads inbound endpoints; null when it does not. */
    private final InboundScan scan;
    private final Flags flags;
    /** Listed when first looked for: each listing is an input the check cache records. */
    private List<String> endpointFiles;

    InboundEndpoints(RuntimeFiles files, InboundScan scan, Flags flags) {
        this.files = files;
        this.scan = scan;
        this.flags = flags;
    }

    /**
     * The port of an inbound endpoint file: for {@code entry} (a catalog entry that reads the file), or an entry of
     * its own when null. Null when the endpoint does not listen (a polling endpoint) or its port is not a number (which
     * {@code notes} then says).
     */
    PortUse port(CatalogEntry entry, String path, boolean enabled, List<String> notes) {
        InboundEndpointXml endpoint = InboundEndpointXml.read(files.xml(path), fileName(path));
        if (endpoint == null) {
            return null;
        }
        for (InboundScan.Parameter def : scan.parameters()) {
            InboundEndpointXml.Parameter param = def.names().stream().map(endpoint.parameters()::get)
                    .filter(Objects::nonNull).findFirst().orElse(null);
            if (param == null) {
                continue;
            }
            Port port = Port.written(param.value());
            if (port == null) {
                notes.add(param.location() + ": inbound endpoint " + endpoint.name() + " listens on '" + param.value()
                        + "', which is not known before it starts, so it is not checked; write the port number");
                return null;
            }
            CatalogEntry e = entry != null ? entry : scan.entry(endpoint.name(), endpoint.kind(), def, port.number());
            Flags.Decision shifts = flags.decide(def.shifts(), endpoint);
            InboundEndpointXml.Parameter address = def.address() == null ? null
                    : endpoint.parameters().get(def.address());
            return PortUse.declared(e, port.number(), def.rule(), param.location()).with(p -> {
                // a suspended endpoint is deployed but does not listen: kept, disabled, like other switched-off ports
                p.enabled = enabled && !endpoint.suspended();
                p.stays = shifts.stays(def.rule(), def.stays(), def.shifts());
                p.shifts = shifts.on();
                p.bindAddress = BindAddress.of(address == null ? null : address.value());
            });
        }
        return null;
    }

    /** The first inbound endpoint file of a name, or null when the runtime has none. */
    String file(String name) {
        if (scan == null) {
            return null;
        }
        for (String path : endpointFiles()) {
            if (fileName(path).equals(name)) {
                return path;
            }
        }
        return null;
    }

    /**
     * The ports of the endpoint files none of {@code entries} reads, in a runtime whose groups the scan covers; empty
     * in others.
     */
    List<PortUse> unclaimed(List<CatalogEntry> entries, Set<String> groups, List<String> notes) {
        List<PortUse> ports = new ArrayList<>();
        if (scan == null || scan.groups().stream().noneMatch(groups::contains)) {
            return ports;
        }
        // an endpoint file a catalog entry reads is that entry's port, not a second one
        Set<String> claimed = new HashSet<>();
        for (CatalogEntry e : entries) {
            for (Locator l : e.locators()) {
                if (l instanceof Locator.InboundFile endpoint) {
                    claimed.add(endpoint.name());
                }
            }
        }
        for (String path : endpointFiles()) {
            if (!claimed.contains(fileName(path))) {
                PortUse p = port(null, path, true, notes);
                if (p != null) {
                    ports.add(p);
                }
            }
        }
        return ports;
    }

    /** The inbound endpoint files of this runtime ({@code *.xml} in the scan's folders), sorted. */
    private List<String> endpointFiles() {
        if (endpointFiles == null) {
            DistributionSource source = files.source();
            List<String> dirs = List.of(files.runtime().home());
            for (String segment : scan.folder().split("/")) {
                List<String> next = new ArrayList<>();
                for (String dir : dirs) {
                    if (!segment.equals("*")) {
                        next.add(join(dir, segment));
                        continue;
                    }
                    for (String name : source.list(dir)) {
                        if (source.isDirectory(join(dir, name))) {
                            next.add(join(dir, name));
                        }
                    }
                }
                dirs = next;
            }
            List<String> found = new ArrayList<>();
            for (String dir : dirs) {
                for (String name : source.list(dir)) {
                    if (name.endsWith(".xml") && source.isFile(join(dir, name))) {
                        found.add(join(dir, name));
                    }
                }
            }
            endpointFiles = found;
        }
        return endpointFiles;
    }

    private static String join(String dir, String name) {
        return dir.isEmpty() ? name : dir + "/" + name;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
