package io.github.wso2ports.distribution;

/** The file kind that holds a runtime's port offset. */
public enum OffsetFormat {
    /** {@code <Ports><Offset>} in carbon.xml. */
    CARBON_XML,
    /** {@code [server] offset} in deployment.toml. */
    DEPLOYMENT_TOML,
    /** {@code wso2.carbon: ports: offset} in a Carbon 5 deployment.yaml. */
    DEPLOYMENT_YAML,
    /** {@code ports: offset} in the carbon.yml of a Carbon kernel 5.0/5.1 runtime (EI 6.1-6.5's MSF4J runtime). */
    CARBON_YML;

    /** Where a YAML format keeps the offset (a {@code YamlDocument} path); null for the others. */
    public String yamlPath() {
        return switch (this) {
            case DEPLOYMENT_YAML -> "wso2.carbon/ports/offset";
            case CARBON_YML -> "ports/offset";
            default -> null;
        };
    }

    /** True for the Carbon 5 formats, a YAML file. */
    public boolean isYaml() {
        return yamlPath() != null;
    }
}
