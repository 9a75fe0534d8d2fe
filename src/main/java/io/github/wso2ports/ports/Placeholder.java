package io.github.wso2ports.ports;

/**
 * A {@code ${name}} WSO2 fills in at start-up, as URLs in its config use it: the number of one of the runtime's own
 * ports at its offset ({@code ${mgt.transport.https.port}}), or the host the runtime runs on
 * ({@code ${carbon.local.ip}}).
 *
 * @param name   the system property
 * @param port   the catalog port entry whose number (on the runtime, at its offset) it stands for; null for a host
 * @param source what establishes the fact
 */
public record Placeholder(String name, String port, String source) {

    /** True when it stands for the runtime's own host. */
    public boolean isHost() {
        return port == null;
    }
}
