package io.github.wso2ports.config;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.distribution.OffsetFormat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The port offset of a Carbon 5 runtime: {@code wso2.carbon: ports: offset} in its deployment.yaml (Carbon kernel 5.2+),
 * {@code ports: offset} in the carbon.yml of a kernel 5.0/5.1 runtime. Carbon's PortsConfig defaults it to 0.
 */
public final class Carbon5Yaml {

    /** The offset, where it is written (null when the file does not set it), and the span of its value. */
    public record Offset(int value, Location location, YamlDocument.Span span) {
    }

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+]?(0|[1-9][0-9]*)");

    private Carbon5Yaml() {
    }

    // carbon-kernel's configuration beans, field by field, as SnakeYAML binds them (BeanAccess.FIELD: an unknown key or a
    // value of another kind fails the start): CarbonConfiguration v5.2.10-v5.3.4 (the wso2.carbon namespace of
    // deployment.yaml, bound by carbon-config ConfigProviderImpl) and v5.1.0 (the whole carbon.yml,
    // YAMLBasedConfigProvider); PortsConfig, StartupResolverConfig, JmxConfiguration, DeploymentConfig alike
    private static final YamlDocument.Shape TIMER = new YamlDocument.Fields("the timer settings", Map.of(
            "delay", YamlDocument.Scalar.INT, "period", YamlDocument.Scalar.INT));
    private static final Map<String, YamlDocument.Shape> COMMON = Map.of(
            "id", YamlDocument.Scalar.TEXT,
            "name", YamlDocument.Scalar.TEXT,
            "version", YamlDocument.Scalar.TEXT,
            "tenant", YamlDocument.Scalar.TEXT,
            "ports", new YamlDocument.Fields("PortsConfig", Map.of("offset", YamlDocument.Scalar.INT)),
            "startupResolver", new YamlDocument.Fields("StartupResolverConfig", Map.of(
                    "capabilityListenerTimer", TIMER, "pendingCapabilityTimer", TIMER)),
            "jmx", new YamlDocument.Fields("JmxConfiguration", Map.of("enabled", YamlDocument.Scalar.BOOL,
                    "hostName", YamlDocument.Scalar.TEXT, "rmiServerPort", YamlDocument.Scalar.INT,
                    "rmiRegistryPort", YamlDocument.Scalar.INT)));
    private static final YamlDocument.Shape DEPLOYMENT_YAML = new YamlDocument.Fields("CarbonConfiguration",
            with(COMMON, Map.of("type", YamlDocument.Scalar.TEXT, "hostnameVerificationEnabled",
                    YamlDocument.Scalar.BOOL)));
    private static final YamlDocument.Shape CARBON_YML = new YamlDocument.Fields("CarbonConfiguration",
            with(COMMON, Map.of("deployment", new YamlDocument.Fields("DeploymentConfig", Map.of(
                    "mode", new YamlDocument.Scalar("a deployment mode", Set.of("triggered", "scheduled")),
                    "repositoryLocation", YamlDocument.Scalar.TEXT, "updateInterval", YamlDocument.Scalar.INT)))));

    private static Map<String, YamlDocument.Shape> with(Map<String, YamlDocument.Shape> a,
            Map<String, YamlDocument.Shape> b) {
        Map<String, YamlDocument.Shape> all = new HashMap<>(a);
        all.putAll(b);
        return Map.copyOf(all);
    }

    /** The offset the file gives; 0, with no location, when it sets none (carbon-kernel PortsConfig.offset). */
    public static Offset offset(YamlDocument doc, OffsetFormat format, Location file) {
        String path = format.yamlPath();
        String key = key(format);
        if (doc.isEmpty() || !doc.isMapping()) {
            // carbon-config reads the file as a map of namespaces: nothing, or no map, fails the start
            throw new Wso2PortsException(file, (doc.isEmpty() ? "holds no YAML document" : "is not a mapping of "
                    + "settings at its top level") + ", so Carbon cannot read its configuration and would not start",
                    "Restore it from the distribution");
        }
        String bean = path.substring(0, Math.max(0, path.lastIndexOf("/ports/offset")));
        doc.requireShape(bean, format == OffsetFormat.CARBON_YML ? CARBON_YML : DEPLOYMENT_YAML,
                bean.isEmpty() ? "carbon.yml" : bean.replace('/', '.'));
        List<YamlDocument.Span> spans = doc.spans(path);
        List<YamlDocument.Value> values = doc.select(path);
        if (values.size() > 1) {
            throw new Wso2PortsException(values.get(1).location(), key + " is set more than once",
                    "Write it once, as " + key + ": N");
        }
        if (values.isEmpty()) {
            return new Offset(0, null, null);
        }
        YamlDocument.Value v = values.get(0);
        if (!DECIMAL.matcher(v.text()).matches() && YamlDocument.YAML_INT.matcher(v.text()).matches()) {
            // SnakeYAML reads YAML 1.1 integers: 010 is 8, 0x10 is 16, 1:30 is 90
            throw new Wso2PortsException(v.location(), key + " is " + v.text() + ", which YAML 1.1 reads in another "
                    + "notation than decimal (010 is 8, 0x10 is 16, 1:30 is 90)", "Write the offset in decimal, as "
                    + key.substring(key.lastIndexOf('.') + 1) + ": 3");
        }
        return new Offset(OffsetValue.parse(v.text(), v.location(), key), v.location(), spans.isEmpty() ? null
                : spans.get(0));
    }

    /** How the key is named in messages: {@code wso2.carbon.ports.offset}. */
    public static String key(OffsetFormat format) {
        return format.yamlPath().replace('/', '.');
    }
}
