package io.github.wso2ports.ports;

import io.github.wso2ports.Location;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.OffsetFormat;
import io.github.wso2ports.distribution.ProductRuntime;

import java.util.List;

/**
 * What one runtime of a distribution will listen on: its product, its offset and where that comes from, and its
 * ports with their provenance.
 *
 * @param offsetLocation where the offset is set; null when it is a default (see {@code offsetSource})
 * @param offsetSource   where the offset comes from, as a person reads it
 * @param urls           the URLs it keeps that point at ports (its own or another instance's)
 * @param notes          things worth saying at INFO (a stale generated carbon.xml, ...)
 * @param notices        things worth a warning about how it starts (start arguments that beat the files, ...)
 * @param startOffset    true when a start argument ({@code -DportOffset}), not a file, decides the offset
 */
public record RuntimeConfig(Distribution distribution, ProductRuntime runtime, ProductDetector.Detected product,
        int offset, Location offsetLocation, String offsetSource, List<PortUse> ports, List<UrlUse> urls,
        List<String> notes, List<Notice> notices, boolean startOffset) {

    public RuntimeConfig {
        ports = List.copyOf(ports);
        urls = List.copyOf(urls);
        notes = List.copyOf(notes);
        notices = List.copyOf(notices);
    }

    public RuntimeConfig(Distribution distribution, ProductRuntime runtime, ProductDetector.Detected product,
            int offset, Location offsetLocation, String offsetSource, List<PortUse> ports, List<UrlUse> urls,
            List<String> notes, List<Notice> notices) {
        this(distribution, runtime, product, offset, offsetLocation, offsetSource, ports, urls, notes, notices, false);
    }

    /**
     * The listeners a runtime's offset leaves where they are, so that an offset cannot separate two instances of it: a
     * Carbon 5 runtime's HTTP listeners before msf4j 2.7.5 (their move depends on a flag that is off), the MSF4J
     * runtime's (Carbon kernel 5.1 reads no offset for them). Empty where the offset separates instances.
     */
    public static List<PortUse> listenersTheOffsetLeaves(ProductRuntime runtime, List<PortUse> ports) {
        if (!runtime.format().isYaml()) {
            return List.of();
        }
        List<PortUse> declared = ports.stream().filter(p -> !p.isCatalogDefault() && p.listens() && !p.moves())
                .toList();
        List<PortUse> flagged = declared.stream().filter(p -> p.rule() == OffsetRule.CONDITIONAL).toList();
        return !flagged.isEmpty() || runtime.format() != OffsetFormat.CARBON_YML ? flagged : declared;
    }

    /** The same runtime started at another offset, as written in its files (what a planned offset would give). */
    public RuntimeConfig atOffset(int newOffset, String source) {
        return new RuntimeConfig(distribution, runtime, product, newOffset, null, source, ports, urls, notes, notices,
                false);
    }

    /** The same runtime with more things worth saying at INFO. */
    public RuntimeConfig withNotes(List<String> more) {
        List<String> all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new RuntimeConfig(distribution, runtime, product, offset, offsetLocation, offsetSource, ports, urls, all,
                notices, startOffset);
    }

    /** The same runtime with only some of its ports (the planner looks at the ports that never move alone). */
    public RuntimeConfig withPorts(List<PortUse> only) {
        return new RuntimeConfig(distribution, runtime, product, offset, offsetLocation, offsetSource, only, urls, notes,
                notices, startOffset);
    }
}
