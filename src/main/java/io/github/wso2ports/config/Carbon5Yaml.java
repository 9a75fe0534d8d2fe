package io.github.wso2ports.config;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.distribution.OffsetFormat;

import java.util.List;

/**
 * The port offset of a Carbon 5 runtime: {@code wso2.carbon: ports: offset} in its deployment.yaml (Carbon kernel 5.2+),
 * {@code ports: offset} in the carbon.yml of a kernel 5.0/5.1 runtime. Carbon's PortsConfig defaults it to 0.
 */
public final class Carbon5Yaml {

    /** The offset, where it is written (null when the file does not set it), and the span of its value. */
    public record Offset(int value, Location location, YamlDocument.Span span) {
    }

    private Carbon5Yaml() {
    }

    /** The offset the file gives; 0, with no location, when it sets none (carbon-kernel PortsConfig.offset). */
    public static Offset offset(YamlDocument doc, OffsetFormat format, Location file) {
        String path = format.yamlPath();
        String key = key(format);
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
        return new Offset(OffsetValue.parse(v.text(), v.location(), key), v.location(), spans.isEmpty() ? null
                : spans.get(0));
    }

    /** How the key is named in messages: {@code wso2.carbon.ports.offset}. */
    public static String key(OffsetFormat format) {
        return format.yamlPath().replace('/', '.');
    }
}
