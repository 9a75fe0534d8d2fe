package io.github.wso2ports.check;

import io.github.wso2ports.ports.PortUse;
import io.github.wso2ports.ports.UrlUse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the URLs instances keep to one another (key manager, traffic manager, analytics, JMS, LDAP) against the
 * ports those instances really listen on: a URL must point at a port where the service it names listens. A local
 * URL that still names the base port after an offset, or a URL to a port nobody in the estate listens on, is a
 * {@code link} finding naming the URL's file and the file of the port it should point at.
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
            for (UrlUse u : a.config().urls()) {
                Link explicit = links.stream().filter(l -> l.from().equals(a.id()) && l.url().equals(u.entry().id()))
                        .findFirst().orElse(null);
                if (explicit != null) {
                    RuntimeInstance b = byId.get(explicit.to());
                    if (b != null) {
                        PortUse target = port(b, u.entry().follows());
                        if (target == null) {
                            findings.add(finding(a, u, "its <link> points at " + b.id() + ", which has no "
                                    + u.entry().follows() + " port", List.of()));
                        } else if (target.effective(b.offset()) != u.port()) {
                            findings.add(finding(a, u, "but " + b.id() + "'s " + target.entry().purpose()
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
                if (holders.stream().anyMatch(h -> h.port().entry().id().equals(u.entry().follows()))) {
                    continue;
                }
                List<Owner> expected = new ArrayList<>();
                List<Owner> likely = new ArrayList<>();
                for (RuntimeInstance b : byHost.get(host)) {
                    PortUse target = port(b, u.entry().follows());
                    if (target != null) {
                        expected.add(owner(b, target));
                        boolean self = b == a;
                        String whom = u.entry().target();
                        if (whom.equals("any") || whom.equals("self") == self) {
                            likely.add(owner(b, target));
                        }
                    }
                }
                if (likely.size() == 1) {
                    expected = likely;
                }
                String what = holders.isEmpty() ? "where nothing in the estate listens"
                        : "where " + holders.get(0).instance().id() + "'s " + holders.get(0).port().entry().purpose()
                                + " listens";
                findings.add(finding(a, u, what, expected));
            }
        }
        return findings;
    }

    private static PortUse port(RuntimeInstance i, String entryId) {
        return i.config().ports().stream().filter(p -> p.listens() && p.entry().id().equals(entryId)).findFirst()
                .orElse(null);
    }

    private static Owner owner(RuntimeInstance i, PortUse p) {
        return new Owner(i.id(), p.entry().purpose() + " on " + p.effective(i.offset()), p.provenance(), p.location());
    }

    private static Finding finding(RuntimeInstance a, UrlUse u, String problem, List<Owner> expected) {
        List<Owner> owners = new ArrayList<>();
        owners.add(new Owner(a.id(), u.entry().purpose() + " " + u.url(), u.location().toString(), u.location()));
        owners.addAll(expected);
        String message = "points at tcp/" + u.port() + ", " + problem
                + (expected.isEmpty() ? "" : "; " + (expected.size() == 1 ? "it should point at " + expected.get(0).purpose()
                        .replaceFirst(".* on ", "") + " (" + expected.get(0).name() + ")"
                        : "the " + u.entry().follows() + " ports of that host are listed"));
        return new Finding(FindingKind.LINK, FindingKind.LINK.defaultSeverity(), a.host(), "tcp", u.port(), owners,
                message);
    }
}
