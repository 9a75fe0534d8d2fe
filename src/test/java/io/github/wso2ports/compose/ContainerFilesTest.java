package io.github.wso2ports.compose;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.distribution.DistributionSource;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.ports.ContainerHomes;
import io.github.wso2ports.testing.Corpus;
import io.github.wso2ports.testing.Trees;
import io.github.wso2ports.text.TextFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContainerFilesTest {

    @TempDir
    Path temp;

    private final ContainerHomes homes = Catalog.builtIn().containers();

    private Function<Path, String> display() {
        return p -> temp.relativize(p).toString().replace('\\', '/');
    }

    @Test
    void theImagesConventionsPlaceAContainerPathInTheHome() {
        assertEquals("", homes.inHome("/home/wso2carbon/wso2-config-volume"));
        assertEquals("repository/conf", homes.inHome("/home/wso2carbon/wso2-config-volume/repository/conf/"));
        assertEquals("wso2/broker", homes.inHome("/home/wso2carbon/volumes/wso2/broker"));
        assertEquals("repository/conf/carbon.xml", homes.inHome("/home/wso2carbon/wso2am-2.6.0/repository/conf/carbon.xml"));
        assertEquals("wso2/broker", homes.inHome("/mnt/wso2ei-6.1.1/wso2/broker/"));
        assertNull(homes.inHome("/home/wso2carbon/wso2-artifact-volume"));
        assertNull(homes.inHome("/var/lib/mysql"));
        assertNull(homes.inHome("/home/wso2carbon/volumesX"));
    }

    /**
     * The EI 6.2.0 compose project of the corpus, laid out as it runs (each folder it mounts next to the compose file,
     * from the corpus copies MOUNTS.tsv names): the broker's container holds the broker's files where EI keeps them,
     * shown as the host files they are, and nothing the broker does not mount.
     */
    @Test
    void aServiceHoldsWhatItMountsWhereTheProductKeepsIt() throws Exception {
        Path ei = Corpus.files().resolve("wso2ei-6.2.0_docker-ei-integrator-broker-bps-analytics");
        Path project = temp.resolve("project");
        Trees.write(project.resolve("docker-compose.yml"), Files.readAllBytes(Corpus.root()
                .resolve("compose/docker-ei_integrator-broker-bps-analytics/docker-compose.yml")));
        Trees.copy(ei.resolve("wso2/broker"), project.resolve("broker"));
        Trees.copy(ei.resolve("conf"), project.resolve("integrator/conf"));
        ComposeFile compose = ComposeFile.parse(Location.of("docker-compose.yml"),
                Files.readAllBytes(project.resolve("docker-compose.yml")));
        ComposeFile.Service broker = compose.services().stream().filter(s -> s.name().equals("wso2ei-broker"))
                .findFirst().orElseThrow();
        DistributionSource files = ContainerFiles.of(broker, project, null, null, homes, display(), null);
        assertTrue(files.isFile("wso2/broker/conf/broker.xml"));
        assertArrayEquals(Files.readAllBytes(ei.resolve("wso2/broker/conf/broker.xml")),
                files.read("wso2/broker/conf/broker.xml"));
        assertEquals("project/broker/conf/broker.xml", files.location("wso2/broker/conf/broker.xml").file());
        assertEquals(List.of("wso2"), files.list(""));
        assertEquals(List.of("broker"), files.list("wso2"));
        assertTrue(files.isDirectory("wso2"));
        assertFalse(files.isFile("conf/carbon.xml"), "the integrator's files are not the broker's");
        Wso2PortsException none = assertThrows(Wso2PortsException.class, () -> files.read("conf/carbon.xml"));
        assertTrue(none.describe().startsWith("docker-compose.yml:69: no file the container is given holds "
                + "conf/carbon.xml"), none.describe());

        ComposeFile.Service integrator = compose.services().stream().filter(s -> s.name().equals("wso2ei-integrator"))
                .findFirst().orElseThrow();
        DistributionSource home = ContainerFiles.of(integrator, project, null, null, homes, display(), null);
        assertEquals("project/integrator/conf/axis2/axis2.xml", home.location("conf/axis2/axis2.xml").file());
        assertEquals(List.of("conf"), home.list(""));

        // the analytics service mounts ./analytics, which is not there: an error naming the volume and its line
        ComposeFile.Service analytics = compose.services().stream().filter(s -> s.name().equals("wso2ei-analytics"))
                .findFirst().orElseThrow();
        Wso2PortsException missing = assertThrows(Wso2PortsException.class, () -> ContainerFiles.of(analytics, project,
                null, null, homes, display(), null));
        assertEquals("docker-compose.yml:40: the volume ./analytics of wso2ei-analytics is not there: project/analytics "
                + "does not exist. Put the configuration the service mounts next to the compose file, as it runs",
                missing.describe());
    }

    @Test
    void aDockerfileCopiesFoldersAndFilesIntoTheHome() throws Exception {
        Trees.write(temp.resolve("ctx/broker1/carbon/conf/broker.xml"), "<broker/>");
        Trees.write(temp.resolve("ctx/carbon.xml"), "<Server/>");
        Dockerfile d = Dockerfile.parse(TextFile.utf8(Location.of("ctx/Dockerfile"), """
                FROM docker.wso2.com/wso2ei-broker:6.1.1
                COPY broker1/carbon/ /mnt/wso2ei-6.1.1/wso2/broker/
                COPY carbon.xml /mnt/wso2ei-6.1.1/wso2/broker/conf/
                COPY carbon.xml /home/wso2carbon/wso2-artifact-volume/
                """.getBytes(StandardCharsets.UTF_8)));
        ComposeFile.Service s = ComposeFile.parse(Location.of("docker-compose.yml"), """
                services:
                  broker1:
                    build: ./ctx
                """.getBytes(StandardCharsets.UTF_8)).services().get(0);
        DistributionSource files = ContainerFiles.of(s, temp, d, temp.resolve("ctx"), homes, display(), null);
        assertEquals("ctx/broker1/carbon/conf/broker.xml", files.location("wso2/broker/conf/broker.xml").file());
        assertEquals("ctx/carbon.xml", files.location("wso2/broker/conf/carbon.xml").file());
        assertEquals(List.of("broker.xml", "carbon.xml"), files.list("wso2/broker/conf"));
    }
}
