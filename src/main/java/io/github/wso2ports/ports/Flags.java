package io.github.wso2ports.ports;

import io.github.wso2ports.config.CarbonXml;
import io.github.wso2ports.config.DeploymentToml;
import io.github.wso2ports.config.InboundEndpointXml;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which flags are on in a runtime: the ones a port needs to listen (clustering enabled, the JMX RMI server started,
 * ...) and the ones that move a conditional port with the offset. A flag is read from deployment.toml first (when it
 * decides), then from the inbound endpoint that holds the port (for a parameter), then from its file, else it takes
 * the product's default.
 */
final class Flags {

    private final RuntimeFiles files;
    /** The port groups of the runtime's product, version and runtime: they pick the defaults. */
    private final Set<String> groups;

    Flags(RuntimeFiles files, Set<String> groups) {
        this.files = files;
        this.groups = groups;
    }

    /** A flag's value in this runtime, and what decided it (for messages). */
    record Decision(boolean on, String why) {

        /**
         * Why a port this flag moves does not move with the offset: fixed by design, or this flag is off (the
         * entry's own reason where it gives one); null when it moves.
         *
         * @param flag the flag, for its name
         */
        String stays(OffsetRule rule, String fixedBecause, Condition flag) {
            if (rule == OffsetRule.FIXED) {
                return fixedBecause;
            }
            if (rule == OffsetRule.CONDITIONAL && !on) {
                // a conditional port with a reason of its own (the Carbon 5 listeners before msf4j 2.7.5) says it
                return fixedBecause != null ? fixedBecause
                        : (flag.name() == null ? "the flag that moves it" : flag.name()) + " is off (" + why + ")";
            }
            return null;
        }
    }

    Decision decide(Condition c) {
        return decide(c, null);
    }

    /** @param endpoint the inbound endpoint that holds the port, or null */
    Decision decide(Condition c, InboundEndpointXml endpoint) {
        if (!c.all().isEmpty()) {
            List<String> why = new ArrayList<>();
            for (Condition part : c.all()) {
                Decision d = decide(part, endpoint);
                why.add((part.name() == null ? "" : part.name() + ": ") + d.why());
                if (!d.on()) {
                    return new Decision(false, String.join("; ", why));
                }
            }
            return new Decision(true, String.join("; ", why));
        }
        DeploymentToml toml = files.toml();
        if (toml != null) {
            for (String key : c.toml()) {
                DeploymentToml.PortValue v = toml.port(key);
                if (v != null) {
                    return new Decision(!v.raw().equalsIgnoreCase("false"), v.location() + " sets " + v.raw());
                }
            }
        }
        if (c.parameter() != null && endpoint != null) {
            InboundEndpointXml.Parameter p = endpoint.parameters().get(c.parameter());
            return p != null ? new Decision(p.value().equalsIgnoreCase("true"), p.location() + " sets " + p.value())
                    : new Decision(c.defaultFor(groups), endpoint.location().file() + " does not set it");
        }
        Locator.InFile loc = c.locator();
        if (loc != null && files.decides(files.confFile(loc.file()))) {
            String path = files.confFile(loc.file());
            if (loc instanceof Locator.XmlNode node) {
                boolean on = !files.xml(path).select(node.xpath(), CarbonXml.PREFIXES).isEmpty();
                return new Decision(on, files.location(path) + (on ? " sets it" : " does not set it"));
            }
            List<RuntimeFiles.Value> values = files.values(path, loc);
            return values.isEmpty() ? new Decision(c.unset(), files.location(path) + " does not set it")
                    : new Decision(c.isOn(values.get(0).text()), values.get(0).location() + " sets "
                            + values.get(0).text().strip());
        }
        return new Decision(c.defaultFor(groups), "not set; " + (c.defaultFor(groups) ? "on" : "off") + " by default");
    }
}
