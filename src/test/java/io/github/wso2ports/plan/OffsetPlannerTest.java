package io.github.wso2ports.plan;

import io.github.wso2ports.check.ClashDetector;
import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.check.Finding;
import io.github.wso2ports.check.FindingKind;
import io.github.wso2ports.check.ReservedPort;
import io.github.wso2ports.check.RuntimeInstance;
import io.github.wso2ports.check.Severity;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.testing.Corpus;
import io.github.wso2ports.testing.Instances;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OffsetPlannerTest {

    private static final ClashDetector.Options DEFAULTS = ClashDetector.Options.defaults();

    /** Corpus distributions as instances on one host, each with an optional planned offset (null: free). */
    private static List<RuntimeInstance> estate(Object... nameAndPlanned) {
        List<EstateReader.InstanceSpec> specs = new ArrayList<>();
        for (int i = 0; i < nameAndPlanned.length; i += 2) {
            String name = (String) nameAndPlanned[i];
            String id = name.replaceFirst("-[0-9].*", "") + i / 2;
            specs.add(new EstateReader.InstanceSpec(id, Corpus.files().resolve(name), name, "localhost",
                    (String) nameAndPlanned[i + 1], null, null, "apply"));
        }
        EstateReader.Result r = EstateReader.read(specs, Catalog.builtIn());
        assertEquals(List.of(), r.errors());
        return r.instances();
    }

    private static List<Finding> errorsAfter(OffsetPlan plan, List<ReservedPort> reserved) {
        List<RuntimeInstance> planned = plan.rows().stream().map(r -> r.instance().at(r.planned(), "plan")).toList();
        return ClashDetector.detect(planned, reserved, DEFAULTS).stream().filter(f -> f.severity() == Severity.ERROR)
                .toList();
    }

    /** Every free instance's planned offset is the smallest: each smaller one clashes with what came before. */
    private static void assertSmallest(OffsetPlan plan, List<ReservedPort> reserved) {
        List<RuntimeInstance> before = new ArrayList<>();
        for (OffsetPlan.Row r : plan.rows()) {
            if (r.status() != OffsetPlan.Status.FREE) {
                before.add(0, r.instance().at(r.planned(), "fixed"));
            }
        }
        for (OffsetPlan.Row r : plan.rows()) {
            if (r.status() != OffsetPlan.Status.FREE) {
                continue;
            }
            for (int smaller = 0; smaller < r.planned(); smaller++) {
                List<RuntimeInstance> all = new ArrayList<>(before);
                all.add(r.instance().at(smaller, "smaller"));
                String id = r.instance().id();
                List<Finding> f = ClashDetector.detectPorts(all, reserved, DEFAULTS).stream()
                        .filter(x -> x.severity() != Severity.INFO && x.kind() != FindingKind.UNSHIFTED)
                        .filter(x -> x.owners().stream().anyMatch(o -> o.name().equals(id))).toList();
                assertFalse(f.isEmpty(), id + " could have had offset " + smaller);
            }
            before.add(r.instance().at(r.planned(), "planned"));
        }
    }

    @Test
    void fourCoHostedProductsGetTheSmallestClashFreeOffsets() {
        List<RuntimeInstance> estate = estate("wso2am-2.6.0", null, "wso2is-5.11.0", null, "wso2esb-5.0.0", null,
                "wso2mi-4.3.0", null);
        assertFalse(ClashDetector.detect(estate, List.of(), DEFAULTS).stream()
                .filter(f -> f.kind() == FindingKind.CLASH).toList().isEmpty(), "the shipped offsets clash");
        OffsetPlan plan = OffsetPlanner.plan(estate, List.of(), DEFAULTS);
        assertTrue(plan.found(), plan.blockers().toString());
        assertEquals(List.of(), errorsAfter(plan, List.of()));
        assertEquals(0, plan.rows().get(0).planned(), "the first free instance keeps the smallest offset");
        assertSmallest(plan, List.of());
        // deterministic
        assertEquals(plan.rows().stream().map(OffsetPlan.Row::planned).toList(),
                OffsetPlanner.plan(estate, List.of(), DEFAULTS).rows().stream().map(OffsetPlan.Row::planned).toList());
    }

    @Test
    void pinnedOffsetsAndShippedRuntimeOffsetsAreKept() {
        // EI 6.4.0's runtimes ship at 0 (integrator), 3 (broker), 2 (business-process), 1 (analytics), 10 (MI)
        List<RuntimeInstance> estate = estate("wso2ei-6.4.0", null, "wso2am-2.6.0", "20", "wso2is-5.3.0", null);
        OffsetPlan plan = OffsetPlanner.plan(estate, List.of(), DEFAULTS);
        assertTrue(plan.found(), plan.blockers().toString());
        for (OffsetPlan.Row r : plan.rows()) {
            if (r.status() == OffsetPlan.Status.SHIPPED) {
                assertEquals(r.current(), r.planned(), r.instance().id());
            }
        }
        OffsetPlan.Row am = plan.rows().stream().filter(r -> r.instance().id().equals("wso2am1")).findFirst()
                .orElseThrow();
        assertEquals(OffsetPlan.Status.PINNED, am.status());
        assertEquals(20, am.planned());
        assertTrue(plan.rows().stream().anyMatch(r -> r.status() == OffsetPlan.Status.SHIPPED));
        assertEquals(List.of(), errorsAfter(plan, List.of()));
        assertSmallest(plan, List.of());
    }

    @Test
    void reservedPortsArePlannedAround() {
        List<RuntimeInstance> estate = estate("wso2am-2.6.0", null);
        // 9443 at offset 0 and 1 reserved: the smallest offset that frees every port is above 1
        List<ReservedPort> reserved = List.of(ReservedPort.of("9443-9444", "tcp", null, "another server", "pom", null));
        OffsetPlan plan = OffsetPlanner.plan(estate, reserved, DEFAULTS);
        assertTrue(plan.found(), plan.blockers().toString());
        assertTrue(plan.rows().get(0).planned() >= 2);
        assertEquals(List.of(), errorsAfter(plan, reserved));
        assertSmallest(plan, reserved);
    }

    @Test
    void portsThatNeverMoveBlockThePlanAndAreNamed() {
        // two instances whose Hazelcast member port (never offset) is 4000: no offset separates them
        RuntimeInstance a = Instances.instance("a", "h", 0, 0, "hazelcast-member", 4000, 12, "servlet-https", 9443, 3);
        RuntimeInstance b = Instances.instance("b", "h", 0, null, "hazelcast-member", 4000, 12, "servlet-https", 9443, 3);
        OffsetPlan plan = OffsetPlanner.plan(List.of(a, b), List.of(), DEFAULTS);
        assertFalse(plan.found());
        assertEquals(1, plan.blockers().size(), plan.blockers().toString());
        assertTrue(plan.blockers().get(0).startsWith("b keeps this port whatever its offset: h tcp/4000 clash:"),
                plan.blockers().get(0));
        assertTrue(plan.blockers().get(0).contains("b/conf/x.xml:12"), plan.blockers().get(0));
    }

    @Test
    void pinnedInstancesThatClashBlockThePlan() {
        RuntimeInstance a = Instances.instance("a", "h", 0, 0, "servlet-https", 9443, 3);
        RuntimeInstance b = Instances.instance("b", "h", 0, 0, "servlet-https", 9443, 3);
        OffsetPlan plan = OffsetPlanner.plan(List.of(a, b), List.of(), DEFAULTS);
        assertFalse(plan.found());
        assertTrue(plan.blockers().get(0).startsWith("instances whose offsets are not free to change: h tcp/9443 clash"),
                plan.blockers().toString());
    }

    @Test
    void instancesOnOtherHostsDoNotMove() {
        RuntimeInstance a = Instances.instance("a", "h1", 0, null, "servlet-https", 9443, 3);
        RuntimeInstance b = Instances.instance("b", "h2", 5, null, "servlet-https", 9443, 3);
        OffsetPlan plan = OffsetPlanner.plan(List.of(a, b), List.of(), DEFAULTS);
        assertEquals(List.of(0, 0), plan.rows().stream().map(OffsetPlan.Row::planned).toList());
        assertEquals(1, plan.rows().get(1).portsMoved());
        assertTrue(plan.rows().get(1).changes());
    }

    @Test
    void ignoredSeveritiesDoNotSteerThePlan() {
        // at offset 0 the port is below 1024 (a warning): planned above it, unless privileged is ignored
        RuntimeInstance a = Instances.instance("a", "h", 0, null, "servlet-https", 1000, 3);
        assertEquals(24, OffsetPlanner.plan(List.of(a), List.of(), DEFAULTS).rows().get(0).planned());
        ClashDetector.Options ignore = new ClashDetector.Options(32768, 60999,
                Map.of(FindingKind.PRIVILEGED, Severity.IGNORE));
        assertEquals(0, OffsetPlanner.plan(List.of(a), List.of(), ignore).rows().get(0).planned());
    }
}
