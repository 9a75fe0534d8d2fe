package io.github.wso2ports.distribution;

import io.github.wso2ports.testing.Corpus;
import io.github.wso2ports.testing.Trees;
import io.github.wso2ports.testing.Zips;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A host's folder of real distributions: folders and release zips are found, the rest is named as skipped. */
class HostFolderTest {

    @TempDir
    Path temp;

    @Test
    void distributionsDirectlyInAFolderAreFoundFoldersAndZipsAlike() throws Exception {
        Path host = temp.resolve("opt-wso2");
        Corpus.copy("wso2am-4.2.0", host);
        Corpus.copy("wso2is-5.11.0", host);
        Zips.zip(Corpus.files().resolve("wso2mi-4.3.0"), host.resolve("wso2mi-4.3.0.zip"));
        Trees.write(host.resolve("backup/README.txt"), "old files");
        Trees.write(host.resolve("broken.zip"), "not a zip");
        Trees.write(host.resolve("notes.txt"), "a file, ignored");
        HostFolder found = HostFolder.scan(host);
        assertEquals(List.of("wso2am-4.2.0", "wso2is-5.11.0", "wso2mi-4.3.0.zip"),
                found.distributions().stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(2, found.skipped().size(), found.skipped().toString());
        assertEquals("backup/: not a WSO2 distribution this plugin knows", found.skipped().get(0));
        assertTrue(found.skipped().get(1).startsWith("broken.zip: the archive is damaged ("), found.skipped().get(1));
        assertFalse(HostFolder.isDistribution(host));
        assertTrue(HostFolder.isDistribution(host.resolve("wso2am-4.2.0")));
        assertTrue(Files.isRegularFile(host.resolve("wso2mi-4.3.0.zip")));
    }
}
