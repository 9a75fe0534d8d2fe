package io.github.wso2ports.distribution;

/** The file kind that holds a runtime's port offset. */
public enum OffsetFormat {
    /** {@code <Ports><Offset>} in carbon.xml. */
    CARBON_XML,
    /** {@code [server] offset} in deployment.toml. */
    DEPLOYMENT_TOML,
    /** {@code wso2.carbon: ports: offset} in a Carbon 5 deployment.yaml. */
    DEPLOYMENT_YAML
}
