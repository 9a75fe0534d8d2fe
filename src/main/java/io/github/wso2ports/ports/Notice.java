package io.github.wso2ports.ports;

import io.github.wso2ports.Location;

/**
 * Something about how a runtime starts that changes its ports and deserves a warning: a {@code -DportOffset} in a
 * start script that beats the files, a Windows script that drops its arguments, {@code -DavoidConfigUpdate}.
 */
public record Notice(Location location, String message) {
}
