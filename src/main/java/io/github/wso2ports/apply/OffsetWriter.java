package io.github.wso2ports.apply;

import io.github.wso2ports.Failed;
import io.github.wso2ports.Printer;
import io.github.wso2ports.Unexpected;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.config.OffsetValue;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.distribution.Layout;
import io.github.wso2ports.distribution.LayoutDetector;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sets the offsets of several distributions the way apply does, for apply and for plan: every file is planned and
 * checked before any is written, so a run that must refuse one writes none.
 */
public final class OffsetWriter {

    /**
     * A distribution to change, with the offset and runtime to set.
     *
     * @param instance     the instance id when it comes from {@code <instances>}, else null
     * @param offsetSource where the offset was given, for messages ({@code -Doffset}, {@code <offset>})
     * @param runtime      the runtime to change, or null for the primary one
     * @param product      the instance's {@code <product>}, or null to detect it
     */
    public record Target(String instance, String label, Path home, String runtime, String offset, String offsetSource,
            String product) {

        String prefix() {
            return instance == null ? "" : "instance " + instance + ": ";
        }
    }

    private final Printer out;
    private final Function<Path, FolderSource> open;
    private final String goal;

    /**
     * @param open opens a home folder (refusing archives), showing its path as the user should see it
     * @param goal the goal named in messages
     */
    public OffsetWriter(Printer out, Function<Path, FolderSource> open, String goal) {
        this.out = out;
        this.open = open;
        this.goal = goal;
    }

    /** Plans every target, refuses them all when one cannot be planned, then writes each and says what changed. */
    public void write(List<Target> targets, boolean dryRun, boolean replacePlaceholder) {
        List<ApplyPlan> plans = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Target t : targets) {
            try {
                int value = OffsetValue.parseRequested(t.offset(), t.offsetSource());
                Distribution d = LayoutDetector.detect(open.apply(t.home()));
                plans.add(OffsetApplier.plan(d, t.runtime(), value,
                        new OffsetApplier.Options(replacePlaceholder, t.product())));
            } catch (Wso2PortsException e) {
                problems.add(t.prefix() + e.describe());
            } catch (RuntimeException | StackOverflowError | AssertionError e) {
                problems.add(t.prefix() + Unexpected.problem(e, null).describe());
            } finally {
                Unexpected.doneReading();
            }
        }
        problems.addAll(samePlannedFileTwice(targets, plans));
        if (!problems.isEmpty()) {
            throw Failed.after(Wso2PortsException.Kind.REFUSED, problems, goal + " refused " + problems.size() + " of "
                    + targets.size()
                    + (targets.size() == 1 ? " distribution" : " distributions") + "; nothing was written");
        }
        for (int i = 0; i < plans.size(); i++) {
            ApplyPlan plan = plans.get(i);
            if (!dryRun) {
                try {
                    OffsetApplier.write(plan);
                } catch (Wso2PortsException e) {
                    throw Failed.after(Wso2PortsException.Kind.REFUSED, List.of(targets.get(i).prefix() + e.describe()),
                            goal + " could not write " + plan.edit().location().file()
                            + ", which is unchanged" + (i > 0 ? "; the " + i + " distribution(s) listed before it were "
                                    + "written" : ""));
                }
            }
            // the outcome, once, and only after the write succeeded
            report(targets.get(i).label(), plan, dryRun);
        }
        if (dryRun) {
            out.info("Dry run (wso2-ports.dryRun): nothing was written");
        }
    }

    /**
     * Two targets that end in one file (two instances on one home and runtime) would be planned from the same bytes,
     * and the second write would be refused after the first succeeded: refuse both before anything is written.
     */
    private static List<String> samePlannedFileTwice(List<Target> targets, List<ApplyPlan> plans) {
        List<String> problems = new ArrayList<>();
        if (plans.size() != targets.size()) {
            return problems;
        }
        Map<Path, Integer> seen = new HashMap<>();
        for (int i = 0; i < plans.size(); i++) {
            Path file = plans.get(i).edit().path().toAbsolutePath().normalize();
            try {
                file = file.toRealPath();
            } catch (IOException e) {
                // the plan already read it; the normalized path is good enough to compare
            }
            Integer first = seen.putIfAbsent(file, i);
            if (first != null) {
                problems.add(plans.get(i).edit().location() + ": instances " + targets.get(first).label() + " and "
                        + targets.get(i).label() + " both set the offset of this one file. Give each instance its own "
                        + "home or runtime");
            }
        }
        return problems;
    }

    private void report(String label, ApplyPlan plan, boolean dryRun) {
        String who = label + (plan.distribution().layout() == Layout.MULTI_RUNTIME ? " runtime "
                + plan.runtime().name() : "");
        String was = plan.currentOffset() == null ? "a placeholder" : String.valueOf(plan.currentOffset());
        if (!plan.changes()) {
            out.info(who + ": port offset is already " + plan.offset() + " (" + plan.currentSource()
                    + "); file untouched");
        } else {
            out.info(who + ": " + (dryRun ? "would set" : "set") + " port offset " + was + " -> " + plan.offset()
                    + " in " + plan.edit().location() + " (" + plan.change() + ")");
        }
        plan.notes().forEach(n -> out.info("  " + n));
        plan.warnings().forEach(w -> out.warn("  " + w));
        if (!plan.others().isEmpty()) {
            out.info("  unchanged in this distribution:");
            plan.others().forEach(o -> out.info("    " + o));
        }
        if (dryRun && plan.changes()) {
            plan.edit().diff().forEach(out::info);
        }
    }
}
