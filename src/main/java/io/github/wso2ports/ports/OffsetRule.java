package io.github.wso2ports.ports;

import java.util.Locale;

/** What the port offset does to a port. WSO2 has several rules, not one (see the catalog for sources). */
public enum OffsetRule {
    /** The runtime adds the offset: Tomcat connectors, PassThrough listeners, data-bridge receivers, ... */
    OFFSET("moves with the offset"),
    /** Moves only where the config refers to it as {@code ${Ports.*}}; a literal number stays put (jmx.xml, LDAP URLs). */
    TEMPLATE("moves only through a ${Ports.*} reference"),
    /** Moves only when a flag says so (inbound endpoints: inbound.port.offset.enable, ws.use.port.offset). */
    CONDITIONAL("moves only when a flag is set"),
    /** Never moves (Hazelcast localMemberPort, multicast port). */
    FIXED("fixed"),
    /** Not a listener on the host: devices or the server connect out (FCM, APNs). Firewall rules only. */
    OUTBOUND("outbound only"),
    /** Chosen by the OS at run time (local JMX agent, syslog client socket). */
    RANDOM("random");

    private final String description;

    OffsetRule(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** True when the offset changes this port as declared in the files. */
    public boolean moves() {
        return this == OFFSET || this == TEMPLATE;
    }

    public static OffsetRule parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
