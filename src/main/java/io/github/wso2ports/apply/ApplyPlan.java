package io.github.wso2ports.apply;

import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.rewrite.FileEdit;

import java.util.List;

/**
 * What {@code apply} will do to one runtime: the file edit (possibly no change), what the offset was and
 * where that came from, and notes and warnings for the log. Nothing is written until {@link OffsetApplier#write}.
 *
 * @param currentOffset the offset the runtime has now, or null when it is not a number yet (a placeholder
 *                      being replaced)
 * @param currentSource where the current offset comes from (a file and line, or a default)
 * @param change        what the edit does, e.g. {@code replaced <Offset> 0 with 3}; null when nothing changes
 * @param others        one line per other runtime of the distribution, with its offset
 */
public record ApplyPlan(Distribution distribution, ProductRuntime runtime, Integer currentOffset, String currentSource,
        int offset, FileEdit edit, String change, List<String> notes, List<String> warnings, List<String> others) {

    public ApplyPlan {
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
        others = List.copyOf(others);
    }

    public boolean changes() {
        return edit.changes();
    }
}
