package io.github.wso2ports.ports;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.config.CarbonXml;
import io.github.wso2ports.config.ConfigMapperMetadata;
import io.github.wso2ports.config.StartArgs;
import io.github.wso2ports.distribution.DistributionSource;
import io.github.wso2ports.distribution.LayoutDetector;
import io.github.wso2ports.distribution.OffsetFormat;
import io.github.wso2ports.distribution.ProductRuntime;
import io.github.wso2ports.xml.XmlDocument;

import java.util.ArrayList;
import java.util.List;

/**
 * What config-mapper (Carbon 4.5+: API Manager 3+, Identity Server 5.9+, Micro Integrator) does at start-up with the
 * XML files it generates from deployment.toml (wso2/config-mapper {@code ConfigParser}, {@code MetaDataParser}): it
 * regenerates all of them when deployment.toml, a template or a generated file no longer has the MD5 recorded in
 * {@link ConfigMapperMetadata#PATH}, so a hand edit to a generated file is lost; without deployment.toml it generates
 * nothing, and the XML files as they are decide.
 */
public final class GeneratedFiles {

    /** The generated files that hold ports, relative to the runtime's conf folder. */
    static final List<String> PORT_FILES = List.of("carbon.xml", "axis2/axis2.xml", "tomcat/catalina-server.xml");

    private GeneratedFiles() {
    }

    /**
     * A config-mapper runtime whose deployment.toml is missing (it has templates, so the layout says config-mapper):
     * nothing is generated, so its XML files decide. Null when it is not config-mapper or has its toml.
     */
    public static Notice withoutToml(DistributionSource source, ProductRuntime runtime) {
        if (runtime.format() != OffsetFormat.DEPLOYMENT_TOML || source.isFile(runtime.offsetFile())) {
            return null;
        }
        return new Notice(Notice.Kind.DRIFT, source.location(runtime.offsetFile()), "does not exist, although the "
                + "distribution has " + LayoutDetector.TEMPLATES + "/: config-mapper generates nothing at start-up "
                + "without it, so " + runtime.conf("carbon.xml") + " and the other XML files as they are (not the "
                + "templates) decide the ports; restore deployment.toml from the original distribution to configure "
                + "the runtime there");
    }

    /**
     * The generated files that hold ports and were edited by hand since config-mapper generated them: their MD5 is
     * not the one it recorded. A file that merely predates a changed deployment.toml still has its MD5, and is
     * regenerated as intended. Nothing without the metadata (never started) or without deployment.toml.
     *
     * @param hashReadOnly {@code -DavoidConfigHashRead} where the runtime is started with it, or null: then
     *                     config-mapper regenerates only when deployment.toml changed (Micro Integrator's scripts)
     */
    public static List<Notice> handEdited(DistributionSource source, ProductRuntime runtime,
            StartArgs.Arg hashReadOnly) {
        String toml = runtime.offsetFile();
        if (runtime.format() != OffsetFormat.DEPLOYMENT_TOML || !source.isFile(toml)
                || !source.isFile(ConfigMapperMetadata.PATH)) {
            return List.of();
        }
        ConfigMapperMetadata recorded = ConfigMapperMetadata.parse(source.location(ConfigMapperMetadata.PATH),
                source.read(ConfigMapperMetadata.PATH));
        List<Notice> out = new ArrayList<>();
        for (String file : PORT_FILES) {
            String path = runtime.conf(file);
            ConfigMapperMetadata.Entry entry = recorded.get(path);
            if (entry == null || !source.isFile(path) || !differs(source, path, entry)) {
                continue;
            }
            String why = "its MD5 is not the one config-mapper recorded when it generated it (" + entry.location()
                    + "): ";
            if (hashReadOnly != null && !differs(source, toml, recorded.get(toml))) {
                why += "a hand edit that lasts until deployment.toml changes, because -DavoidConfigHashRead ("
                        + hashReadOnly.location() + ") regenerates only then, and overwrites it";
            } else {
                why += "a hand edit that the next start overwrites";
            }
            out.add(new Notice(Notice.Kind.DRIFT, source.location(path), why + ": edit deployment.toml instead"));
        }
        return out;
    }

    /** True when an MD5 is recorded for the file and the file no longer has it. */
    private static boolean differs(DistributionSource source, String path, ConfigMapperMetadata.Entry entry) {
        return entry != null && !entry.md5().equals(ConfigMapperMetadata.md5(source.read(path)));
    }

    /**
     * A note when the generated carbon.xml says another offset than {@code offset}, the one deployment.toml gives
     * it at the next start; null when it agrees, is missing or does not parse (it is regenerated anyway).
     */
    public static String staleOffset(DistributionSource source, ProductRuntime runtime, int offset) {
        String carbonXml = runtime.conf("carbon.xml");
        if (!source.isFile(carbonXml)) {
            return null;
        }
        try {
            CarbonXml.Offset generated = CarbonXml.offset(source.parsed(carbonXml, XmlDocument.class,
                    XmlDocument::parse));
            return generated.value() == offset ? null : generated.location() + " says offset " + generated.value()
                    + ", but it is generated from deployment.toml at the next start: the toml's " + offset + " is used";
        } catch (Wso2PortsException e) {
            return null;
        }
    }
}
