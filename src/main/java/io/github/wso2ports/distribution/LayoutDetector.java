package io.github.wso2ports.distribution;

import io.github.wso2ports.Wso2PortsException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells how a distribution is laid out and where each of its runtimes keeps its offset, from the files
 * alone (never from carbon.xml's Name or Version, which are often placeholders or another product's name).
 */
public final class LayoutDetector {

    static final String REPO_CONF = "repository/conf";
    static final String CONF = "conf";
    /** config-mapper's Jinja templates: a distribution that has them is config-mapper, with or without its toml. */
    public static final String TEMPLATES = "repository/resources/conf/templates";
    static final String IOT_PROFILES = "repository/resources/profiles";
    static final String RUNTIMES = "wso2";
    private static final String CARBON_YML = "carbon.yml";
    private static final List<String> CARBON5_PRIMARY = List.of("worker", "server");

    private static final Pattern TEMPLATE_DEFAULT = Pattern.compile(
            "<Offset>\\s*\\{\\{\\s*server\\.offset\\s*\\|\\s*default\\(\\s*['\"]?([0-9]+)['\"]?\\s*\\)\\s*}}\\s*</Offset>");

    private LayoutDetector() {
    }

    public static Distribution detect(DistributionSource source) {
        Distribution d = configMapper(source);
        if (d == null) {
            d = confLayout(source);
        }
        if (d == null && source.isFile(REPO_CONF + "/carbon.xml")) {
            d = new Distribution(source, Layout.CLASSIC, List.of(new ProductRuntime(ProductRuntime.DEFAULT_NAME,
                    RuntimeRole.PRIMARY, REPO_CONF, REPO_CONF + "/carbon.xml", OffsetFormat.CARBON_XML, null, null)));
        }
        if (d == null) {
            d = carbon5(source);
        }
        if (d == null) {
            throw unknown(source);
        }
        return d;
    }

    private static Distribution configMapper(DistributionSource source) {
        String confDir;
        if (source.isFile(REPO_CONF + "/deployment.toml")) {
            confDir = REPO_CONF;
        } else if (source.isFile(CONF + "/deployment.toml")) {
            confDir = CONF;
        } else if (source.isDirectory(TEMPLATES)) {
            // without its toml config-mapper generates nothing: the runtime keeps the toml's path, and its readers
            // say so (ports.GeneratedFiles.withoutToml)
            confDir = source.isDirectory(TEMPLATES + "/" + CONF) ? CONF : REPO_CONF;
        } else {
            return null;
        }
        // the template says what carbon.xml gets when the toml sets no offset: {{server.offset | default('10')}}
        String template = TEMPLATES + "/" + confDir + "/carbon.xml.j2";
        Integer fromTemplate = templateDefault(source, template);
        return new Distribution(source, Layout.CONFIG_MAPPER, List.of(new ProductRuntime(ProductRuntime.DEFAULT_NAME,
                RuntimeRole.PRIMARY, confDir, confDir + "/deployment.toml", OffsetFormat.DEPLOYMENT_TOML, fromTemplate,
                fromTemplate == null ? null : source.location(template) + " default('" + fromTemplate + "')")));
    }

    private static Integer templateDefault(DistributionSource source, String template) {
        if (!source.isFile(template)) {
            return null;
        }
        Matcher m = TEMPLATE_DEFAULT.matcher(new String(source.read(template), StandardCharsets.UTF_8));
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** EI 6.x, IoT 3.x (conf/ plus wso2/<runtime>/conf/) and MI 1.0.0 (conf/ alone). */
    private static Distribution confLayout(DistributionSource source) {
        if (!source.isFile(CONF + "/carbon.xml")) {
            return null;
        }
        List<ProductRuntime> others = new ArrayList<>();
        for (String name : source.list(RUNTIMES)) {
            String conf = RUNTIMES + "/" + name + "/" + CONF;
            if (source.isFile(conf + "/carbon.xml")) {
                others.add(new ProductRuntime(name, RuntimeRole.RUNTIME, conf, conf + "/carbon.xml",
                        OffsetFormat.CARBON_XML, null, null));
            } else if (source.isFile(conf + "/" + CARBON_YML)) {
                // EI 6.1-6.5's MSF4J runtime: Carbon kernel 5.1 (wso2/msf4j/conf/carbon.yml, transports/)
                others.add(new ProductRuntime(name, RuntimeRole.RUNTIME, conf, conf + "/" + CARBON_YML,
                        OffsetFormat.CARBON_YML, null, null));
            }
            // EI 6.4+ analytics is Carbon 5: wso2/analytics/conf/{worker,dashboard,manager}, looked for even beside a
            // carbon.xml (a source-tree leftover in some copies, which the product's catalog entry then leaves out)
            for (String sub : source.list(conf)) {
                if (source.isFile(conf + "/" + sub + "/deployment.yaml")) {
                    others.add(new ProductRuntime(name + "/" + sub, RuntimeRole.RUNTIME, conf + "/" + sub,
                            conf + "/" + sub + "/deployment.yaml", OffsetFormat.DEPLOYMENT_YAML, null, null));
                }
            }
        }
        boolean iot = source.isDirectory(IOT_PROFILES) || source.name().startsWith("wso2iot");
        for (String profile : source.list(IOT_PROFILES)) {
            String file = IOT_PROFILES + "/" + profile + "/carbon.xml";
            if (source.isFile(file)) {
                others.add(new ProductRuntime(profile, RuntimeRole.PROFILE, IOT_PROFILES + "/" + profile, file,
                        OffsetFormat.CARBON_XML, null, null));
            }
        }
        String primaryName = others.isEmpty() ? ProductRuntime.DEFAULT_NAME : iot ? "core" : "integrator";
        List<ProductRuntime> runtimes = new ArrayList<>();
        runtimes.add(new ProductRuntime(primaryName, RuntimeRole.PRIMARY, CONF, CONF + "/carbon.xml",
                OffsetFormat.CARBON_XML, null, null));
        runtimes.addAll(others);
        return new Distribution(source, others.isEmpty() ? Layout.CLASSIC : Layout.MULTI_RUNTIME, runtimes);
    }

    /** Stream Processor 4.x and other Carbon 5 products: conf/<runtime>/deployment.yaml. */
    private static Distribution carbon5(DistributionSource source) {
        List<String> names = new ArrayList<>();
        for (String name : source.list(CONF)) {
            if (source.isFile(CONF + "/" + name + "/deployment.yaml")) {
                names.add(name);
            }
        }
        // the worker (or server) is what the plain start script runs
        names.sort((a, b) -> Boolean.compare(!CARBON5_PRIMARY.contains(a), !CARBON5_PRIMARY.contains(b)));
        List<ProductRuntime> runtimes = new ArrayList<>();
        for (String name : names) {
            runtimes.add(new ProductRuntime(name, runtimes.isEmpty() ? RuntimeRole.PRIMARY : RuntimeRole.RUNTIME,
                    CONF + "/" + name, CONF + "/" + name + "/deployment.yaml", OffsetFormat.DEPLOYMENT_YAML, null, null));
        }
        return runtimes.isEmpty() ? null : new Distribution(source, Layout.CARBON5, runtimes);
    }

    private static Wso2PortsException unknown(DistributionSource source) {
        // an offset file that is there but is no file (a folder, a link loop): say that, not "not a distribution"
        for (String offsetFile : List.of(REPO_CONF + "/deployment.toml", CONF + "/deployment.toml",
                REPO_CONF + "/carbon.xml", CONF + "/carbon.xml")) {
            if (source.exists(offsetFile) && !source.isFile(offsetFile)) {
                source.read(offsetFile);
            }
        }
        // a conf folder that is a broken link: name it, and the loop
        for (String dir : List.of("repository", REPO_CONF, CONF)) {
            String link = source.exists(dir) && !source.isDirectory(dir) ? source.brokenLink(dir) : null;
            if (link != null) {
                throw new Wso2PortsException(source.location(dir), link + ", so the distribution cannot be read",
                        "Replace the link with the folder it should point at");
            }
        }
        List<String> templates = new ArrayList<>();
        for (String dir : List.of(REPO_CONF, CONF)) {
            for (String name : source.list(dir)) {
                if (name.endsWith(".erb") || name.endsWith(".j2") || name.endsWith(".tmpl")) {
                    templates.add(dir + "/" + name);
                }
            }
        }
        String found = templates.isEmpty() ? ""
                : "; it holds templates (" + String.join(", ", templates) + "), which are rendered by Puppet, Ansible or "
                        + "similar tools, not read by WSO2";
        return new Wso2PortsException(source.homeLocation(), "'" + source.name() + "' is not a WSO2 distribution this "
                + "plugin knows: found none of "
                + "repository/conf/deployment.toml, conf/deployment.toml, " + TEMPLATES + "/, repository/conf/carbon.xml, "
                + "conf/carbon.xml (with wso2/<runtime>/conf/carbon.xml), conf/<runtime>/deployment.yaml" + found,
                templates.isEmpty() ? "Point at the home folder of an unpacked distribution (the folder that holds bin/ "
                        + "and repository/ or conf/)" : "Set the offset in the template's variables, or point at a rendered "
                        + "distribution");
    }
}
