package io.github.wso2ports.compose;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.testing.Corpus;
import io.github.wso2ports.text.TextFile;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComposeFileTest {

    private static ComposeFile parse(String yaml) {
        return ComposeFile.parse(Location.of("docker-compose.yml"), yaml.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> mappings(ComposeFile.Service s) {
        return s.ports().stream().map(p -> (p.hostIp() == null ? "" : p.hostIp() + " ") + p.host() + "->"
                + p.container() + "/" + p.protocol() + "@" + p.location().line()).toList();
    }

    @Test
    void portsInEverySyntaxAreReadAsWrittenNeverAsYaml11Numbers() {
        ComposeFile f = parse("""
                services:
                  a:
                    image: wso2/wso2am:4.3.0
                    ports:
                      - 3306
                      - 22:22
                      - "9443:9443"
                      - 127.0.0.1:8001:8001
                      - "[::1]:6001:6001"
                      - 9090-9091:8080-8081
                      - 6060:6060/udp
                      - 127.0.0.1::5000
                      - "${HTTPS_PORT:-9444}:9443"
                      - target: 8243
                        published: "8243"
                        protocol: tcp
                      - target: 8280
                """);
        ComposeFile.Service a = f.services().get(0);
        assertEquals(List.of("(any)->3306/tcp@5", "22->22/tcp@6", "9443->9443/tcp@7", "127.0.0.1 8001->8001/tcp@8",
                "::1 6001->6001/tcp@9", "9090->8080/tcp@10", "9091->8081/tcp@10", "6060->6060/udp@11",
                "127.0.0.1 (any)->5000/tcp@12", "9444->9443/tcp@13", "8243->8243/tcp@14", "(any)->8280/tcp@17"),
                mappings(a));
        assertTrue(a.ports().get(0).ephemeral());
        assertEquals("wso2/wso2am:4.3.0", a.image());
        assertEquals(1, a.location().line() - 1, "the service's own line");
    }

    @Test
    void aMappingThatIsNoneOrHangsOnAnUnsetVariableIsAnErrorWithItsLine() {
        Wso2PortsException bad = assertThrows(Wso2PortsException.class, () -> parse("""
                services:
                  a:
                    ports:
                      - "94x3:9443"
                """));
        assertEquals("docker-compose.yml:4: the port '94x3:9443' of a is not a port mapping. Write it as "
                + "[HOST_IP:][HOST:]CONTAINER[/PROTOCOL], for example \"9443:9443\"", bad.describe());
        Wso2PortsException unset = assertThrows(Wso2PortsException.class, () -> parse("""
                services:
                  a:
                    ports:
                      - "${HTTPS_PORT}:9443"
                """));
        assertTrue(unset.describe().startsWith("docker-compose.yml:4: the port ${HTTPS_PORT}:9443 of a depends on a "
                + "variable without a default"), unset.describe());
        Wso2PortsException range = assertThrows(Wso2PortsException.class, () -> parse("""
                services:
                  a:
                    ports: ["8000-8002:9000-9001"]
                """));
        assertTrue(range.getMessage().contains("maps 3 host ports to 2 container ports"), range.getMessage());
        assertThrows(Wso2PortsException.class, () -> parse("services:\n  a:\n    ports: \"9443:9443\"\n"));
        assertThrows(Wso2PortsException.class, () -> parse("services:\n  a:\n    ports: [\"70000:9443\"]\n"));
        assertThrows(Wso2PortsException.class, () -> parse("version: '3'\n"), "no services");
        assertThrows(Wso2PortsException.class, () -> parse("- a\n"), "not a mapping");
    }

    @Test
    void volumesBuildsAndHealthchecks() {
        ComposeFile f = parse("""
                services:
                  am:
                    build:
                      context: ./dockerfiles/apim
                      dockerfile: Dockerfile.am
                    volumes:
                      # the configs
                      - ./apim:/home/wso2carbon/wso2-config-volume
                      - data:/var/lib/data:ro
                      - /tmp/cache
                      - C:\\wso2\\conf:/home/wso2carbon/conf
                      - type: bind
                        source: ./carbon.xml
                        target: /home/wso2carbon/wso2am-2.6.0/repository/conf/carbon.xml
                    healthcheck:
                      test: ["CMD-SHELL", "curl -k -f https://localhost:9444/carbon/admin/login.jsp"]
                  is:
                    build: ../is
                    healthcheck:
                      test: nc -z localhost 9443 || exit 1
                  db:
                    image: mysql:5.7
                    healthcheck:
                      test: ["CMD", "mysqladmin", "ping"]
                """);
        ComposeFile.Service am = f.services().get(0);
        assertEquals(new ComposeFile.Build("./dockerfiles/apim", "Dockerfile.am", am.build().location()), am.build());
        assertNull(am.image());
        List<String> mounts = am.volumes().stream().map(m -> m.source() + " -> " + m.target() + (m.bind() ? " (bind)" : "")
                + "@" + m.location().line()).toList();
        assertEquals(List.of("./apim -> /home/wso2carbon/wso2-config-volume (bind)@8", "data -> /var/lib/data@9",
                "null -> /tmp/cache@10", "C:\\wso2\\conf -> /home/wso2carbon/conf (bind)@11",
                "./carbon.xml -> /home/wso2carbon/wso2am-2.6.0/repository/conf/carbon.xml (bind)@12"), mounts);
        assertEquals(List.of(9444), am.healthcheck().probedPorts());
        assertEquals(16, am.healthcheck().location().line());
        ComposeFile.Service is = f.services().get(1);
        assertEquals(new ComposeFile.Build("../is", "Dockerfile", is.build().location()), is.build());
        assertEquals(List.of(9443), is.healthcheck().probedPorts());
        assertEquals(List.of(), f.services().get(2).healthcheck().probedPorts());
    }

    @Test
    void theDockerfileSaysTheImageItStartsFromAndWhatItCopies() {
        Dockerfile d = Dockerfile.parse(TextFile.utf8(Location.of("Dockerfile"), """
                # the product
                ARG BASE=docker.wso2.com/wso2ei-broker
                ARG TAG
                FROM maven:3 AS build
                COPY --from=somewhere /a /b
                FROM ${BASE}:6.1.1 AS runtime
                COPY --chown=wso2carbon:wso2 broker1/carbon/ \\
                     ${WSO2_SERVER_HOME}/wso2/broker/
                FROM runtime
                ADD extra.jar /home/wso2carbon/lib/
                """.getBytes(StandardCharsets.UTF_8)));
        assertEquals("docker.wso2.com/wso2ei-broker:6.1.1", d.image(), "a stage started FROM another stage");
        assertEquals(List.of(new Dockerfile.Copy(List.of("extra.jar"), "/home/wso2carbon/lib/", d.copies().get(0)
                .location())), d.copies(), "only the last stage's copies count");
        Dockerfile copies = Dockerfile.parse(TextFile.utf8(Location.of("Dockerfile"), """
                FROM docker.wso2.com/wso2ei:6.1.1
                COPY --chown=wso2carbon:wso2 integrator1/carbon/ \\
                     /home/wso2carbon/wso2ei-6.1.1/
                """.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("integrator1/carbon/ -> /home/wso2carbon/wso2ei-6.1.1/@2"), copies.copies().stream()
                .map(c -> String.join(",", c.sources()) + " -> " + c.target() + "@" + c.location().line()).toList());
        assertNull(Dockerfile.parse(TextFile.utf8(Location.of("Dockerfile"), "ARG TAG\nFROM wso2/wso2am:${TAG}\n"
                .getBytes(StandardCharsets.UTF_8))).image(), "a build argument without a default cannot be told");
        assertThrows(Wso2PortsException.class, () -> Dockerfile.parse(TextFile.utf8(Location.of("Dockerfile"),
                "# nothing\n".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void imageReferencesSplitAsDockerSplitsThem() {
        assertEquals(new ImageRef("wso2/wso2am:4.3.0", null, "wso2/wso2am", "wso2am", "4.3.0"),
                ImageRef.parse("wso2/wso2am:4.3.0"));
        assertEquals(new ImageRef("docker.wso2.com/wso2ei-broker:6.2.0", "docker.wso2.com", "wso2ei-broker",
                "wso2ei-broker", "6.2.0"), ImageRef.parse("docker.wso2.com/wso2ei-broker:6.2.0"));
        assertEquals(new ImageRef("localhost:5000/wso2-apim/am:4.7.0.0@sha256:ab", "localhost:5000", "wso2-apim/am", "am",
                "4.7.0.0"), ImageRef.parse("localhost:5000/wso2-apim/am:4.7.0.0@sha256:ab"));
        assertNull(ImageRef.parse("mysql").tag());
    }

    /**
     * Each real compose file of the corpus, read by a second, plain reading of its lines (a service is a two-space
     * key, a port an entry under ports:): the same services, and the same mappings on the same lines.
     */
    @Test
    void theCorpusComposeFilesReadAsTheirLinesSay() throws IOException {
        Path compose = Corpus.root().resolve("compose");
        List<Path> files;
        try (Stream<Path> s = Files.walk(compose)) {
            files = s.filter(p -> p.getFileName().toString().equals("docker-compose.yml")).sorted().toList();
        }
        assertEquals(5, files.size(), files.toString());
        Pattern service = Pattern.compile("^  ([A-Za-z0-9_.-]+):\\s*$");
        Pattern port = Pattern.compile("^\\s+- \"?(?:(\\d+):)?(\\d+)\"?\\s*$");
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            List<String> expected = new ArrayList<>();
            List<String> services = new ArrayList<>();
            boolean inServices = false;
            boolean inPorts = false;
            String current = null;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.startsWith("services:")) {
                    inServices = true;
                    continue;
                }
                if (inServices && !line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
                    inServices = false;
                }
                Matcher sm = service.matcher(line);
                if (inServices && sm.matches()) {
                    current = sm.group(1);
                    services.add(current);
                    continue;
                }
                if (line.matches("^    ports:\\s*$")) {
                    inPorts = true;
                    continue;
                }
                if (inPorts && !line.matches("^\\s+- .*")) {
                    inPorts = false;
                }
                Matcher pm = port.matcher(line);
                if (inPorts && pm.matches()) {
                    expected.add(current + " " + (pm.group(1) == null ? "(any)" : pm.group(1)) + "->" + pm.group(2) + "@"
                            + (i + 1));
                }
            }
            ComposeFile read = ComposeFile.parse(Location.of(file.toString()), Files.readAllBytes(file));
            assertEquals(services, read.services().stream().map(ComposeFile.Service::name).toList(), file.toString());
            List<String> actual = new ArrayList<>();
            for (ComposeFile.Service s : read.services()) {
                s.ports().forEach(p -> actual.add(s.name() + " " + p.host() + "->" + p.container() + "@"
                        + p.location().line()));
            }
            assertFalse(expected.isEmpty(), file.toString());
            assertEquals(expected, actual, file.toString());
        }
    }
}
