package io.github.wso2ports.ports;

import java.util.Locale;

/** What the port offset does to a port. WSO2 has several rules, not one (see the catalog for sources). */
public enum OffsetRule {
    /** The runtime adds the offset: Tomcat connectors, PassThrough listeners, data-bridge receivers, ... */
    OFFSET,
    /** Moves only where the config refers to it as {@code ${Ports.*}}; a literal number stays put (jmx.xml, LDAP URLs). */
    TEMPLATE,
    /** Moves only when a flag says so (inbound endpoints: inbound.port.offset.enable, ws.use.port.offset). */
    CONDITIONAL,
    /** Never moves (Hazelcast localMemberPort, multicast port). */
    FIXED,
    /** Not a listener on the host: devices or the server connect out (FCM, APNs). Firewall rules only. */
    OUTBOUND,
    /** Chosen by the OS at run time (local JMX agent, syslog client socket). */
    RANDOM;

    /** How reports name it. */
    public String description() {
        return switch (this) {
            case OFFSET -> "moves with the offset";
            case TEMPLATE -> "moves only through a ${Ports.*} reference";
            case CONDITIONAL -> "moves only when a flag is set";
            case FIXED -> "fixed";
            case OUTBOUND -> "outbound only";
            case RANDOM -> "random";
        };
    }

    /** True when the offset changes this port as declared in the files. */
    public boolean moves() {
        return this == OFFSET || this == TEMPLATE;
    }

    public static OffsetRule parse(String s) {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
