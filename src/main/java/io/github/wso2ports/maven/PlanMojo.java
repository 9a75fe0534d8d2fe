package io.github.wso2ports.maven;

import io.github.wso2ports.Failed;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.apply.OffsetWriter;
import io.github.wso2ports.check.CheckRequest;
import io.github.wso2ports.check.EstateCheck;
import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.check.Finding;
import io.github.wso2ports.check.Severity;
import io.github.wso2ports.plan.OffsetPlan;
import io.github.wso2ports.plan.OffsetPlanner;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Computes the smallest port offsets that let the configured instances start without clashes, and prints them as a
 * table (instance, host, current offset, planned offset, ports moved) and as the {@code <offset>} lines that pin the
 * plan in the pom. Instances with a planned {@code <offset>} keep it; so do the secondary runtimes of a multi-runtime
 * distribution (their shipped offsets), offsets decided by {@code -DportOffset}, and Carbon 5 runtimes. Reserved
 * ports and the ports that never move are respected. With {@code -Dwso2-ports.write}, the free instances' files are
 * written the way apply writes them. Fails, naming what blocks it, when no clash-free plan exists within the port
 * range.
 */
@Mojo(name = "plan", requiresProject = false, threadSafe = true)
public class PlanMojo extends AbstractEstateMojo {

    /**
     * Write the planned offsets of the free instances into their files (as apply does); default: print only.
     *
     * @since 0.1.0
     */
    @Parameter(property = "wso2-ports.write", defaultValue = "false")
    boolean write;

    @Override
    protected void run() {
        CheckRequest request = request();
        EstateCheck.Estate estate = EstateCheck.read(request, null, this::display);
        OffsetPlan plan = OffsetPlanner.plan(estate.instances(), estate.reservedWithPublished(), estate.options());
        table(plan);
        if (!plan.found()) {
            throw Failed.after(Wso2PortsException.Kind.REFUSED, plan.blockers(), "wso2-ports:plan: no clash-free plan "
                    + "exists: " + plan.blockers().size()
                    + (plan.blockers().size() == 1 ? " problem" : " problems") + " that no offset of the free instances "
                    + "fixes (see the errors above); nothing was written");
        }
        List<OffsetPlan.Row> free = plan.rows().stream().filter(r -> r.status() == OffsetPlan.Status.FREE).toList();
        if (free.isEmpty()) {
            getLog().info("Nothing to plan: no instance is free to move (each has an <offset>, a shipped runtime offset, "
                    + "or a -DportOffset)");
        } else if (hasInstances()) {
            getLog().info("To pin this plan, give these instances an <offset> in the pom:");
            free.forEach(r -> getLog().info("  " + r.instance().configuredId() + ": <offset>" + r.planned()
                    + "</offset>"));
        }
        long errorsLeft = 0;
        for (Finding f : plan.remaining()) {
            String line = "after this plan, check still reports " + f.describe(0, 0, 0, true);
            if (f.severity() == Severity.ERROR) {
                getLog().error(line);
                errorsLeft++;
            } else {
                getLog().warn(line);
            }
        }
        if (errorsLeft > 0) {
            // a plan that leaves the build failing is no plan to write
            throw Failed.with(Wso2PortsException.Kind.REFUSED, "wso2-ports:plan: after this plan, check would still "
                    + "report " + errorsLeft
                    + (errorsLeft == 1 ? " error" : " errors") + " (see above), which no offset of the free instances "
                    + "fixes; nothing was written");
        }
        List<OffsetPlan.Row> changes = free.stream().filter(OffsetPlan.Row::changes).toList();
        if (changes.isEmpty()) {
            getLog().info("Every free instance already has its planned offset: nothing to write");
        } else if (!write) {
            getLog().info("Nothing written: -Dwso2-ports.write writes the " + changes.size() + " changed "
                    + (changes.size() == 1 ? "offset" : "offsets") + " (or pin them as above and run mvn wso2-ports:apply)");
        } else {
            new OffsetWriter(printer(), this::openFolder, "wso2-ports:plan").write(targets(request, changes), false, false);
        }
    }

    private void table(OffsetPlan plan) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"instance", "host", "offset", "planned", "ports moved", "because"});
        for (OffsetPlan.Row r : plan.rows()) {
            rows.add(new String[] {r.instance().id(), r.instance().host(), String.valueOf(r.current()),
                    String.valueOf(r.planned()), String.valueOf(r.portsMoved()),
                    r.status().label() + (r.status() == OffsetPlan.Status.FREE ? "" : ": " + r.why())});
        }
        int[] width = new int[6];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        getLog().info("Offset plan for " + plan.rows().size() + (plan.rows().size() == 1 ? " instance" : " instances")
                + ":");
        for (String[] row : rows) {
            StringBuilder sb = new StringBuilder("  ");
            for (int c = 0; c < row.length; c++) {
                boolean number = c >= 2 && c <= 4;
                String cell = c == row.length - 1 ? row[c] : String.format(Locale.ROOT, "%" + (number ? "" : "-")
                        + width[c] + "s", row[c]);
                sb.append(cell).append(c == row.length - 1 ? "" : "  ");
            }
            getLog().info(sb.toString().stripTrailing());
        }
    }

    /** The free instances to write: their pom instance (home, runtime, product), or the distribution given alone. */
    private List<OffsetWriter.Target> targets(CheckRequest request, List<OffsetPlan.Row> rows) {
        List<OffsetWriter.Target> targets = new ArrayList<>();
        for (OffsetPlan.Row r : rows) {
            String id = r.instance().configuredId();
            Instance configured = hasInstances() && home == null ? instances.stream()
                    .filter(i -> id.equals(i.getId())).findFirst().orElse(null) : null;
            String offset = String.valueOf(r.planned());
            // the row's own runtime when a multi-runtime distribution was read as one instance per runtime
            String runtime = r.instance().secondaryRuntime() ? r.instance().config().runtime().name() : null;
            if (configured != null) {
                targets.add(new OffsetWriter.Target(id, r.instance().id(), homeOf(configured),
                        configured.getRuntime() != null ? configured.getRuntime() : runtime, offset, "the plan",
                        configured.getProduct()));
            } else {
                // a distribution given alone, or one of a host folder or list
                Path home = request.instances().stream().filter(s -> s.id().equals(id)).map(EstateReader.InstanceSpec::home)
                        .findFirst().orElse(basedir.toPath());
                targets.add(new OffsetWriter.Target(null, r.instance().id(), home, runtime, offset, "the plan", null));
            }
        }
        return targets;
    }
}
