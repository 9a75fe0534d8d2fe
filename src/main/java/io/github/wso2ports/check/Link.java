package io.github.wso2ports.check;

/**
 * An explicit link, for URLs whose host does not name an instance of the estate (a DNS name, a load balancer):
 * the URL {@code url} (a catalog URL id) of instance {@code from} points at instance {@code to}.
 */
public record Link(String from, String url, String to) {
}
