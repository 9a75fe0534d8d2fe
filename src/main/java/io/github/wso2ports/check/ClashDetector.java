package io.github.wso2ports.check;

import io.github.wso2ports.Port;
import io.github.wso2ports.compose.Published;
import io.github.wso2ports.ports.Notice;
import io.github.wso2ports.ports.PortUse;
import io.github.wso2ports.ports.RuntimeConfig;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds what will go wrong when the estate starts: ports two instances (or runtimes, or one instance twice)
 * bind on one host, reserved ports, planned offsets the files do not have, ports out of range, ports that
 * need root or sit in the ephemeral range, ports that stay put under an offset, URLs between instances that
 * point where nothing listens, and what the runtimes notice (start arguments, generated files that drifted). Ports
 * are grouped by (host, protocol, port) in one pass, then split by bind address (a listener bound to every address
 * clashes with all others, one bound to an address only with the same address): the cost grows with the number of
 * ports, not with its square.
 */
public final class ClashDetector {

    /**
     * @param ephemeralFrom first port of the OS ephemeral range (Linux: 32768)
     * @param ephemeralTo   last port of it (Linux: 60999)
     * @param severities    severities that replace a kind's default
     */
    public record Options(int ephemeralFrom, int ephemeralTo, Map<FindingKind, Severity> severities, List<Link> links) {

        public Options(int ephemeralFrom, int ephemeralTo, Map<FindingKind, Severity> severities) {
            this(ephemeralFrom, ephemeralTo, severities, List.of());
        }

        public static Options defaults() {
            return new Options(Port.Range.EPHEMERAL.from(), Port.Range.EPHEMERAL.to(), Map.of());
        }
    }

    private record Key(String host, String protocol, long port) {
    }

    /** A holder of a port: an instance's listener, or a host port a container publishes. */
    private record Held(Owner owner, String bindAddress, boolean hazelcast, boolean published) {
    }

    private ClashDetector() {
    }

    public static List<Finding> detect(List<RuntimeInstance> instances, List<ReservedPort> reserved, Options options) {
        return detect(instances, List.of(), reserved, options);
    }

    /**
     * As {@link #detect(List, List, Options)}, with the containers of compose files: their published host ports on
     * the host they run on, and what a compose file can get wrong about them.
     *
     * @param instances every instance, the containers' runtimes among them (each on a host of its own)
     */
    public static List<Finding> detect(List<RuntimeInstance> instances, List<Container> containers,
            List<ReservedPort> reserved, Options options) {
        List<Finding> findings = new ArrayList<>();
        for (RuntimeInstance i : instances) {
            offsetFinding(i, findings);
            for (Notice n : i.config().notices()) {
                FindingKind kind = n.kind() == Notice.Kind.DRIFT ? FindingKind.DRIFT : FindingKind.START;
                String about = n.kind() == Notice.Kind.DRIFT ? "config-mapper" : "start";
                findings.add(new Finding(kind, kind.defaultSeverity(), i.host(), null, 0,
                        List.of(new Owner(i.id(), about, n.location().toString(), n.location())), n.message()));
            }
        }
        findings.addAll(portFindings(instances, containers, reserved, options));
        findings.addAll(LinkChecker.check(instances, reserved, options.links()));
        findings.addAll(ComposeChecker.check(containers));
        return finish(findings, options);
    }

    /**
     * Only what the ports themselves cause at the instances' offsets (clash, reserved, range, privileged, ephemeral,
     * unshifted), with the configured severities: what an offset can change, for the planner.
     */
    public static List<Finding> detectPorts(List<RuntimeInstance> instances, List<ReservedPort> reserved,
            Options options) {
        return finish(portFindings(instances, List.of(), reserved, options), options);
    }

    private static List<Finding> portFindings(List<RuntimeInstance> instances, List<Container> containers,
            List<ReservedPort> reserved, Options options) {
        List<Finding> findings = new ArrayList<>();
        Map<Key, List<Held>> byPort = new HashMap<>();
        for (RuntimeInstance i : instances) {
            for (PortUse p : i.config().ports()) {
                if (!p.listens()) {
                    continue;
                }
                long port = p.effective(i.offset());
                if (!Port.isValid(port)) {
                    findings.add(new Finding(FindingKind.RANGE, FindingKind.RANGE.defaultSeverity(), i.host(),
                            p.entry().protocol(), port, List.of(owner(i, p)), "offset " + i.offset() + " moves "
                                    + p.base() + " outside " + Port.BOUNDS));
                    continue;
                }
                byPort.computeIfAbsent(new Key(i.host(), p.entry().protocol(), port), k -> new ArrayList<>())
                        .add(new Held(owner(i, p), p.bindAddress(), p.entry().id().startsWith("hazelcast"), false));
                if (i.offset() != 0 && port == p.base()) {
                    // a literal where the product would move the port is a mistake; a port fixed by design is news
                    Severity s = p.rule() != p.entry().rule() ? Severity.WARNING : Severity.INFO;
                    findings.add(new Finding(FindingKind.UNSHIFTED, s, i.host(), p.entry().protocol(), port,
                            List.of(owner(i, p)), "stays at " + port + " although the offset is " + i.offset()
                                    + (p.stays() == null ? "" : ": " + p.stays())));
                }
            }
        }
        Set<String> namespaces = new HashSet<>();
        for (Container c : containers) {
            if (c.modelled()) {
                namespaces.add(c.instance().host());
            }
            for (Published p : c.published()) {
                // Docker picks a free host port for a mapping without one: it never clashes
                for (int port = p.hostFrom(); !p.ephemeral() && port <= p.hostTo(); port++) {
                    byPort.computeIfAbsent(new Key(c.host(), p.protocol(), port), k -> new ArrayList<>())
                            .add(new Held(ComposeChecker.owner(c, p), p.hostIp(), false, true));
                }
            }
        }
        for (Map.Entry<Key, List<Held>> e : byPort.entrySet()) {
            Key key = e.getKey();
            List<Held> holders = e.getValue();
            // the owners of a port matter only for findings; most ports have none
            java.util.function.Supplier<List<Owner>> owners = () -> ownersOf(holders);
            for (List<Held> clash : clashes(holders)) {
                boolean hazelcast = clash.stream().allMatch(Held::hazelcast);
                boolean mixed = clash.stream().anyMatch(h -> h.bindAddress() != null)
                        && clash.stream().anyMatch(h -> h.bindAddress() == null);
                findings.add(new Finding(FindingKind.CLASH, FindingKind.CLASH.defaultSeverity(), key.host(),
                        key.protocol(), key.port(), clash.stream().map(Held::owner).sorted(OWNER_ORDER).toList(),
                        hazelcast ? "Hazelcast does not fail on this: it silently takes the next free port, which "
                                + "well-known-member lists do not expect"
                                : mixed ? "a listener bound to every address (no address, 0.0.0.0, ::) takes the port on "
                                        + "the addresses of the others too; bind each to its own address" : null));
            }
            for (ReservedPort r : reserved) {
                // a reservation is about a machine, not a container's own network namespace
                if (!namespaces.contains(key.host()) && r.covers(key.host(), key.protocol(), key.port())) {
                    List<Owner> withReservation = new ArrayList<>(owners.get());
                    withReservation.add(new Owner("reserved: " + r.reason(), null, r.source(), r.location()));
                    findings.add(new Finding(FindingKind.RESERVED, FindingKind.RESERVED.defaultSeverity(), key.host(),
                            key.protocol(), key.port(), withReservation, null));
                }
            }
            // Docker publishes as root: a low host port is no problem of a container's
            if (Port.isPrivileged(key.port()) && !holders.stream().allMatch(Held::published)) {
                findings.add(new Finding(FindingKind.PRIVILEGED, FindingKind.PRIVILEGED.defaultSeverity(), key.host(),
                        key.protocol(), key.port(), owners.get(), "below " + Port.PRIVILEGED_BELOW
                                + ": binding it needs root"));
            }
            if (key.port() >= options.ephemeralFrom() && key.port() <= options.ephemeralTo()) {
                findings.add(new Finding(FindingKind.EPHEMERAL, FindingKind.EPHEMERAL.defaultSeverity(), key.host(),
                        key.protocol(), key.port(), owners.get(), "in the ephemeral range " + options.ephemeralFrom() + "-"
                                + options.ephemeralTo() + ", where any outgoing connection may take it first"));
            }
        }
        return findings;
    }

    private static List<Finding> finish(List<Finding> findings, Options options) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            Severity s = options.severities().getOrDefault(f.kind(), f.severity());
            if (s != Severity.IGNORE) {
                out.add(f.withSeverity(s));
            }
        }
        out.sort(FINDING_ORDER);
        return out;
    }

    /**
     * The holders of one (host, protocol, port) that clash: all of them when one binds every address, otherwise each
     * group of two or more bound to the same address (by address, for a stable order).
     */
    private static List<List<Held>> clashes(List<Held> holders) {
        if (holders.size() < 2) {
            return List.of();
        }
        Map<String, List<Held>> byAddress = new TreeMap<>();
        for (Held h : holders) {
            if (h.bindAddress() == null) {
                return List.of(holders);
            }
            byAddress.computeIfAbsent(h.bindAddress(), a -> new ArrayList<>()).add(h);
        }
        return byAddress.values().stream().filter(l -> l.size() > 1).toList();
    }

    private static List<Owner> ownersOf(List<Held> holders) {
        return holders.stream().map(Held::owner).sorted(OWNER_ORDER).toList();
    }

    private static void offsetFinding(RuntimeInstance i, List<Finding> findings) {
        if (i.plannedOffset() == null || i.plannedOffset() == i.offset()) {
            return;
        }
        RuntimeConfig c = i.config();
        Owner owner = new Owner(i.id(), "port offset", c.offsetSource(), c.offsetLocation());
        findings.add(new Finding(FindingKind.OFFSET, FindingKind.OFFSET.defaultSeverity(), i.host(), null, 0,
                List.of(owner), "planned at offset " + i.plannedOffset() + ", but the files say " + i.offset()
                        + "; fix: " + i.applyCommand()));
    }

    private static Owner owner(RuntimeInstance i, PortUse p) {
        return new Owner(i.id(), p.entry().purpose(), p.provenance(), p.location(), p.bindAddress());
    }

    private static final Comparator<Owner> OWNER_ORDER = Comparator.comparing(Owner::name)
            .thenComparing(Owner::where);

    private static final Map<Severity, Integer> RANK = new EnumMap<>(Map.of(Severity.ERROR, 0, Severity.WARNING, 1,
            Severity.INFO, 2, Severity.IGNORE, 3));

    private static final Comparator<Finding> FINDING_ORDER = Comparator
            .comparing((Finding f) -> RANK.get(f.severity()))
            .thenComparing(Finding::host)
            .thenComparingLong(Finding::port)
            .thenComparing(f -> Objects.toString(f.protocol(), ""))
            .thenComparing(Finding::kind)
            .thenComparing((Finding f) -> f.describe());
}
