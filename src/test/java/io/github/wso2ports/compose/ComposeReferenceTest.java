package io.github.wso2ports.compose;

import io.github.wso2ports.Location;
import io.github.wso2ports.testing.Corpus;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reference of expected verdicts for the corpus compose projects (compose-expected.tsv, written by a separate
 * session from the raw files and WSO2's code) and this plugin's reading of the compose files agree on what each line
 * is: every published mapping, healthcheck and service the reference gives a verdict for is on the line it names, in
 * the service it names, with the port it names. The verdicts themselves are for the compose check to meet.
 */
class ComposeReferenceTest {

    @Test
    void everyLineOfTheReferenceIsWhereTheComposeFileHasIt() throws IOException {
        Path compose = Corpus.root().resolve("compose");
        Map<String, ComposeFile> files = new HashMap<>();
        String reference;
        try (InputStream in = getClass().getResourceAsStream("/compose-expected.tsv")) {
            reference = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int checked = 0;
        for (String line : reference.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            assertEquals(6, f.length, line);
            ComposeFile file = files.computeIfAbsent(f[0], p -> read(compose.resolve(p).resolve("docker-compose.yml")));
            ComposeFile.Service service = file.services().stream().filter(s -> s.name().equals(f[1])).findFirst()
                    .orElseThrow(() -> new AssertionError("no service " + f[1] + " in " + f[0]));
            int at = Integer.parseInt(f[2]);
            String kind = f[3];
            String verdict = f[5];
            if (kind.equals("not-modelled")) {
                boolean here = f[4].equals("-") ? service.location().line() == at
                        : service.ports().stream().anyMatch(p -> p.location().line() == at
                                && p.host().equals(f[4]));
                assertTrue(here, line);
            } else if (verdict.startsWith("healthcheck:")) {
                assertEquals(at, service.healthcheck().location().line(), line);
                assertTrue(service.healthcheck().probedPorts().contains(Integer.parseInt(f[4])), line);
            } else {
                List<Published> there = service.ports().stream().filter(p -> p.location().line() == at).toList();
                assertTrue(there.stream().anyMatch(p -> p.container() == Integer.parseInt(f[4])), line + " reads as "
                        + there);
                assertEquals(kind.equals("ephemeral"), there.get(0).ephemeral(), line);
            }
            checked++;
        }
        assertEquals(60, checked, "the reference's verdicts");
    }

    private static ComposeFile read(Path file) {
        try {
            return ComposeFile.parse(Location.of(file.toString()), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
