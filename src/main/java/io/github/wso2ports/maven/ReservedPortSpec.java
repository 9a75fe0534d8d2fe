package io.github.wso2ports.maven;

/**
 * A reserved port in the pom:
 * <pre>{@code
 * <reservedPort><port>32768-60999</port><protocol>tcp</protocol><host>app1</host><reason>ephemeral range</reason></reservedPort>
 * }</pre>
 * {@code port} is a number or an inclusive range; {@code protocol} defaults to tcp; {@code host} to every host.
 */
public class ReservedPortSpec {

    private String port;
    private String protocol;
    private String host;
    private String reason;

    public String getPort() {
        return port;
    }

    public void setPort(String port) {
        this.port = port;
    }

    public String getProtocol() {
        return protocol;
    }

    public void setProtocol(String protocol) {
        this.protocol = protocol;
    }

    public String getHost() {
        return host;
    }

    public void setHost(String host) {
        this.host = host;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
