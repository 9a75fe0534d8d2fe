package io.github.wso2ports.plan;

import io.github.wso2ports.Port;
import io.github.wso2ports.check.ClashDetector;
import io.github.wso2ports.check.Finding;
import io.github.wso2ports.check.FindingKind;
import io.github.wso2ports.check.ReservedPort;
import io.github.wso2ports.check.RuntimeInstance;
import io.github.wso2ports.check.Severity;
import io.github.wso2ports.ports.PortUse;
import io.github.wso2ports.ports.RuntimeConfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the smallest offsets that let an estate start without clashes. Instances whose offset is not free to change
 * keep it: a planned {@code <offset>} in the pom, the shipped offset of a secondary runtime (EI's broker at 3), an
 * offset a start argument decides, a Carbon 5 runtime (its offset does not move its listeners). The free ones are
 * placed one at a time, in the order of the pom, each at the smallest offset where none of its ports clashes, is
 * reserved, falls outside 1..65535, needs root or lies in the ephemeral range (the last two only while their
 * severity is not ignore). What decides a clash is {@link ClashDetector}'s, so bind addresses and the ports that
 * never move count exactly as in check. Ports that stay put whatever the offset cannot be planned away: when they
 * clash, the plan says so and names them.
 */
public final class OffsetPlanner {

    /** The kinds an offset can cause or cure. */
    private static final Set<FindingKind> PORT_KINDS = Set.of(FindingKind.CLASH, FindingKind.RESERVED,
            FindingKind.RANGE, FindingKind.PRIVILEGED, FindingKind.EPHEMERAL);

    private record Key(FindingKind kind, String host, String protocol, long port) {

        static Key of(Finding f) {
            return new Key(f.kind(), f.host(), Objects.toString(f.protocol(), ""), f.port());
        }
    }

    private OffsetPlanner() {
    }

    public static OffsetPlan plan(List<RuntimeInstance> instances, List<ReservedPort> reserved,
            ClashDetector.Options options) {
        List<RuntimeInstance> placed = new ArrayList<>();
        List<OffsetPlan.Row> rows = new ArrayList<>();
        List<String> blockers = new ArrayList<>();
        List<RuntimeInstance> free = new ArrayList<>();
        for (RuntimeInstance i : instances) {
            OffsetPlan.Status status = status(i);
            if (status == OffsetPlan.Status.FREE) {
                free.add(i);
                continue;
            }
            int offset = status == OffsetPlan.Status.PINNED ? i.plannedOffset() : i.offset();
            placed.add(i.at(offset, why(i, status)));
        }
        for (Finding f : relevant(ClashDetector.detectPorts(placed, reserved, options), null)) {
            if (f.severity() == Severity.ERROR) {
                blockers.add("instances whose offsets are not free to change: " + f.describe());
            }
        }
        for (RuntimeInstance i : free) {
            Integer offset = place(i, placed, reserved, options, blockers);
            placed.add(i.at(offset == null ? i.offset() : offset, "planned"));
        }
        for (RuntimeInstance i : instances) {
            OffsetPlan.Status status = status(i);
            RuntimeInstance p = placed.stream().filter(x -> x.id().equals(i.id())).findFirst().orElseThrow();
            rows.add(new OffsetPlan.Row(i, i.offset(), p.offset(), status, why(i, status), moved(i, p.offset())));
        }
        List<RuntimeInstance> planned = rows.stream().map(r -> r.instance().at(r.planned(), "planned")).toList();
        List<Finding> remaining = ClashDetector.detect(planned, reserved, options).stream()
                .filter(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING).toList();
        return new OffsetPlan(rows, blockers, remaining);
    }

    /**
     * The smallest offset for a free instance among those already placed: first one that causes nothing, else one
     * that causes no error; null (and a blocker) when none does.
     */
    private static Integer place(RuntimeInstance i, List<RuntimeInstance> placed, List<ReservedPort> reserved,
            ClashDetector.Options options, List<String> blockers) {
        List<PortUse> staying = i.config().ports().stream().filter(p -> p.effective(0) == p.effective(1)).toList();
        RuntimeInstance still = i.at(0, "");
        List<Finding> fixed = findings(still.with(still.config().withPorts(staying)), placed, reserved, options);
        Set<Key> whatever = new HashSet<>();
        for (Finding f : fixed) {
            whatever.add(Key.of(f));
            if (f.severity() == Severity.ERROR) {
                blockers.add(i.id() + " keeps this port whatever its offset: " + f.describe());
            }
        }
        if (fixed.stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            return null;
        }
        int highest = i.config().ports().stream().filter(PortUse::listens).filter(p -> !staying.contains(p))
                .mapToInt(PortUse::base).max().orElse(0);
        int last = highest == 0 ? 0 : Port.largestOffset(highest);
        Integer withWarnings = null;
        for (int offset = 0; offset <= last; offset++) {
            List<Finding> found = findings(i.at(offset, "planned"), placed, reserved, options).stream()
                    .filter(f -> !whatever.contains(Key.of(f))).toList();
            if (found.isEmpty()) {
                return offset;
            }
            if (withWarnings == null && found.stream().noneMatch(f -> f.severity() == Severity.ERROR)) {
                withWarnings = offset;
            }
        }
        if (withWarnings == null) {
            blockers.add(i.id() + ": no offset from 0 to " + last + " frees all of its ports (the highest that moves is "
                    + highest + ")");
        }
        return withWarnings;
    }

    private static List<Finding> findings(RuntimeInstance candidate, List<RuntimeInstance> placed,
            List<ReservedPort> reserved, ClashDetector.Options options) {
        List<RuntimeInstance> all = new ArrayList<>(placed);
        all.add(candidate);
        return relevant(ClashDetector.detectPorts(all, reserved, options), candidate.id());
    }

    /** Port findings worth avoiding (errors and warnings), those that involve {@code id} when given. */
    private static List<Finding> relevant(List<Finding> findings, String id) {
        return findings.stream().filter(f -> PORT_KINDS.contains(f.kind()))
                .filter(f -> f.severity() == Severity.ERROR || f.severity() == Severity.WARNING)
                .filter(f -> id == null || f.owners().stream().anyMatch(o -> o.name().equals(id))).toList();
    }

    private static OffsetPlan.Status status(RuntimeInstance i) {
        if (i.plannedOffset() != null) {
            return OffsetPlan.Status.PINNED;
        }
        if (i.secondaryRuntime()) {
            return OffsetPlan.Status.SHIPPED;
        }
        if (i.config().startOffset()) {
            return OffsetPlan.Status.START_ARGUMENT;
        }
        // a source without files on disk is an archive, which nothing here writes
        if (i.config().distribution().source().path(i.config().runtime().offsetFile()) == null) {
            return OffsetPlan.Status.ARCHIVE;
        }
        if (!RuntimeConfig.listenersTheOffsetLeaves(i.config().runtime(), i.config().ports()).isEmpty()) {
            return OffsetPlan.Status.CARBON5;
        }
        return OffsetPlan.Status.FREE;
    }

    private static String why(RuntimeInstance i, OffsetPlan.Status status) {
        return switch (status) {
            case FREE -> "planned";
            case PINNED -> "<offset> in the pom";
            case SHIPPED -> "runtime of " + i.configuredId() + ", keeps its shipped offset (" + i.config().offsetSource()
                    + ")";
            case START_ARGUMENT -> i.config().offsetSource();
            case CARBON5 -> "its offset does not move its HTTP listeners (" + RuntimeConfig.listenersTheOffsetLeaves(
                    i.config().runtime(), i.config().ports()).get(0).stays() + "), so it is not planned";
            case ARCHIVE -> "a release zip keeps the offset it ships with (" + i.config().offsetSource() + "); unpack it "
                    + "to plan it";
        };
    }

    private static int moved(RuntimeInstance i, int planned) {
        return (int) i.config().ports().stream().filter(PortUse::listens)
                .filter(p -> p.effective(i.offset()) != p.effective(planned)).count();
    }
}
