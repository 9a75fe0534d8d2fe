package io.github.wso2ports.plan;

import io.github.wso2ports.check.Finding;
import io.github.wso2ports.check.RuntimeInstance;

import java.util.List;

/**
 * The offsets an estate should run at: one row per instance, what blocks a clash-free plan (empty when one exists)
 * and what check would still report once the plan is written (warnings, URLs that point at a moved instance).
 */
public record OffsetPlan(List<Row> rows, List<String> blockers, List<Finding> remaining) {

    public OffsetPlan {
        rows = List.copyOf(rows);
        blockers = List.copyOf(blockers);
        remaining = List.copyOf(remaining);
    }

    /** Why an instance has the offset it has in the plan. */
    public enum Status {
        /** Placed by the planner. */
        FREE,
        /** A planned {@code <offset>} in the pom. */
        PINNED,
        /** A secondary runtime (EI's broker, ...) at the offset it ships with. */
        SHIPPED,
        /** {@code -DportOffset} in a start script or {@code <jvmArgs>} decides it; the files do not. */
        START_ARGUMENT,
        /** A Carbon 5 runtime, whose offset does not move its listeners. */
        CARBON5,
        /** A release zip, read in place and never written: it keeps the offset it ships with. */
        ARCHIVE;

        /** How the plan's table names it. */
        public String label() {
            return switch (this) {
                case FREE -> "planned";
                case PINNED -> "pinned";
                case SHIPPED -> "shipped";
                case START_ARGUMENT -> "start argument";
                case CARBON5 -> "Carbon 5";
                case ARCHIVE -> "zip";
            };
        }
    }

    /**
     * @param current    the offset its files (or start arguments) give it now
     * @param planned    the offset of the plan
     * @param why        where the planned offset comes from, as a person reads it
     * @param portsMoved how many of its listening ports the plan moves
     */
    public record Row(RuntimeInstance instance, int current, int planned, Status status, String why, int portsMoved) {

        public boolean changes() {
            return current != planned;
        }
    }

    public boolean found() {
        return blockers.isEmpty();
    }
}
