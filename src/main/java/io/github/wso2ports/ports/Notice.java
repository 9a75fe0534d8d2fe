package io.github.wso2ports.ports;

import io.github.wso2ports.Location;

/**
 * Something about a runtime's files or how it starts that changes its ports and deserves a warning: a
 * {@code -DportOffset} in a start script that beats the files, a Windows script that drops its arguments,
 * {@code -DavoidConfigUpdate} (each {@link Kind#START}); a generated file edited by hand, a config-mapper runtime
 * without deployment.toml ({@link Kind#DRIFT}).
 */
public record Notice(Kind kind, Location location, String message) {

    /** What the notice is about; {@code check} reports each kind as its own finding kind. */
    public enum Kind {
        /** How the runtime is started. */
        START,
        /** The files config-mapper generates no longer follow deployment.toml. */
        DRIFT
    }

    /** A notice about how the runtime is started. */
    public Notice(Location location, String message) {
        this(Kind.START, location, message);
    }
}
