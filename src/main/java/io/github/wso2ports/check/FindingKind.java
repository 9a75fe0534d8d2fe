package io.github.wso2ports.check;

/** What a finding is about, with its default severity. The names are what the console and reports print. */
public enum FindingKind {
    /** Two instances (or runtimes, or one instance twice) listen on one protocol/port of one host. */
    CLASH("clash", Severity.ERROR),
    /** An instance listens on a reserved port. */
    RESERVED("reserved", Severity.ERROR),
    /** An instance's real offset differs from its planned offset. */
    OFFSET("offset", Severity.ERROR),
    /** An effective port falls outside 1..65535. */
    RANGE("range", Severity.ERROR),
    /** A URL one instance keeps points at a port where the service it names does not listen. */
    LINK("link", Severity.ERROR),
    /** A port below 1024: binding it needs root. */
    PRIVILEGED("privileged", Severity.WARNING),
    /** A port in the OS ephemeral range, where an outgoing connection may take it first. */
    EPHEMERAL("ephemeral", Severity.WARNING),
    /**
     * A port that stays put although the instance's offset is not 0: a literal where a {@code ${Ports.*}} reference
     * was needed (warning), or a port that never moves by design (info).
     */
    UNSHIFTED("unshifted", Severity.WARNING),
    /**
     * How an instance starts changes its ports: a {@code -DportOffset} that beats the files, a Windows script that
     * drops its arguments, {@code -DavoidConfigUpdate}.
     */
    START("start", Severity.WARNING),
    /**
     * The files config-mapper generates no longer follow deployment.toml: a generated carbon.xml, axis2.xml or
     * catalina-server.xml edited by hand (the next start overwrites it), or templates without a deployment.toml
     * (nothing is generated, the XML files decide).
     */
    DRIFT("drift", Severity.WARNING),
    /**
     * A compose service publishes a container port where its product does not listen: the mapping starts, the port
     * is dead, and what does listen there is not reachable.
     */
    PUBLISHED("published", Severity.ERROR),
    /** A compose service's healthcheck probes a port where its product does not listen: it never turns healthy. */
    HEALTHCHECK("healthcheck", Severity.WARNING),
    /** A compose service whose image is not a WSO2 product the catalog knows: its published host ports still count. */
    NOT_MODELLED("not-modelled", Severity.INFO);

    private final String label;
    private final Severity defaultSeverity;

    FindingKind(String label, Severity defaultSeverity) {
        this.label = label;
        this.defaultSeverity = defaultSeverity;
    }

    public String label() {
        return label;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** Every kind's label, for messages that list them: {@code clash, reserved, ...}. */
    public static String labels() {
        return String.join(", ", java.util.Arrays.stream(values()).map(FindingKind::label).toList());
    }
}
