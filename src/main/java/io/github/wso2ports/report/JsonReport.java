package io.github.wso2ports.report;

import io.github.wso2ports.Location;
import io.github.wso2ports.check.CheckResult;
import io.github.wso2ports.check.Container;
import io.github.wso2ports.check.Finding;
import io.github.wso2ports.check.Owner;
import io.github.wso2ports.check.RuntimeInstance;
import io.github.wso2ports.compose.Published;
import io.github.wso2ports.ports.PortUse;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code ports.json}: the whole model, for machines. Field names are stable (documented in
 * src/site/markdown/reports.md); a new field may be added, none is renamed or removed without a new {@code schema}
 * value.
 */
final class JsonReport {

    static final String SCHEMA = "wso2-ports/1";

    private JsonReport() {
    }

    static void write(CheckResult result, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("schema", SCHEMA);
        g.writeObjectFieldStart("summary");
        g.writeNumberField("instances", result.instances().size());
        g.writeNumberField("hosts", result.hosts().size());
        g.writeNumberField("errors", result.errors());
        g.writeNumberField("warnings", result.warnings());
        g.writeNumberField("suppressed", result.suppressed());
        g.writeBooleanField("fails", result.fails());
        g.writeEndObject();
        g.writeArrayFieldStart("instances");
        for (RuntimeInstance i : result.instances()) {
            instance(i, g);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("containers");
        for (Container c : result.containers()) {
            container(c, g);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("findings");
        for (Finding f : result.findings()) {
            finding(f, g);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void instance(RuntimeInstance i, JsonGenerator g) throws IOException {
        var c = i.config();
        g.writeStartObject();
        g.writeStringField("id", i.id());
        g.writeStringField("host", i.host());
        g.writeStringField("home", c.distribution().source().homeLocation().file());
        g.writeStringField("product", c.product().product().key());
        g.writeStringField("productName", c.product().product().name());
        nullable(g, "version", c.product().version());
        g.writeStringField("runtime", c.runtime().name());
        g.writeStringField("layout", c.distribution().layout().name().toLowerCase(Locale.ROOT));
        g.writeNumberField("offset", i.offset());
        g.writeObjectFieldStart("offsetSource");
        if (c.offsetLocation() != null) {
            location(g, c.offsetLocation());
        } else {
            g.writeStringField("default", c.offsetSource());
        }
        g.writeEndObject();
        if (i.plannedOffset() != null) {
            g.writeNumberField("plannedOffset", i.plannedOffset());
        } else {
            g.writeNullField("plannedOffset");
        }
        g.writeArrayFieldStart("ports");
        List<PortUse> ports = c.ports().stream().sorted(Comparator.comparingLong((PortUse p) -> p.effective(i.offset()))
                .thenComparing(p -> p.entry().id()).thenComparing(PortUse::provenance)).toList();
        for (PortUse p : ports) {
            g.writeStartObject();
            g.writeStringField("id", p.entry().id());
            g.writeStringField("protocol", p.entry().protocol());
            g.writeNumberField("port", p.effective(i.offset()));
            nullable(g, "bindAddress", p.bindAddress());
            g.writeNumberField("base", p.base());
            g.writeStringField("rule", p.rule().name().toLowerCase(Locale.ROOT));
            g.writeStringField("purpose", p.entry().purpose());
            g.writeBooleanField("enabled", p.enabled());
            g.writeBooleanField("listens", p.listens());
            g.writeObjectFieldStart("source");
            if (p.isCatalogDefault()) {
                g.writeStringField("catalog", p.entry().id());
                if (p.defaultWhy() != null) {
                    g.writeStringField("why", p.defaultWhy());
                } else if (p.location() != null) {
                    g.writeStringField("missingFile", p.location().file());
                }
            } else {
                location(g, p.location());
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /**
     * A compose service: where it is declared, what it runs, the instance its runtime is (null when not modelled) and
     * the host ports it publishes on its host, each with its container port and line.
     */
    private static void container(Container c, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", c.id());
        g.writeStringField("service", c.service().name());
        g.writeObjectFieldStart("declared");
        location(g, c.service().service().location());
        g.writeEndObject();
        nullable(g, "image", c.service().image());
        nullable(g, "instance", c.modelled() ? c.instance().id() : null);
        nullable(g, "notModelled", c.service().notModelled());
        g.writeStringField("host", c.host());
        g.writeArrayFieldStart("published");
        for (Published p : c.published()) {
            g.writeStartObject();
            nullable(g, "hostIp", p.hostIp());
            if (p.ephemeral()) {
                g.writeNullField("hostPort");
            } else {
                g.writeStringField("hostPort", p.host());
            }
            g.writeNumberField("containerPort", p.container());
            g.writeStringField("protocol", p.protocol());
            g.writeObjectFieldStart("source");
            location(g, p.location());
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void finding(Finding f, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("severity", f.severity().name().toLowerCase(Locale.ROOT));
        g.writeStringField("kind", f.kind().label());
        g.writeStringField("host", f.host());
        nullable(g, "protocol", f.protocol());
        if (f.port() != 0) {
            g.writeNumberField("port", f.port());
        } else {
            g.writeNullField("port");
        }
        g.writeArrayFieldStart("owners");
        for (Owner o : f.owners()) {
            g.writeStartObject();
            g.writeStringField("name", o.name());
            nullable(g, "purpose", o.purpose());
            g.writeStringField("source", o.where());
            if (o.location() != null) {
                location(g, o.location());
            }
            if (o.bindAddress() != null) {
                g.writeStringField("bindAddress", o.bindAddress());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        nullable(g, "message", f.message());
        g.writeStringField("text", f.describe());
        if (f.isSuppressed()) {
            g.writeObjectFieldStart("suppressed");
            g.writeStringField("reason", f.suppression().reason());
            location(g, f.suppression().location());
            g.writeEndObject();
        } else {
            g.writeNullField("suppressed");
        }
        g.writeEndObject();
    }

    private static void location(JsonGenerator g, Location l) throws IOException {
        g.writeStringField("file", l.file());
        if (l.line() > 0) {
            g.writeNumberField("line", l.line());
        }
    }

    private static void nullable(JsonGenerator g, String field, String value) throws IOException {
        if (value == null) {
            g.writeNullField(field);
        } else {
            g.writeStringField(field, value);
        }
    }
}
