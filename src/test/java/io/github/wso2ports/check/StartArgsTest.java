package io.github.wso2ports.check;

import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.ports.PortUse;
import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.Samples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Start arguments beat the files (port-truth.md, offset precedence). */
class StartArgsTest {

    @TempDir
    Path temp;

    private RuntimeInstance read(Dist d, String jvmArgs) {
        EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec("am", d.home(), "am", "h", null,
                null, null, "apply", jvmArgs, "pom.xml <jvmArgs> of am")), Catalog.builtIn());
        assertEquals(List.of(), r.errors());
        return r.instances().get(0);
    }

    private static List<String> start(RuntimeInstance i) {
        return ClashDetector.detect(List.of(i), List.of(), ClashDetector.Options.defaults()).stream()
                .filter(f -> f.kind() == FindingKind.START).map(Finding::describe).toList();
    }

    private static PortUse port(RuntimeInstance i, String id) {
        return i.config().ports().stream().filter(p -> p.entry().id().equals(id)).findFirst().orElseThrow();
    }

    private Dist classic(int offset, String script) {
        return Dist.at(temp.resolve("wso2am-2.6.0")).file("repository/conf/carbon.xml", Samples.carbonXml(offset))
                .file("repository/conf/tomcat/catalina-server.xml", Samples.catalinaServerXml(9763, 9443))
                .file("bin/wso2server.sh", script);
    }

    @Test
    void aPortOffsetInTheStartScriptBeatsCarbonXml() {
        RuntimeInstance i = read(classic(0, "#!/bin/sh\n# -DportOffset=9 in a comment does not count\n"
                + "exec java -DportOffset=2 -Dcarbon.home=\"$CARBON_HOME\" org.wso2.carbon.bootstrap.Bootstrap \"$@\"\n"), null);
        assertEquals(2, i.offset());
        assertEquals(9445, port(i, "servlet-https").effective(i.offset()));
        assertTrue(i.config().offsetSource().startsWith("-DportOffset=2 at am/bin/wso2server.sh:3, over "),
                i.config().offsetSource());
        assertEquals(List.of("h start: am (start, am/bin/wso2server.sh:3): -DportOffset=2 beats the offset 0 of "
                + "am/repository/conf/carbon.xml:8: writing the files does not change the ports while it is there"),
                start(i));
    }

    @Test
    void thePomsJvmArgsBeatTheScripts() {
        RuntimeInstance i = read(classic(0, "java -DportOffset=2 org.wso2.carbon.bootstrap.Bootstrap \"$@\"\n"), "-Xmx1g -DportOffset=5");
        assertEquals(5, i.offset());
        assertTrue(i.config().offsetSource().startsWith("-DportOffset=5 at pom.xml <jvmArgs> of am, over "));
    }

    @Test
    void tomcatPortPropertiesBindWithoutTheOffset() {
        RuntimeInstance i = read(classic(3, "java -Dtomcat.https.port=8443 org.wso2.carbon.bootstrap.Bootstrap \"$@\"\n"), null);
        PortUse https = port(i, "servlet-https");
        assertEquals(8443, https.effective(i.offset()));
        assertEquals("am/bin/wso2server.sh:1", https.provenance());
        assertEquals(9766, port(i, "servlet-http").effective(i.offset()));
    }

    @Test
    void theHaPortsKeepTheFileOffsetWhenThePortOffsetArgumentIsZero() {
        Dist d = Dist.at(temp.resolve("wso2das-3.2.0")).file("repository/conf/carbon.xml", Samples.carbonXml(2))
                .file("repository/conf/event-processor.xml", """
                        <eventProcessorConfig>
                            <mode name="HA" enable="true">
                                <eventSync><port>11224</port></eventSync>
                                <management><port>10005</port></management>
                            </mode>
                        </eventProcessorConfig>
                        """)
                .file("bin/wso2server.sh", "java -DportOffset=0 org.wso2.carbon.bootstrap.Bootstrap \"$@\"\n");
        RuntimeInstance i = read(d, null);
        assertEquals(0, i.offset());
        assertEquals(11226, port(i, "cep-ha-event-sync").effective(i.offset()), "keeps the file's offset 2");
        assertEquals(9443, port(i, "servlet-https").effective(i.offset()));
    }

    @Test
    void aWindowsScriptThatDropsItsArgumentsIsAWarning() {
        Dist d = classic(0, "java org.wso2.carbon.bootstrap.Bootstrap \"$@\"\n").file("bin/wso2server.bat",
                "@echo off\r\nrem starts the server\r\n\"%JAVA_HOME%\\bin\\java\" -Dcarbon.home=\"%CARBON_HOME%\" org.wso2.carbon.bootstrap.Bootstrap\r\n");
        assertEquals(List.of("h start: am (start, am/bin/wso2server.bat): this Windows start script does not pass its "
                + "arguments on: a -DportOffset given to it is dropped (as by EI 6.0.0's bin/start-all.bat)"), start(read(d, null)));
        Dist ok = classic(0, "java org.wso2.carbon.bootstrap.Bootstrap \"$@\"\n").file("bin/wso2server.bat", "\"%JAVA_HOME%\\bin\\java\" org.wso2.carbon.bootstrap.Bootstrap %*\r\n");
        assertEquals(List.of(), start(read(ok, null)));
    }

    @Test
    void avoidConfigUpdateMakesTheGeneratedFilesCount() {
        Dist d = Dist.at(temp.resolve("wso2am-4.2.0")).file("repository/conf/carbon.xml", Samples.carbonXml(0))
                .file("repository/conf/deployment.toml", Samples.deploymentToml("offset = 4"))
                .file("bin/api-manager.sh", "java -DavoidConfigUpdate=true org.wso2.carbon.bootstrap.Bootstrap \"$@\"\n");
        RuntimeInstance i = read(d, null);
        assertEquals(0, i.offset(), "carbon.xml, not the toml");
        assertEquals(List.of("h start: am (start, am/bin/api-manager.sh:1): -DavoidConfigUpdate: deployment.toml is "
                + "not rendered into carbon.xml and the other generated files, so they (not the toml) decide the ports"),
                start(i));
    }

    /** carbon-kernel v4.4.40 bin/carbondump.bat and bin/tcpmon.bat, as far as an argument check goes: java, no %*. */
    private static final String CARBONDUMP_BAT = "@echo off\r\nrem Carbon dump: collects thread dumps and heap info\r\n"
            + "set CARBON_HOME=%~sdp0..\r\n\"%JAVA_HOME%\\bin\\jmap\" -dump:format=b,file=heap.bin %1\r\n"
            + "\"%JAVA_HOME%\\bin\\java\" -version\r\n";
    private static final String TCPMON_BAT = "@echo off\r\nset CARBON_HOME=%~sdp0..\r\n"
            + "\"%JAVA_HOME%\\bin\\java\" -cp \"%CARBON_HOME%\\lib\\tcpmon.jar\" org.apache.ws.commons.tcpmon.TCPMon\r\n";

    @Test
    void toolsBesideTheStartScriptAreNotStartScripts() {
        // an untouched Identity Server 6.1.0 bin/: the start scripts forward their arguments, the tools start no server
        Dist d = classic(0, "java -Dcarbon.home=\"$CARBON_HOME\" org.wso2.carbon.bootstrap.Bootstrap \"$@\"\n")
                .file("bin/wso2server.bat", "set CMD_LINE_ARGS=%*\r\n\"%JAVA_HOME%\\bin\\java\" "
                        + "org.wso2.carbon.bootstrap.Bootstrap %CMD_LINE_ARGS%\r\n")
                .file("bin/carbondump.bat", CARBONDUMP_BAT).file("bin/tcpmon.bat", TCPMON_BAT)
                .file("bin/carbondump.sh", "java -DportOffset=7 -jar carbondump.jar \"$@\"\n")
                .file("bin/ciphertool.sh", "java -Dcarbon.home=\"$CARBON_HOME\" org.wso2.ciphertool.CipherTool \"$@\"\n");
        RuntimeInstance i = read(d, null);
        assertEquals(List.of(), start(i));
        assertEquals(0, i.offset(), "a -DportOffset in a tool does not start the server at another offset");
    }

    @Test
    void aLauncherScriptCountsForTheRuntimeItStarts() {
        // EI 6.x: bin/broker.sh runs wso2/broker/bin/wso2server.sh (product-ei v6.4.0 distribution/src/scripts/broker.sh)
        Dist d = Dist.at(temp.resolve("wso2ei-6.4.0")).file("conf/carbon.xml", Samples.carbonXml(0))
                .file("wso2/broker/conf/carbon.xml", Samples.carbonXml(3))
                .file("bin/integrator.sh", "java org.wso2.carbon.bootstrap.Bootstrap \"$@\"\n")
                .file("bin/broker.sh", "BROKER_INIT_SCRIPT=\"$CARBON_HOME/wso2/broker/bin/wso2server.sh\"\n"
                        + "sh $BROKER_INIT_SCRIPT -DportOffset=5 $* &\n")
                .file("wso2/broker/bin/wso2server.sh", "java org.wso2.carbon.bootstrap.Bootstrap \"$@\"\n");
        EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec("ei", d.home(), "ei", "h",
                null, null, null, "apply")), Catalog.builtIn());
        assertEquals(List.of(), r.errors());
        RuntimeInstance integrator = r.instances().stream().filter(x -> x.id().equals("ei/integrator")).findFirst()
                .orElseThrow();
        RuntimeInstance broker = r.instances().stream().filter(x -> x.id().equals("ei/broker")).findFirst().orElseThrow();
        assertEquals(0, integrator.offset(), "bin/broker.sh is not the integrator's");
        assertEquals(5, broker.offset(), "bin/broker.sh starts the broker");
        assertTrue(broker.config().offsetSource().startsWith("-DportOffset=5 at ei/bin/broker.sh:2"),
                broker.config().offsetSource());
    }

    @Test
    void aWindowsLauncherCountsForTheRuntimeItStarts() {
        // analytics-apim v3.2.0 bin/worker.bat runs %CARBON_HOME%\wso2\worker\bin\carbon.bat %*
        Dist d = Dist.at(temp.resolve("wso2ei-6.4.0w")).file("conf/carbon.xml", Samples.carbonXml(0))
                .file("wso2/broker/conf/carbon.xml", Samples.carbonXml(3))
                .file("bin/broker.bat", "@echo off\r\nrem runs wso2\\broker\\bin\\wso2server.bat\r\n"
                        + "call \"%CARBON_HOME%\\wso2\\broker\\bin\\wso2server.bat\" -DportOffset=6\r\n")
                .file("wso2/broker/bin/wso2server.bat", "\"%JAVA_HOME%\\bin\\java\" org.wso2.carbon.bootstrap.Bootstrap %*\r\n");
        EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec("ei", d.home(), "ei", "h",
                null, "broker", null, "apply")), Catalog.builtIn());
        assertEquals(6, r.instances().get(0).offset());
        assertEquals(List.of("h start: ei (start, ei/bin/broker.bat): this Windows start script does not pass its "
                + "arguments on: a -DportOffset given to it is dropped (as by EI 6.0.0's bin/start-all.bat)",
                "h start: ei (start, ei/bin/broker.bat:3): -DportOffset=6 beats the offset 3 of "
                        + "ei/wso2/broker/conf/carbon.xml:8: writing the files does not change the ports while it is there"),
                start(r.instances().get(0)));
    }
}
