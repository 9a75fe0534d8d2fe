package io.github.wso2ports.check;

import io.github.wso2ports.compose.ComposeFile;
import io.github.wso2ports.compose.Published;
import io.github.wso2ports.ports.PortUse;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a compose file can get wrong about the ports of its WSO2 services, each on the compose file's line: a
 * published container port where the product does not listen (the mapping starts, the port is dead, and what does
 * listen is not reachable), a healthcheck that probes such a port, and the services it cannot model. Clashes of
 * published host ports are {@link ClashDetector}'s, with every other holder of a host port.
 */
final class ComposeChecker {

    private ComposeChecker() {
    }

    static List<Finding> check(List<Container> containers) {
        List<Finding> out = new ArrayList<>();
        for (Container c : containers) {
            if (!c.modelled()) {
                notModelled(c, out);
                continue;
            }
            for (Published p : c.published()) {
                if (!listens(c, p.container(), p.protocol())) {
                    out.add(new Finding(FindingKind.PUBLISHED, FindingKind.PUBLISHED.defaultSeverity(), c.instance().host(),
                            p.protocol(), p.container(), List.of(owner(c, p)), "publishes " + p.container()
                                    + (p.ephemeral() || p.host().equals(String.valueOf(p.container())) ? ""
                                            : " (on host port " + p.host() + ")") + ", but "
                                    + notListening(c, p.container(), p.protocol())));
                }
            }
            ComposeFile.Healthcheck health = c.service().service().healthcheck();
            if (health != null) {
                for (int port : health.probedPorts()) {
                    if (!listens(c, port, "tcp")) {
                        out.add(new Finding(FindingKind.HEALTHCHECK, FindingKind.HEALTHCHECK.defaultSeverity(),
                                c.instance().host(), "tcp", port, List.of(new Owner(c.id(), "healthcheck",
                                        health.location().toString(), health.location())), "probes " + port + ", but "
                                        + notListening(c, port, "tcp") + "; the service never turns healthy"));
                    }
                }
            }
        }
        return out;
    }

    /** Who publishes a host port: the container, with the mapping's line in the compose file. */
    static Owner owner(Container c, Published p) {
        return new Owner(c.id(), "publishes " + p.written(), p.location().toString(), p.location(), p.hostIp());
    }

    private static void notModelled(Container c, List<Finding> out) {
        String why = c.id() + " is not modelled: " + (c.service().notModelled() == null ? "its image cannot be told"
                : c.service().notModelled());
        for (Published p : c.published()) {
            if (!p.ephemeral()) {
                out.add(new Finding(FindingKind.NOT_MODELLED, FindingKind.NOT_MODELLED.defaultSeverity(), c.host(),
                        p.protocol(), p.hostFrom(), List.of(owner(c, p)), why + "; the host port it publishes counts"));
            }
        }
        if (c.published().isEmpty()) {
            // (a mapping without a host side is on a port Docker picks: nothing to say)
            ComposeFile.Service s = c.service().service();
            out.add(new Finding(FindingKind.NOT_MODELLED, FindingKind.NOT_MODELLED.defaultSeverity(), c.host(), null, 0,
                    List.of(new Owner(c.id(), "service", s.location().toString(), s.location())), why
                            + "; it publishes no port"));
        }
    }

    private static boolean listens(Container c, int port, String protocol) {
        int offset = c.instance().offset();
        return c.instance().config().ports().stream().anyMatch(u -> u.listens() && u.effective(offset) == port
                && u.entry().protocol().equals(protocol));
    }

    /**
     * "its product does not listen there" with what it does listen on: the port of its product nearest to the one
     * asked for (one digit off, a typo or a forgotten offset) with where it comes from, or every port it listens on.
     */
    private static String notListening(Container c, int port, String protocol) {
        int offset = c.instance().offset();
        String name = c.instance().config().product().product().name();
        List<PortUse> candidates = c.instance().config().ports().stream()
                .filter(u -> u.entry().protocol().equals(protocol) && u.effective(offset) > 0).toList();
        PortUse nearest = candidates.stream()
                .min(Comparator.comparingInt((PortUse u) -> digitsOff(u.effective(offset), port))
                        .thenComparing(u -> !u.listens())
                        .thenComparingLong(u -> Math.abs(u.effective(offset) - port)))
                .orElse(null);
        String listening = candidates.stream().filter(PortUse::listens).map(u -> u.effective(offset)).distinct()
                .sorted().map(String::valueOf).collect(Collectors.joining(", "));
        String all = c.id() + " (" + name + ") listens on " + (listening.isEmpty() ? "no " + protocol + " port"
                : protocol + " " + listening);
        if (nearest == null || digitsOff(nearest.effective(offset), port) > 1) {
            return name + " does not listen there; " + all;
        }
        long at = nearest.effective(offset);
        String from = where(nearest, offset, c);
        return nearest.listens()
                ? nearest.entry().purpose() + " listens on " + at + ": " + from
                : "nothing listens there: " + nearest.entry().purpose() + " would be on " + at + " (" + from
                        + ") and is not started; " + all;
    }

    /** Where a port comes from: its file and line, plus the offset when it moves. */
    private static String where(PortUse u, int offset, Container c) {
        String plus = u.moves() && offset != 0 ? " plus offset " + offset + " (" + c.instance().config().offsetSource()
                + ")" : "";
        return u.provenance() + plus;
    }

    /** How many digits two port numbers of the same length differ in; more than any when their lengths differ. */
    private static int digitsOff(long a, long b) {
        String x = Long.toString(a);
        String y = Long.toString(b);
        if (x.length() != y.length()) {
            return Integer.MAX_VALUE;
        }
        int n = 0;
        for (int i = 0; i < x.length(); i++) {
            n += x.charAt(i) == y.charAt(i) ? 0 : 1;
        }
        return n;
    }
}
