package io.github.wso2ports.check;

import io.github.wso2ports.ports.RuntimeConfig;

/**
 * What binds ports on a host: one runtime of one distribution, as one instance of the estate.
 *
 * @param id            the instance id ({@code apim}), or {@code <id>/<runtime>} for each runtime of a
 *                      multi-runtime distribution configured without {@code <runtime>}
 * @param host          the host it runs on
 * @param config        its offset and ports, read from its files
 * @param plannedOffset the offset planned for it in the pom, or null
 * @param applyCommand  the command that writes the planned offset, for the message when they differ
 */
public record RuntimeInstance(String id, String host, RuntimeConfig config, Integer plannedOffset,
        String applyCommand) {

    public int offset() {
        return config.offset();
    }
}
