package io.github.wso2ports.ports;

import io.github.wso2ports.config.CarbonXml;
import io.github.wso2ports.config.DeploymentToml;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.DistributionSource;
import io.github.wso2ports.distribution.OffsetFormat;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.text.TextFile;
import io.github.wso2ports.xml.XmlDocument;

import org.dom4j.Attribute;
import org.dom4j.Element;
import org.dom4j.Node;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the ports a runtime's files declare, at the places the catalog names. In config-mapper products a
 * port key in deployment.toml beats the value in the generated XML, which may be stale until the next start.
 * Values that are not plain numbers (placeholders such as {@code ${http.nio.port}}) are not ports.
 */
public final class DeclaredPortReader {

    private DeclaredPortReader() {
    }

    public static List<DeclaredPort> read(Distribution distribution, ProductRuntime runtime, Catalog catalog) {
        DistributionSource source = distribution.source();
        Map<String, XmlDocument> documents = new HashMap<>();
        List<DeclaredPort> ports = new ArrayList<>();
        for (CatalogEntry entry : catalog.entries()) {
            if (entry.xpath() == null) {
                continue;
            }
            String path = runtime.conf(entry.file());
            if (!source.isFile(path)) {
                continue;
            }
            XmlDocument doc = documents.computeIfAbsent(path, p -> XmlDocument.parse(source.location(p), source.read(p)));
            for (Node node : doc.select(entry.xpath(), CarbonXml.PREFIXES)) {
                String raw = node instanceof Attribute a ? a.getValue() : node instanceof Element e ? e.getText() : null;
                Integer port = portNumber(raw);
                if (port != null) {
                    ports.add(new DeclaredPort(entry, port, doc.location(node)));
                }
            }
        }
        if (runtime.format() == OffsetFormat.DEPLOYMENT_TOML) {
            DeploymentToml toml = DeploymentToml.parse(TextFile.utf8(source.location(runtime.offsetFile()),
                    source.read(runtime.offsetFile())));
            for (CatalogEntry entry : catalog.entries()) {
                if (entry.tomlKey() == null) {
                    continue;
                }
                DeploymentToml.PortValue value = toml.port(entry.tomlKey());
                if (value != null && value.number() > 0 && value.number() <= Integer.MAX_VALUE) {
                    ports.removeIf(p -> p.entry().id().equals(entry.id()));
                    ports.add(new DeclaredPort(entry, (int) value.number(), value.location()));
                }
            }
        }
        return ports;
    }

    private static Integer portNumber(String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        if (!v.matches("[0-9]{1,9}")) {
            return null;
        }
        return Integer.valueOf(v);
    }
}
