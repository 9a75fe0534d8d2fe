package io.github.wso2ports.compose;

import io.github.wso2ports.Location;
import io.github.wso2ports.Port;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.config.YamlDocument;
import io.github.wso2ports.text.TextFile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A docker-compose file as this plugin reads it: its services, each with what it runs (image, or build and its
 * Dockerfile), the ports it publishes, what it mounts and what its healthcheck probes, each with its line. Read as the
 * Compose specification reads it: ports and volumes in their short and long syntax, values as strings (never as YAML
 * 1.1 numbers), {@code ${VAR:-default}} taking its default.
 *
 * @param services in the file's order
 */
public record ComposeFile(Location location, List<Service> services) {

    public ComposeFile {
        services = List.copyOf(services);
    }

    /** One service of the file. */
    public record Service(String name, Location location, String image, Build build, List<Published> ports,
            List<Mount> volumes, Healthcheck healthcheck) {

        public Service {
            ports = List.copyOf(ports);
            volumes = List.copyOf(volumes);
        }
    }

    /**
     * What {@code build:} says: the context folder and the Dockerfile in it.
     *
     * @param dockerfile the Dockerfile's path relative to the context ({@code Dockerfile} when not given)
     */
    public record Build(String context, String dockerfile, Location location) {
    }

    /** A volume or bind mount: {@code source} (a path, or a named volume; null for an anonymous one) at {@code target}. */
    public record Mount(String source, String target, boolean bind, Location location) {
    }

    /** A healthcheck's command as written, and where. */
    public record Healthcheck(String test, Location location) {

        // a URL's or a client's port on the container itself: https://localhost:9444/..., nc -z localhost 9443
        private static final Pattern PROBE = Pattern.compile(
                "(?:localhost|127\\.0\\.0\\.1|0\\.0\\.0\\.0|\\[::1])(?::|\\s+)([0-9]{1,5})\\b");

        /** The ports of the container itself that the command probes, in order. */
        public List<Integer> probedPorts() {
            List<Integer> out = new ArrayList<>();
            Matcher m = PROBE.matcher(test);
            while (m.find()) {
                int port = Integer.parseInt(m.group(1));
                if (Port.isValid(port) && !out.contains(port)) {
                    out.add(port);
                }
            }
            return out;
        }
    }

    public static ComposeFile parse(Location location, byte[] bytes) {
        return parse(TextFile.utf8(location, bytes));
    }

    public static ComposeFile parse(TextFile file) {
        YamlDocument yaml = YamlDocument.parse(file);
        YamlDocument.Item root = yaml.root();
        if (root == null || !root.isMapping()) {
            throw new Wso2PortsException(file.location(), "is " + (root == null ? "empty" : root.kind()) + ", not a "
                    + "compose file (a mapping with services)", "Point <composeFile> at a docker-compose file");
        }
        YamlDocument.Item services = root.get("services");
        if (services == null || !services.isMapping()) {
            throw new Wso2PortsException(services == null ? file.location() : services.location(), "has no services "
                    + "mapping", "A compose file lists its containers under services:");
        }
        List<Service> out = new ArrayList<>();
        for (Map.Entry<YamlDocument.Item, YamlDocument.Item> e : services.entries()) {
            out.add(service(e.getKey().text(), e.getKey().location(), e.getValue()));
        }
        return new ComposeFile(file.location(), out);
    }

    private static Service service(String name, Location at, YamlDocument.Item s) {
        if (!s.isMapping()) {
            throw new Wso2PortsException(at, "service " + name + " is " + s.kind() + ", not a mapping",
                    "Describe the service with image:, ports: and the like");
        }
        String image = Interpolation.text(s.get("image"));
        Build build = build(s.get("build"));
        List<Published> ports = new ArrayList<>();
        YamlDocument.Item p = s.get("ports");
        if (p != null) {
            requireList(p, "ports of " + name);
            for (YamlDocument.Item item : p.items()) {
                ports.addAll(Published.parse(item, name));
            }
        }
        List<Mount> mounts = new ArrayList<>();
        YamlDocument.Item v = s.get("volumes");
        if (v != null) {
            requireList(v, "volumes of " + name);
            for (YamlDocument.Item item : v.items()) {
                mounts.add(mount(item, name));
            }
        }
        return new Service(name, at, image, build, ports, mounts, healthcheck(s.get("healthcheck")));
    }

    private static void requireList(YamlDocument.Item item, String what) {
        if (!item.isList()) {
            throw new Wso2PortsException(item.location(), "the " + what + " are " + item.kind() + ", not a list",
                    "Write one entry a line, each starting with '- '");
        }
    }

    private static Build build(YamlDocument.Item b) {
        if (b == null) {
            return null;
        }
        if (b.isMapping()) {
            String dockerfile = Interpolation.text(b.get("dockerfile"));
            return new Build(Interpolation.text(b.get("context")), dockerfile == null ? "Dockerfile" : dockerfile,
                    b.location());
        }
        return new Build(Interpolation.text(b), "Dockerfile", b.location());
    }

    /** {@code SOURCE:TARGET[:MODE]}, a bare {@code TARGET}, or the long syntax (type, source, target). */
    private static Mount mount(YamlDocument.Item item, String service) {
        if (item.isMapping()) {
            String type = Interpolation.text(item.get("type"));
            String source = Interpolation.text(item.get("source"));
            String target = Interpolation.text(item.get("target"));
            if (target == null) {
                throw new Wso2PortsException(item.location(), "a volume of " + service + " has no target",
                        "Give the path in the container as target:");
            }
            return new Mount(source, target, "bind".equals(type), item.location());
        }
        String written = Interpolation.text(item);
        if (written == null) {
            throw new Wso2PortsException(item.location(), "a volume of " + service + " is " + item.kind(),
                    "Write it as SOURCE:TARGET");
        }
        String[] parts = splitVolume(written);
        if (parts.length == 1) {
            return new Mount(null, parts[0], false, item.location());
        }
        String source = parts[0];
        boolean bind = source.startsWith(".") || source.startsWith("/") || source.startsWith("~")
                || source.matches("[A-Za-z]:[\\\\/].*");
        return new Mount(source, parts[1], bind, item.location());
    }

    /** Splits at the colons that separate the parts, not at a Windows drive's ({@code C:\data:/data}). */
    private static String[] splitVolume(String written) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < written.length(); i++) {
            boolean drive = i == start + 1 && Character.isLetter(written.charAt(start)) && i + 1 < written.length()
                    && (written.charAt(i + 1) == '\\' || written.charAt(i + 1) == '/');
            if (written.charAt(i) == ':' && !drive) {
                parts.add(written.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(written.substring(start));
        return parts.toArray(String[]::new);
    }

    private static Healthcheck healthcheck(YamlDocument.Item h) {
        YamlDocument.Item test = h == null ? null : h.get("test");
        if (test == null) {
            return null;
        }
        if (test.isList()) {
            List<String> words = new ArrayList<>();
            for (YamlDocument.Item w : test.items()) {
                String t = Interpolation.text(w);
                if (t != null) {
                    words.add(t);
                }
            }
            return new Healthcheck(String.join(" ", words), test.location());
        }
        String text = Interpolation.text(test);
        return text == null ? null : new Healthcheck(text, test.location());
    }
}
