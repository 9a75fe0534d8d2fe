package io.github.wso2ports.report;

import io.github.wso2ports.Location;
import io.github.wso2ports.Port;
import io.github.wso2ports.check.CheckResult;
import io.github.wso2ports.check.Finding;
import io.github.wso2ports.check.FindingKind;
import io.github.wso2ports.check.Owner;
import io.github.wso2ports.check.Severity;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code wso2-ports.sarif}: SARIF 2.1.0, one result per finding, located at the config file and line of its first
 * owner (the others as related locations), so code-scanning UIs annotate the offending line.
 */
final class SarifReport {

    private static final Map<FindingKind, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry(FindingKind.CLASH, "Two WSO2 instances (or runtimes) listen on the same port of one host"),
            Map.entry(FindingKind.RESERVED, "A WSO2 instance listens on a reserved port"),
            Map.entry(FindingKind.OFFSET, "A WSO2 instance's port offset differs from the planned one"),
            Map.entry(FindingKind.RANGE, "An effective port falls outside " + Port.BOUNDS),
            Map.entry(FindingKind.LINK, "A URL between WSO2 instances points at a port where its service does not listen"),
            Map.entry(FindingKind.PRIVILEGED, "A port below " + Port.PRIVILEGED_BELOW + " needs root to bind"),
            Map.entry(FindingKind.EPHEMERAL, "A port in the OS ephemeral range may be taken by an outgoing connection first"),
            Map.entry(FindingKind.UNSHIFTED, "A port stays put although the instance's port offset is not 0"),
            Map.entry(FindingKind.START, "How an instance starts changes its ports (start arguments beat the files)"),
            Map.entry(FindingKind.DRIFT, "A file config-mapper generates from deployment.toml no longer follows it (a hand edit "
                    + "the next start overwrites, or no deployment.toml at all)"),
            Map.entry(FindingKind.PUBLISHED, "A compose service publishes a container port where its WSO2 product does not "
                    + "listen"),
            Map.entry(FindingKind.HEALTHCHECK, "A compose service's healthcheck probes a port where its WSO2 product does "
                    + "not listen"),
            Map.entry(FindingKind.NOT_MODELLED, "A compose service runs an image that is not a WSO2 product the catalog "
                    + "knows: its published host ports still count"));

    private SarifReport() {
    }

    static void write(CheckResult result, String toolVersion, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        g.writeStringField("version", "2.1.0");
        g.writeArrayFieldStart("runs");
        g.writeStartObject();
        g.writeObjectFieldStart("tool");
        g.writeObjectFieldStart("driver");
        g.writeStringField("name", "wso2-ports-maven-plugin");
        g.writeStringField("version", toolVersion);
        g.writeStringField("informationUri", "https://github.com/wso2ports/wso2-ports-maven-plugin");
        g.writeArrayFieldStart("rules");
        for (FindingKind k : FindingKind.values()) {
            g.writeStartObject();
            g.writeStringField("id", k.label());
            g.writeObjectFieldStart("shortDescription");
            g.writeStringField("text", DESCRIPTIONS.get(k));
            g.writeEndObject();
            g.writeObjectFieldStart("defaultConfiguration");
            g.writeStringField("level", level(k.defaultSeverity()));
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("results");
        // an estate has a few dozen files and thousands of findings in them: each path is made a URI once
        Map<String, String> uris = new HashMap<>();
        for (Finding f : result.findings()) {
            result(f, g, uris);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void result(Finding f, JsonGenerator g, Map<String, String> uris) throws IOException {
        g.writeStartObject();
        g.writeStringField("ruleId", f.kind().label());
        g.writeNumberField("ruleIndex", f.kind().ordinal());
        g.writeStringField("level", level(f.severity()));
        g.writeObjectFieldStart("message");
        g.writeStringField("text", f.describe());
        g.writeEndObject();
        List<Owner> located = new ArrayList<>();
        for (Owner o : f.owners()) {
            if (o.location() != null) {
                located.add(o);
            }
        }
        if (!located.isEmpty()) {
            g.writeArrayFieldStart("locations");
            physical(g, located.get(0), -1, uris);
            g.writeEndArray();
        }
        if (located.size() > 1) {
            g.writeArrayFieldStart("relatedLocations");
            for (int i = 1; i < located.size(); i++) {
                physical(g, located.get(i), i, uris);
            }
            g.writeEndArray();
        }
        // stable across runs and line moves, distinct per finding: the head alone is shared by two instances' notices
        g.writeObjectFieldStart("partialFingerprints");
        g.writeStringField("wso2PortsFinding/v2", f.head() + " " + String.join(" <-> ",
                f.owners().stream().map(Owner::name).toList()));
        g.writeEndObject();
        if (f.isSuppressed()) {
            g.writeArrayFieldStart("suppressions");
            g.writeStartObject();
            g.writeStringField("kind", "external");
            g.writeStringField("status", "accepted");
            g.writeStringField("justification", f.suppression().reason() + " (" + f.suppression().location() + ")");
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** A location object; {@code id} >= 0 for related locations, which also say whose port it is. */
    private static void physical(JsonGenerator g, Owner o, int id, Map<String, String> uris) throws IOException {
        Location l = o.location();
        g.writeStartObject();
        if (id >= 0) {
            g.writeNumberField("id", id);
        }
        g.writeObjectFieldStart("physicalLocation");
        g.writeObjectFieldStart("artifactLocation");
        g.writeStringField("uri", uris.computeIfAbsent(l.file(), SarifReport::uri));
        g.writeEndObject();
        if (l.line() > 0) {
            g.writeObjectFieldStart("region");
            g.writeNumberField("startLine", l.line());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("message");
        g.writeStringField("text", o.describe());
        g.writeEndObject();
        g.writeEndObject();
    }

    /** A relative URI reference for a path as shown to users (spaces and the like percent-encoded). */
    static String uri(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            return path.replace(" ", "%20");
        }
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
            case IGNORE -> "none";
        };
    }
}
