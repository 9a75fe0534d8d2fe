package io.github.wso2ports.check;

import io.github.wso2ports.ports.PortUse;
import io.github.wso2ports.ports.UrlUse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the URLs instances keep to one another (key manager, traffic manager, analytics, JMS, LDAP) against the
 * ports those instances really listen on: a URL must reach a listener of the kind it is for, the catalog port it
 * follows of a product that serves it (a key manager URL that reaches an Enterprise Integrator's HTTPS port points at
 * the wrong server), and a URL an instance advertises about itself must reach that very instance. A local URL that
 * still names the base port after an offset, or a URL to a port nobody in the estate listens on, is a {@code link}
 * finding naming the URL's file and the file of the port it should point at.
 */
final class LinkChecker {

    private record Key(String host, long port) {
    }

    private record Held(RuntimeInstance instance, PortUse port) {
    }

    private LinkChecker() {
    }

    static List<Finding> check(List<RuntimeInstance> instances, List<ReservedPort> reserved, List<Link> links) {
        Map<Key, List<Held>> listening = new HashMap<>();
        Map<String, List<RuntimeInstance>> byHost = new HashMap<>();
        Map<String, RuntimeInstance> byId = new HashMap<>();
        for (RuntimeInstance i : instances) {
            byHost.computeIfAbsent(i.host(), h -> new ArrayList<>()).add(i);
            byId.putIfAbsent(i.id(), i);
            for (PortUse p : i.config().ports()) {
                if (p.listens() && p.entry().protocol().equals("tcp")) {
                    listening.computeIfAbsent(new Key(i.host(), p.effective(i.offset())), k -> new ArrayList<>())
                            .add(new Held(i, p));
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (RuntimeInstance a : instances) {
            for (UrlUse written : a.config().urls()) {
                UrlUse u = resolved(written, a);
                if (u == null) {
                    findings.add(uncheckable(a, written));
                    continue;
                }
                Link explicit = links.stream().filter(l -> l.from().equals(a.id()) && l.url().equals(u.entry().id()))
                        .findFirst().orElse(null);
                if (explicit != null) {
                    RuntimeInstance b = byId.get(explicit.to());
                    if (b != null) {
                        PortUse target = port(b, u.entry().follows());
                        if (target == null) {
                            findings.add(finding(a, u, b.host(), "its <link> points at " + b.id() + ", which has no "
                                    + u.entry().follows() + " port", List.of()));
                        } else if (!u.entry().servedBy(product(b))) {
                            findings.add(finding(a, u, b.host(), "its <link> points at " + b.id() + ", " + kindOf(b)
                                    + ", which does not serve a " + u.entry().purpose(), List.of()));
                        } else if (target.effective(b.offset()) != u.port()) {
                            findings.add(finding(a, u, b.host(), "but " + b.id() + "'s " + target.entry().purpose()
                                    + " listens on " + target.effective(b.offset()), List.of(owner(b, target))));
                        }
                    }
                    continue;
                }
                String host = u.isLocal() ? a.host() : u.host();
                if (!byHost.containsKey(host)) {
                    continue; // a host outside the estate: nothing to check it against
                }
                if (reserved.stream().anyMatch(r -> r.covers(host, "tcp", u.port()))) {
                    continue; // points at a service the estate reserved a port for
                }
                List<Held> holders = listening.getOrDefault(new Key(host, u.port()), List.of());
                if (holders.stream().anyMatch(h -> serves(h.instance(), h.port(), u, a))) {
                    continue;
                }
                boolean self = u.entry().target().equals("self");
                List<Owner> expected = new ArrayList<>();
                List<Owner> likely = new ArrayList<>();
                // a URL about its own deployment on another host: which gateway it means is not known
                List<RuntimeInstance> candidates = !self ? byHost.get(host) : host.equals(a.host()) ? List.of(a)
                        : List.of();
                for (RuntimeInstance b : candidates) {
                    PortUse target = port(b, u.entry().follows());
                    if (target != null && serves(b, target, u, a)) {
                        expected.add(owner(b, target));
                        if (self || u.entry().target().equals("any") || b != a) {
                            likely.add(owner(b, target));
                        }
                    }
                }
                if (likely.size() == 1) {
                    expected = likely;
                }
                findings.add(finding(a, u, host, where(holders, u, a), expected));
            }
        }
        return findings;
    }

    /**
     * True when {@code b}'s port is a listener the URL {@code a} keeps is for. A URL about its own deployment (a
     * gateway environment's) is served by {@code a} itself or by another instance of the same product line and version:
     * a control plane advertises its gateways' URLs, an all-in-one its own; not a co-hosted other release.
     */
    private static boolean serves(RuntimeInstance b, PortUse port, UrlUse u, RuntimeInstance a) {
        return port.entry().id().equals(u.entry().follows()) && u.entry().servedBy(product(b))
                && (!u.entry().target().equals("self") || b == a || sameDeployment(a, b));
    }

    /** Two instances of one product line and version (wso2am-acp 4.5.0 and wso2am-universal-gw 4.5.0). */
    private static boolean sameDeployment(RuntimeInstance a, RuntimeInstance b) {
        String lineA = product(a).split("-")[0];
        String lineB = product(b).split("-")[0];
        return lineA.equals(lineB) && java.util.Objects.equals(a.config().product().version(),
                b.config().product().version());
    }

    /** What is at the port a URL names, when it is not what the URL is for. */
    private static String where(List<Held> holders, UrlUse u, RuntimeInstance a) {
        if (holders.isEmpty()) {
            return "where nothing in the estate listens";
        }
        Held h = holders.get(0);
        String at = "where " + h.instance().id() + "'s " + h.port().entry().purpose() + " listens";
        if (!h.port().entry().id().equals(u.entry().follows())) {
            return at;
        }
        if (!u.entry().servedBy(product(h.instance()))) {
            return at + ", but " + h.instance().id() + " is " + kindOf(h.instance()) + ", which does not serve a "
                    + u.entry().purpose();
        }
        return at + ", not " + a.id() + "'s own deployment's: a URL " + a.id() + " advertises about its own deployment "
                + "must reach it (or a gateway of the same release)";
    }

    private static String product(RuntimeInstance i) {
        return i.config().product().product().key();
    }

    /** "an Enterprise Integrator", as a message says what an instance is. */
    private static String kindOf(RuntimeInstance i) {
        String name = i.config().product().product().name();
        return ("AEIOU".indexOf(Character.toUpperCase(name.charAt(0))) >= 0 ? "an " : "a ") + name;
    }

    /**
     * The URL with a placeholder port replaced by the number WSO2 gives it on the instance that keeps the URL (its own
     * port at its offset); null when it cannot be known before start-up.
     */
    private static UrlUse resolved(UrlUse u, RuntimeInstance a) {
        if (u.unknown() != null) {
            return null;
        }
        if (u.portOf() == null) {
            return u;
        }
        PortUse own = a.config().ports().stream().filter(p -> p.entry().id().equals(u.portOf()) && p.listens())
                .findFirst().orElse(null);
        return own == null ? null : new UrlUse(u.entry(), u.url(), u.host(), (int) own.effective(a.offset()),
                u.location(), u.portOf(), null);
    }

    /** A URL whose placeholder only the running server fills in: said, at INFO, never judged. */
    private static Finding uncheckable(RuntimeInstance a, UrlUse u) {
        String why = u.unknown() != null ? u.unknown() + " is filled in only at start-up (from the environment or "
                + "what the server knows then)" : "its port stands for " + a.id() + "'s " + u.portOf() + " port, which "
                + a.id() + " does not listen on";
        return new Finding(FindingKind.LINK, Severity.INFO, a.host(), null, 0, List.of(new Owner(a.id(),
                u.entry().purpose() + " " + u.url(), u.location().toString(), u.location())),
                "cannot be checked: " + why);
    }

    private static PortUse port(RuntimeInstance i, String entryId) {
        return i.config().ports().stream().filter(p -> p.listens() && p.entry().id().equals(entryId)).findFirst()
                .orElse(null);
    }

    private static Owner owner(RuntimeInstance i, PortUse p) {
        return new Owner(i.id(), p.entry().purpose() + " on " + p.effective(i.offset()), p.provenance(), p.location());
    }

    /** @param host the host the URL reaches, where the finding is */
    private static Finding finding(RuntimeInstance a, UrlUse u, String host, String problem, List<Owner> expected) {
        List<Owner> owners = new ArrayList<>();
        owners.add(new Owner(a.id(), u.entry().purpose() + " " + u.url(), u.location().toString(), u.location()));
        owners.addAll(expected);
        String message = "points at tcp/" + u.port() + ", " + problem
                + (expected.isEmpty() ? "" : "; " + (expected.size() == 1 ? "it should point at " + expected.get(0).purpose()
                        .replaceFirst(".* on ", "") + " (" + expected.get(0).name() + ")"
                        : "the " + u.entry().follows() + " ports of that host are listed"));
        return new Finding(FindingKind.LINK, FindingKind.LINK.defaultSeverity(), host, "tcp", u.port(), owners, message);
    }
}
