package io.github.wso2ports.compose;

import io.github.wso2ports.Location;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.testing.Corpus;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Wso2ImageTest {

    private final Catalog catalog = Catalog.builtIn();

    private String of(String image) {
        return Wso2Image.of(ImageRef.parse(image), catalog).map(i -> i.product().key() + (i.runtime() == null ? ""
                : "/" + i.runtime()) + " " + i.version()).orElse("not modelled");
    }

    @Test
    void anImageNamesItsProductRuntimeAndVersionWhereverItIsPulledFrom() {
        assertEquals("wso2am 2.6.0", of("wso2/wso2am:2.6.0"));
        assertEquals("wso2am 4.7.0.0", of("registry.wso2.com/wso2-apim/am:4.7.0.0"));
        assertEquals("wso2ei/broker 6.2.0", of("docker.wso2.com/wso2ei-broker:6.2.0"));
        assertEquals("wso2ei/integrator 6.1.1", of("docker.wso2.com/wso2ei:6.1.1"));
        assertEquals("wso2mi 4.5.0.0", of("registry.wso2.com/wso2-integrator/mi:4.5.0.0"));
        assertEquals("wso2is-analytics/worker 5.7.0", of("docker.wso2.com/wso2is-analytics-worker:5.7.0"));
        assertEquals("wso2am null", of("wso2/wso2am:latest"), "latest is no version");
        assertEquals("wso2am 4.3.0", of("wso2/wso2am:4.3.0-alpine"));
        assertEquals("not modelled", of("mysql:5.7.20"));
        assertEquals("not modelled", of("nginx"));
        assertEquals("not modelled", of("docker.wso2.com/ei-pattern10-broker:6.1.1"), "a project's own image");
        assertNull(Wso2Image.of(ImageRef.parse("am:4.7.0"), catalog).map(Wso2Image::runtime).orElse(null),
                "the last part alone of a path-only image is not that image");
    }

    /**
     * The products the services' images of each corpus compose file run, in the file's order, against the products
     * and versions MANIFEST.tsv records for it (from the image tags and the repositories' Dockerfiles).
     */
    @Test
    void theCorpusComposeFilesRunTheProductsTheirManifestNames() throws IOException {
        Path root = Corpus.root();
        int checked = 0;
        for (String row : Files.readAllLines(root.resolve("MANIFEST.tsv"))) {
            String[] f = row.split("\t");
            if (!f[0].startsWith("compose/")) {
                continue;
            }
            Path file = root.resolve(f[0]).resolve(f[1]);
            ComposeFile compose = ComposeFile.parse(Location.of(file.toString()), Files.readAllBytes(file));
            Set<String> run = new TreeSet<>();
            for (ComposeFile.Service s : compose.services()) {
                if (s.image() != null) {
                    Wso2Image.of(ImageRef.parse(s.image()), catalog).ifPresent(i -> run.add(i.product().name() + " "
                            + i.version()));
                }
            }
            if (run.isEmpty()) {
                continue; // built from Dockerfiles the corpus does not hold (apim-with-mi, pattern-10)
            }
            String[] products = f[2].split(";\\s*");
            String[] versions = f[3].split(";\\s*");
            Set<String> manifest = new TreeSet<>();
            for (int i = 0; i < products.length; i++) {
                manifest.add(products[i].replaceFirst("^WSO2 ", "").replaceFirst(" \\(.*\\)$", "") + " "
                        + versions[Math.min(i, versions.length - 1)]);
            }
            assertEquals(manifest, run, f[0]);
            checked++;
        }
        assertTrue(checked >= 3, "compose files with images checked: " + checked);
    }
}
