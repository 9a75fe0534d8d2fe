package io.github.wso2ports.ports;

import io.github.wso2ports.Location;
import io.github.wso2ports.Unexpected;
import io.github.wso2ports.config.CarbonXml;
import io.github.wso2ports.config.DeploymentToml;
import io.github.wso2ports.config.PropertiesFile;
import io.github.wso2ports.config.YamlDocument;
import io.github.wso2ports.distribution.Distribution;
import io.github.wso2ports.distribution.DistributionSource;
import io.github.wso2ports.distribution.Layout;
import io.github.wso2ports.distribution.LayoutDetector;
import io.github.wso2ports.distribution.OffsetFormat;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.distribution.RuntimeRole;
import io.github.wso2ports.xml.XmlDocument;

import org.dom4j.Attribute;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.Node;
import org.dom4j.XPath;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files of one runtime as one read sees them: each parsed once, the conf files an IoT profile takes from its core,
 * and the deployment.toml that decides, which makes the files config-mapper generates from it not worth reading.
 */
public final class RuntimeFiles {

    private final Distribution distribution;
    private final ProductRuntime runtime;
    private final DistributionSource source;
    private final Map<String, Object> parsed = new HashMap<>();
    /** The deployment.toml that decides the ports; null when there is none or the runtime is started not to use it. */
    private final DeploymentToml toml;
    /** What config-mapper generates, relative to the conf folder, for copies without their templates (the catalog's). */
    private final Set<String> generated;

    /**
     * @param tomlSetAside true when the runtime starts with -DavoidConfigUpdate: its generated files, not its toml,
     *                     decide
     * @param generated    the files config-mapper generates, relative to the conf folder
     */
    RuntimeFiles(Distribution distribution, ProductRuntime runtime, boolean tomlSetAside, Set<String> generated) {
        this.distribution = distribution;
        this.runtime = runtime;
        this.source = distribution.source();
        this.generated = generated;
        // parsed even when set aside: a broken deployment.toml is reported, never skipped
        boolean toml = runtime.format() == OffsetFormat.DEPLOYMENT_TOML;
        DeploymentToml present = toml && source.isFile(runtime.offsetFile())
                ? (DeploymentToml) parsed.computeIfAbsent(runtime.offsetFile(),
                        p -> source.parsed(p, DeploymentToml.class, DeploymentToml::parse))
                // a container not given one runs the image's own, which sets no port: the defaults decide
                : toml && inContainer() ? DeploymentToml.parse(source.location(runtime.offsetFile()), new byte[0])
                : null;
        this.toml = tomlSetAside ? null : present;
    }

    /** The files of a runtime as they are, its deployment.toml (if any) deciding. */
    public static RuntimeFiles of(Distribution distribution, ProductRuntime runtime) {
        return new RuntimeFiles(distribution, runtime, false, Set.of());
    }

    ProductRuntime runtime() {
        return runtime;
    }

    /** True for a runtime in a container, where the image's own files stand for those it is not given. */
    boolean inContainer() {
        return distribution.layout() == Layout.CONTAINER;
    }

    DistributionSource source() {
        return source;
    }

    Location location(String path) {
        return source.location(path);
    }

    /** A file as messages name it: where it is, or in a container not given it, the image's own. */
    String shown(String path) {
        return inContainer() && !source.isFile(path) ? "the image's own " + path : location(path).toString();
    }

    /** The deployment.toml that decides; null when none does (then the XML files as they are decide). */
    DeploymentToml toml() {
        return toml;
    }

    /**
     * A file of the runtime's conf folder, relative to the home. An IoT profile has only the files it replaces
     * (profile-creator.sh copies them over conf/ and starts the core with -Dprofile): the others are the core's.
     */
    String confFile(String relativeToConf) {
        String own = runtime.conf(relativeToConf);
        if (runtime.role() != RuntimeRole.PROFILE || source.isFile(own)) {
            return own;
        }
        return distribution.runtimes().stream().filter(r -> r.role() == RuntimeRole.PRIMARY).findFirst()
                .map(primary -> primary.conf(relativeToConf)).orElse(own);
    }

    /**
     * True when config-mapper rewrites the file (relative to the home) from deployment.toml at every start, so what is
     * on disk decides nothing: it has a template in the distribution, or the catalog lists it as generated (a copy may
     * hold only some of its templates).
     */
    boolean regenerated(String path) {
        if (toml == null) {
            return false;
        }
        if (source.isFile(LayoutDetector.TEMPLATES + "/" + path + ".j2")) {
            return true;
        }
        return path.startsWith(runtime.confDir() + "/") && generated.contains(path.substring(runtime.confDir().length() + 1));
    }

    /** True when the file is there and decides what it says. */
    boolean decides(String path) {
        return source.isFile(path) && !regenerated(path);
    }

    /** A value read at a locator, with the bind address next to it (null when none is set). */
    record Value(String text, Location location, String address) {
    }

    /** The values a file locator finds in a file. */
    List<Value> values(String path, Locator.InFile loc) {
        // the file a bug met from here on is about (the last file read may be another one)
        Unexpected.reading(source.location(path));
        List<Value> out = new ArrayList<>();
        if (loc instanceof Locator.XmlNode node) {
            XmlDocument doc = xml(path);
            XPath address = node.address() == null ? null : DocumentHelper.createXPath(node.address());
            for (Node n : doc.select(node.xpath(), CarbonXml.PREFIXES)) {
                String text = text(n);
                if (text != null) {
                    out.add(new Value(text, doc.location(n), address == null ? null : text(address.selectSingleNode(n))));
                }
            }
        } else if (loc instanceof Locator.YamlPath yamlPath) {
            if (yamlPath.address() != null) {
                for (YamlDocument.Pair p : yaml(path).select(yamlPath.path(), yamlPath.address())) {
                    out.add(new Value(p.value().text(), p.value().location(),
                            p.sibling() == null ? null : p.sibling().text()));
                }
            } else {
                for (YamlDocument.Value v : yaml(path).select(yamlPath.path())) {
                    out.add(new Value(v.text(), v.location(), null));
                }
            }
        } else if (loc instanceof Locator.PropertiesKey key) {
            PropertiesFile.Value v = properties(path).get(key.key());
            if (v != null) {
                out.add(new Value(v.text(), v.location(), null));
            }
        }
        return out;
    }

    private static String text(Node n) {
        return n instanceof Attribute a ? a.getValue() : n instanceof Element e ? e.getText() : null;
    }

    XmlDocument xml(String path) {
        return (XmlDocument) parsed.computeIfAbsent(path, p -> source.parsed(p, XmlDocument.class, XmlDocument::parse));
    }

    YamlDocument yaml(String path) {
        return (YamlDocument) parsed.computeIfAbsent(path, p -> source.parsed(p, YamlDocument.class, YamlDocument::parse));
    }

    private PropertiesFile properties(String path) {
        return (PropertiesFile) parsed.computeIfAbsent(path, p -> source.parsed(p, PropertiesFile.class, PropertiesFile::parse));
    }
}
