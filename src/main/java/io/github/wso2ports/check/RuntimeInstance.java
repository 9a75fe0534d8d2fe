package io.github.wso2ports.check;

import io.github.wso2ports.ports.RuntimeConfig;

/**
 * What binds ports on a host: one runtime of one distribution, as one instance of the estate.
 *
 * @param id               the instance id ({@code apim}), or {@code <id>/<runtime>} for each runtime of a
 *                         multi-runtime distribution configured without {@code <runtime>}
 * @param host             the host it runs on
 * @param config           its offset and ports, read from its files
 * @param plannedOffset    the offset planned for it in the pom, or null
 * @param applyCommand     the command that writes the planned offset, for the message when they differ
 * @param configuredId     the {@code <id>} of the instance it comes from
 * @param secondaryRuntime true for a runtime other than the primary one of a distribution whose runtimes all count
 *                         (EI's broker, ...): it keeps the offset it ships with, the pom's {@code <offset>} is not its
 */
public record RuntimeInstance(String id, String host, RuntimeConfig config, Integer plannedOffset,
        String applyCommand, String configuredId, boolean secondaryRuntime) {

    public RuntimeInstance(String id, String host, RuntimeConfig config, Integer plannedOffset, String applyCommand) {
        this(id, host, config, plannedOffset, applyCommand, id, false);
    }

    public int offset() {
        return config.offset();
    }

    /** This instance as it would be with its files set to {@code offset} and nothing planned. */
    public RuntimeInstance at(int offset, String source) {
        return new RuntimeInstance(id, host, config.atOffset(offset, source), null, applyCommand, configuredId,
                secondaryRuntime);
    }

    /** This instance with another config (the same runtime, fewer ports, another offset). */
    public RuntimeInstance with(RuntimeConfig other) {
        return new RuntimeInstance(id, host, other, plannedOffset, applyCommand, configuredId, secondaryRuntime);
    }
}
