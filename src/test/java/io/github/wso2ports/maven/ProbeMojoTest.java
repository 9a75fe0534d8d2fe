package io.github.wso2ports.maven;

import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.check.RuntimeInstance;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.ports.PortUse;
import io.github.wso2ports.probe.Host;
import io.github.wso2ports.probe.LinuxHost;
import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.RecordingLog;
import io.github.wso2ports.testing.Samples;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MojoTest
@EnabledOnOs(OS.LINUX)
class ProbeMojoTest {

    private static final String POM = "src/test/resources/unit/probe/pom.xml";
    private static final String CARBON = "repository/conf/carbon.xml";

    @TempDir
    Path temp;

    private final RecordingLog log = new RecordingLog();

    /** An Identity Server 5.7.0 sample whose carbon.xml sets an offset where every port it needs is free now. */
    private Dist freeSample() {
        Dist is = Dist.at(temp.resolve("wso2is-5.7.0")).file(CARBON, Samples.carbonXml(0));
        RuntimeInstance at0 = EstateReader.read(List.of(new EstateReader.InstanceSpec("is", is.home(), "is",
                "localhost", null, null, null, "apply")), Catalog.builtIn()).instances().get(0);
        Host host = LinuxHost.system();
        for (int offset = 3000; offset < 20000; offset += 41) {
            int o = offset;
            if (at0.config().ports().stream().filter(PortUse::listens).allMatch(p -> host.bind(p.entry().protocol(),
                    (int) p.effective(o)) == Host.Bind.FREE)) {
                this.offset = offset;
                return is.file(CARBON, Samples.carbonXml(offset));
            }
        }
        throw new AssertionError("no free offset region on this machine");
    }

    private int offset;

    @Test
    @InjectMojo(goal = "probe", pom = POM)
    void aPortHeldByAnotherProcessFailsTheProbeNamingItsPid(ProbeMojo mojo) throws Exception {
        Dist is = freeSample();
        int https = 9443 + offset;
        Mojos.configure(mojo, temp, log, Map.of("home", is.home().toString()));
        try (ServerSocket s = new ServerSocket(https, 50, InetAddress.getLoopbackAddress())) {
            MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
            assertTrue(e.getMessage().startsWith("wso2-ports:probe: 1 port held by another process"), e.getMessage());
            assertTrue(log.lines().stream().anyMatch(l -> l.startsWith("[ERROR] localhost tcp/" + https + " in use: "
                    + "wso2is-5.7.0 needs it (HTTPS servlet transport (management console), catalog default: no "
                    + "wso2is-5.7.0/repository/conf/tomcat/catalina-server.xml), but PID "
                    + ProcessHandle.current().pid() + " holds it: ")), log.text());
        }
    }

    @Test
    @InjectMojo(goal = "probe", pom = POM)
    void everyPortFreeIsAPass(ProbeMojo mojo) throws Exception {
        Dist is = freeSample();
        Mojos.configure(mojo, temp, log, Map.of("home", is.home().toString())).execute();
        assertTrue(log.lines().contains("[INFO] localhost tcp/" + (9443 + offset) + " free: wso2is-5.7.0 needs it "
                + "(HTTPS servlet transport (management console), catalog default: no wso2is-5.7.0/repository/conf/"
                + "tomcat/catalina-server.xml)"), log.text());
        assertEquals("[INFO] wso2-ports:probe: 0 ports held by another process, 0 in use by an owner it cannot see, 0 "
                + "held by their instance, 6 free, of 1 instance on this host", log.lines().get(log.lines().size() - 1));
    }
}
