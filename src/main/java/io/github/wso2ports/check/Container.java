package io.github.wso2ports.check;

import io.github.wso2ports.compose.ComposeReader;
import io.github.wso2ports.compose.Published;

import java.util.List;

/**
 * A compose service as the check sees it: its own network namespace (its runtime's ports clash only with each other
 * there) and the host ports it publishes on the host the compose file runs on.
 *
 * @param id       its id in findings and reports: the service name, or {@code <file>:<service>} where that is not
 *                 unique in the estate
 * @param host     the host its ports are published on
 * @param instance its runtime on a host of its own (its service name, as the compose network resolves it); null when
 *                 it is not modelled
 */
public record Container(String id, String host, ComposeReader.Service service, RuntimeInstance instance) {

    /** The ports it publishes, in the file's order. */
    public List<Published> published() {
        return service.service().ports();
    }

    public boolean modelled() {
        return instance != null;
    }
}
