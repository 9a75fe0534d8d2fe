package io.github.wso2ports.config;

import io.github.wso2ports.Location;
import io.github.wso2ports.xml.XmlDocument;

import org.dom4j.Element;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A synapse inbound endpoint file ({@code <inboundEndpoint name=... protocol=... suspend=...>} with its
 * {@code <parameters>}), namespace-agnostic as Synapse reads it.
 *
 * @param name       the endpoint's name
 * @param protocol   its protocol (http, https, ws, wss, hl7, ...); null for a class-based endpoint
 * @param className  the class of a class-based endpoint; null otherwise
 * @param suspended  true when {@code suspend="true"}: deployed, but not listening
 * @param location   where the endpoint starts
 * @param parameters its parameters by name (a later one wins, as in Synapse's Properties)
 */
public record InboundEndpointXml(String name, String protocol, String className, boolean suspended, Location location,
        Map<String, Parameter> parameters) {

    /** A parameter's text and where it is. */
    public record Parameter(String value, Location location) {
    }

    /** The endpoint a parsed file holds, or null when its root is not an {@code <inboundEndpoint>}. */
    public static InboundEndpointXml read(XmlDocument doc, String fileName) {
        Element root = doc.document().getRootElement();
        if (!"inboundEndpoint".equals(root.getName())) {
            return null;
        }
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (Element group : root.elements()) {
            if (!"parameters".equals(group.getName())) {
                continue;
            }
            for (Element p : group.elements()) {
                String name = p.attributeValue("name");
                if ("parameter".equals(p.getName()) && name != null) {
                    parameters.put(name, new Parameter(p.getText().strip(), doc.location(p)));
                }
            }
        }
        String name = root.attributeValue("name");
        if (name == null || name.isBlank()) {
            name = fileName.endsWith(".xml") ? fileName.substring(0, fileName.length() - 4) : fileName;
        }
        String suspend = root.attributeValue("suspend");
        return new InboundEndpointXml(name.strip(), root.attributeValue("protocol"), root.attributeValue("class"),
                suspend != null && suspend.strip().equalsIgnoreCase("true"), doc.location(root), parameters);
    }

    /** What kind of endpoint it is, as people read it: its protocol, or the class of a class-based one. */
    public String kind() {
        if (protocol != null && !protocol.isBlank()) {
            return protocol.strip();
        }
        return className == null ? "no protocol" : "class " + className.strip();
    }
}
