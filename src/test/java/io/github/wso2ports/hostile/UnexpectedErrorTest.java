package io.github.wso2ports.hostile;

import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.ports.BuggyCatalog;
import io.github.wso2ports.testing.Corpus;
import io.github.wso2ports.testing.Trees;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A bug met while reading a real distribution (issue 11, item 5): one problem naming the file, asking for a report. */
class UnexpectedErrorTest {

    @TempDir
    Path temp;

    @Test
    void aBugWhileReadingNamesTheFileAndAsksForAReport() throws Exception {
        Path home = temp.resolve("wso2am-2.6.0");
        Trees.copy(Corpus.files().resolve("wso2am-2.6.0"), home);
        EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec("am", home, "dist/am",
                "localhost", null, null, null, "apply")), BuggyCatalog.catalog());
        assertEquals(1, r.errors().size(), r.errors().toString());
        String m = r.errors().get(0).describe();
        assertTrue(m.startsWith("dist/am/repository/conf/carbon.xml: instance am: wso2-ports failed unexpectedly while "
                + "reading this file (org.dom4j.XPathException: "), m);
        assertTrue(m.endsWith("This is a bug in wso2-ports, not in your files: please report it at "
                + "https://github.com/wso2ports/wso2-ports-maven-plugin/issues with this message and, if you can, the "
                + "file (mvn -e shows the stack trace)"), m);
        assertTrue(r.instances().isEmpty());
    }
}
