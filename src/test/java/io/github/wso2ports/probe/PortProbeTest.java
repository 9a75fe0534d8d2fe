package io.github.wso2ports.probe;

import io.github.wso2ports.apply.RunningServer;
import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.check.RuntimeInstance;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.ports.PortUse;
import io.github.wso2ports.testing.Corpus;
import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.JavaProcess;
import io.github.wso2ports.testing.Samples;
import io.github.wso2ports.testing.Trees;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PortProbeTest {

    @TempDir
    Path temp;

    /** Lines as Linux 5.x prints them (net/ipv4/tcp_ipv4.c, net/ipv6/tcp_ipv6.c, net/ipv4/udp.c). */
    private static final String TCP = """
              sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000:24FB 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 111 1 0000 100 0 0 10 0
               1: 0100007F:2613 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 222 1 0000 100 0 0 10 0
               2: 0100007F:2613 0100007F:C350 01 00000000:00000000 00:00000000 00000000  1000        0 333 1 0000 100 0 0 10 0
            """;
    private static final String TCP6 = """
              sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
               0: 00000000000000000000000000000000:1F91 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 444 1 0000 100 0 0 10 0
               1: 0000000000000000FFFF00000100007F:1F92 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 555 1 0000 100 0 0 10 0
            """;
    private static final String UDP = """
               sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops
              100: 00000000:14E9 00000000:0000 07 00000000:00000000 00:00000000 00000000   104        0 666 2 0000000000000000 0
            """;

    @Test
    void procNetGivesTheListenersAndBoundUdpSocketsWithTheirAddresses() {
        assertEquals(List.of(new Socket("tcp", "0.0.0.0", 9467, 111), new Socket("tcp", "127.0.0.1", 9747, 222)),
                ProcNet.parse(TCP, "tcp"));
        assertEquals(List.of(new Socket("tcp", "::", 8081, 444), new Socket("tcp", "::ffff:127.0.0.1", 8082, 555)),
                ProcNet.parse(TCP6, "tcp"));
        assertEquals(List.of(new Socket("udp", "0.0.0.0", 5353, 666)), ProcNet.parse(UDP, "udp"));
    }

    /** A sample /proc: the sockets above, PID 4242 (a Python server) holding 111, PID 5151 (a JVM of the home) 222. */
    private Path proc(Path home) throws IOException {
        Path proc = temp.resolve("proc");
        Trees.write(proc.resolve("net/tcp"), TCP);
        Trees.write(proc.resolve("net/tcp6"), TCP6);
        Trees.write(proc.resolve("net/udp"), UDP);
        process(proc, 4242, Map.of("3", 111L), "python3", "-m", "http.server", "9467");
        process(proc, 5151, Map.of("7", 222L, "8", 444L), "/usr/bin/java", "-Dcarbon.home=" + home,
                "org.wso2.carbon.bootstrap.Bootstrap");
        return proc;
    }

    private static void process(Path proc, long pid, Map<String, Long> fds, String... commandLine) throws IOException {
        Path dir = Files.createDirectories(proc.resolve(Long.toString(pid)).resolve("fd"));
        for (Map.Entry<String, Long> fd : fds.entrySet()) {
            Files.createSymbolicLink(dir.resolve(fd.getKey()), Path.of("socket:[" + fd.getValue() + "]"));
        }
        Trees.write(proc.resolve(Long.toString(pid)).resolve("cmdline"), String.join("\0", commandLine) + "\0");
    }

    /** A Carbon 4 sample at offset 24: servlet 9467/9787, JMX 10023/11135. */
    private RuntimeInstance sample(String name) {
        Dist d = Dist.at(temp.resolve(name)).file("repository/conf/carbon.xml", Samples.carbonXml(24));
        EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec("is", d.home(), name,
                "localhost", null, null, null, "apply")), Catalog.builtIn());
        assertEquals(List.of(), r.errors());
        return r.instances().get(0);
    }

    private static Map<Integer, String> states(PortProbe.Result result) {
        return result.rows().stream().collect(Collectors.toMap(PortProbe.Row::number,
                r -> r.state() + (r.pid() == 0 ? "" : " " + r.pid()), (a, b) -> a, java.util.TreeMap::new));
    }

    @Test
    void eachPortIsFreeHeldByItsInstanceOrHeldByAnotherProcessNamed() throws IOException {
        RuntimeInstance is = sample("wso2is-5.11.0");
        Path home = is.config().distribution().source().path("");
        PortProbe.Result result = PortProbe.probe(List.of(is), new LinuxHost(proc(home)), RunningServer.SYSTEM);
        Map<Integer, String> states = states(result);
        assertEquals("OTHER_PROCESS 4242", states.get(9467));
        assertEquals("FREE", states.get(9787));
        assertTrue(result.fails());
        PortProbe.Row held = result.rows().stream().filter(r -> r.number() == 9467).findFirst().orElseThrow();
        assertTrue(held.describe().startsWith("localhost tcp/9467 in use: is needs it (HTTPS servlet transport "
                + "(management console), catalog default: no wso2is-5.11.0/repository/conf/tomcat/catalina-server.xml)"
                + ", but PID 4242 holds it: python3 -m http.server 9467"), held.describe());
    }

    @Test
    void aJvmOfTheHomeHoldsItsOwnPortsAndWhatItListensOnIsComparedWithTheModel() throws IOException {
        RuntimeInstance is = sample("wso2is-5.11.0");
        Path home = is.config().distribution().source().path("");
        // the JVM of the home holds 222: make that the instance's HTTP servlet port, 9787 = 0x263B
        Path proc = proc(home);
        Files.writeString(proc.resolve("net/tcp"), TCP.replace("0100007F:2613 00000000", "0100007F:263B 00000000"));
        PortProbe.Result result = PortProbe.probe(List.of(is), new LinuxHost(proc), RunningServer.SYSTEM);
        assertEquals("THIS_INSTANCE 5151", states(result).get(9787));
        // it listens on 8081 (not predicted) and not on its HTTPS port or embedded LDAP (predicted)
        List<String> differs = result.modelDiffers();
        assertTrue(differs.contains("localhost tcp/8081 model differs: is (PID 5151) listens there, which the model "
                + "does not predict"), differs.toString());
        assertTrue(differs.stream().anyMatch(l -> l.startsWith("localhost tcp/10413 model differs: is (PID 5151) does "
                + "not listen there, though the model predicts embedded LDAP server")), differs.toString());
        assertFalse(differs.stream().anyMatch(l -> l.startsWith("localhost tcp/9787 ")), differs.toString());
    }

    @Test
    void withoutProcABindTestSaysAPortIsTakenByAnOwnerItCannotSee() throws IOException {
        RuntimeInstance is = free(sample("wso2is-5.11.0"));
        PortUse https = https(is);
        int port = (int) https.effective(is.offset());
        try (ServerSocket s = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            PortProbe.Result result = PortProbe.probe(List.of(is), new LinuxHost(temp.resolve("no-proc")),
                    RunningServer.SYSTEM);
            assertEquals("UNSEEN", states(result).get(port));
            assertFalse(result.fails(), "an owner it cannot see is a warning, not a failure");
        }
        PortProbe.Result after = PortProbe.probe(List.of(is), new LinuxHost(temp.resolve("no-proc")),
                RunningServer.SYSTEM);
        assertEquals("FREE", states(after).get(port));
    }

    /** The instance moved to an offset where every port it needs is free on this machine now. */
    private static RuntimeInstance free(RuntimeInstance i) {
        Host host = LinuxHost.system();
        for (int offset = 2000; offset < 20000; offset += 37) {
            RuntimeInstance moved = i.at(offset, "a free region for the test");
            boolean allFree = moved.config().ports().stream().filter(PortUse::listens)
                    .allMatch(p -> host.bind(p.entry().protocol(), (int) p.effective(moved.offset())) == Host.Bind.FREE);
            if (allFree) {
                return moved;
            }
        }
        throw new AssertionError("no free offset region on this machine");
    }

    private static PortUse https(RuntimeInstance i) {
        return i.config().ports().stream().filter(p -> p.entry().id().equals("servlet-https")).findFirst()
                .orElseThrow();
    }

    /**
     * On this machine: a listener this test opens on 127.0.0.1 on a port a corpus distribution needs (moved to a free
     * offset region) is another process's, named with this JVM's PID; closed, the port is free.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aListenerOnAPortTheInstanceNeedsIsFoundWithItsPid() throws IOException {
        Path ei = Corpus.copy("wso2ei-6.1.1", temp);
        EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec("ei", ei, "wso2ei-6.1.1",
                "localhost", null, "integrator", null, "apply")), Catalog.builtIn());
        assertEquals(List.of(), r.errors().stream().map(e -> e.describe()).toList());
        RuntimeInstance i = free(r.instances().get(0));
        int port = (int) https(i).effective(i.offset());
        try (ServerSocket s = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
            PortProbe.Result result = PortProbe.probe(List.of(i), LinuxHost.system(), RunningServer.SYSTEM);
            assertEquals("OTHER_PROCESS " + ProcessHandle.current().pid(), states(result).get(port));
            assertTrue(result.fails());
        }
        PortProbe.Result after = PortProbe.probe(List.of(i), LinuxHost.system(), RunningServer.SYSTEM);
        assertEquals("FREE", states(after).get(port));
        assertFalse(after.fails());
    }

    /**
     * A running instance stood for by a JVM whose command line names the home, with its PID in the home's
     * wso2carbon.pid: it listens on its HTTPS port and one port more; the probe says the HTTPS port is its own, and
     * that the model differs on the extra one and on the ports it does not listen on.
     */
    @Test
    @EnabledOnOs(OS.LINUX)
    void aRunningInstanceIsComparedWithTheModel() throws Exception {
        RuntimeInstance i = free(sample("wso2is-5.11.0"));
        Path home = i.config().distribution().source().path("");
        int https = (int) https(i).effective(i.offset());
        int extra = https + 1;
        try (JavaProcess server = JavaProcess.listening(List.of(https, extra), "-Dcarbon.home=" + home)) {
            Files.writeString(home.resolve("wso2carbon.pid"), Long.toString(server.pid()));
            PortProbe.Result result = PortProbe.probe(List.of(i), LinuxHost.system(), RunningServer.SYSTEM);
            assertEquals("THIS_INSTANCE " + server.pid(), states(result).get(https));
            assertFalse(result.fails());
            List<String> differs = result.modelDiffers();
            assertTrue(differs.contains("localhost tcp/" + extra + " model differs: is (PID " + server.pid()
                    + ") listens there, which the model does not predict"), differs.toString());
            assertTrue(differs.stream().anyMatch(l -> l.contains("does not listen there, though the model predicts "
                    + "HTTP servlet transport")), differs.toString());
        }
    }
}
