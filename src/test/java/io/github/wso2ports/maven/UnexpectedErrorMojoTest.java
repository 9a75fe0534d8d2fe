package io.github.wso2ports.maven;

import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.RecordingLog;
import io.github.wso2ports.testing.Samples;

import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What any goal does with an error that escapes it (issue 11, item 5): one [ERROR] line, never a stack trace. */
class UnexpectedErrorMojoTest {

    @TempDir
    Path temp;

    /** A goal that reads a file and then overflows the stack, as a recursion over a hostile file would. */
    private static final class Overflowing extends AbstractWso2PortsMojo {

        private final FolderSource source;

        Overflowing(FolderSource source) {
            this.source = source;
        }

        @Override
        protected String goal() {
            return "overflow";
        }

        @Override
        protected void run() {
            source.read("repository/conf/carbon.xml");
            recurse(0);
        }

        private static int recurse(int n) {
            return recurse(n + 1) + 1;
        }
    }

    @Test
    void aStackOverflowIsOneErrorLineNamingTheFileBeingRead() {
        Dist am = Dist.at(temp.resolve("wso2am-2.6.0")).file("repository/conf/carbon.xml", Samples.carbonXml(0));
        RecordingLog log = new RecordingLog();
        Overflowing mojo = new Overflowing(FolderSource.open(am.home(), "wso2am-2.6.0"));
        mojo.setLog(log);
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals("wso2-ports stopped on an unexpected error (see the error above)", e.getMessage());
        assertSame(StackOverflowError.class, e.getCause().getClass());
        assertEquals(List.of("[ERROR] wso2am-2.6.0/repository/conf/carbon.xml: wso2-ports failed unexpectedly while "
                + "reading this file (java.lang.StackOverflowError). This is a bug in wso2-ports, not in your files: "
                + "please report it at https://github.com/wso2ports/wso2-ports-maven-plugin/issues with this message "
                + "and, if you can, the file (mvn -e shows the stack trace)"), log.lines());
        assertEquals(List.of(), log.traces());
    }

    @Test
    void aBugAfterReadingNamesNoFile() {
        RecordingLog log = new RecordingLog();
        AbstractWso2PortsMojo mojo = new AbstractWso2PortsMojo() {
            @Override
            protected String goal() {
                return "bug";
            }

            @Override
            protected void run() {
                throw new IllegalStateException("a state the code never expected");
            }
        };
        mojo.setLog(log);
        assertThrows(MojoExecutionException.class, mojo::execute);
        assertEquals(1, log.lines().size(), log.text());
        assertTrue(log.lines().get(0).startsWith("[ERROR] wso2-ports failed unexpectedly (java.lang.IllegalStateException: "
                + "a state the code never expected). This is a bug in wso2-ports"), log.text());
    }
}
