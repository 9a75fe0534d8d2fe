package io.github.wso2ports.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs after the invoker ITs (failsafe): every report a real Maven build wrote is valid. The SARIF files are
 * validated against the SARIF 2.1.0 JSON schema, and read by the SARIF object model of a Maven artifact.
 */
class ReportFilesIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Path> reports(String name) throws IOException {
        io.github.wso2ports.testing.Corpus.root(); // without the corpus the check ITs were skipped, and wrote nothing
        Path projects = Paths.get(System.getProperty("wso2ports.itProjects", "target/it"));
        try (Stream<Path> s = Files.walk(projects)) {
            return s.filter(p -> p.getFileName().toString().equals(name) && p.getParent().getFileName().toString()
                    .startsWith("wso2-ports")).sorted().toList();
        }
    }

    @Test
    void everySarifTheItsWroteIsValidSarif210() throws IOException {
        JsonSchema schema;
        try (InputStream in = getClass().getResourceAsStream("/schema/sarif-schema-2.1.0.json")) {
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        List<Path> files = reports(ReportFiles.SARIF);
        assertTrue(files.size() >= 5, "the check ITs should have written SARIF reports, found " + files);
        for (Path f : files) {
            JsonNode root = JSON.readTree(f.toFile());
            Set<ValidationMessage> errors = schema.validate(root);
            assertEquals(Set.of(), errors, f.toString());
            JSON.readValue(f.toFile(), com.contrastsecurity.sarif.SarifSchema210.class);
        }
    }

    @Test
    void everyJsonReportParsesAndEveryFindingOfTheFailingItHasItsOwners() throws IOException {
        List<Path> files = reports(ReportFiles.JSON);
        assertTrue(files.size() >= 5, "the check ITs should have written JSON reports, found " + files);
        for (Path f : files) {
            JsonNode root = JSON.readTree(f.toFile());
            assertEquals("wso2-ports/1", root.get("schema").asText(), f.toString());
            for (JsonNode finding : root.get("findings")) {
                if (finding.get("kind").asText().equals("clash")) {
                    assertTrue(finding.get("owners").size() >= 2, f + ": " + finding);
                }
            }
        }
    }
}
