package io.github.wso2ports.distribution;

/** How a runtime relates to the others of its distribution. */
public enum RuntimeRole {
    /** The runtime a plain start script starts: EI's integrator, IoT's core, or the only one. */
    PRIMARY,
    /** Another runtime of the same distribution, run beside the primary one (EI broker, IoT analytics...). */
    RUNTIME,
    /**
     * An alternative configuration of the primary runtime, started instead of it ({@code -Dprofile=...},
     * IoT's {@code repository/resources/profiles/*}): never co-hosted with it.
     */
    PROFILE
}
