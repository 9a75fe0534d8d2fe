package io.github.wso2ports.maven;

import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.Samples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The standalone command: the goals' messages in its own syntax, and its exit codes. */
class CliTest {

    private static final String CARBON = "repository/conf/carbon.xml";

    @TempDir
    Path temp;

    private String output;

    private int run(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Cli.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), temp.toFile(), args);
        output = bytes.toString(StandardCharsets.UTF_8);
        return code;
    }

    private List<String> lines() {
        return output.lines().toList();
    }

    /** Two Carbon 4 samples at offset 0 in one folder: their ports clash. */
    private void twoAtZero() {
        Dist.at(temp.resolve("host/wso2am-2.6.0")).file(CARBON, Samples.carbonXml(0));
        Dist.at(temp.resolve("host/wso2is-5.7.0")).file(CARBON, Samples.carbonXml(0));
    }

    @Test
    void checkFailsOnClashesWithExitCode1AndSuggestsThePlanCommand() {
        twoAtZero();
        assertEquals(1, run("check", "--home", "host"));
        assertTrue(output.contains("[ERROR] localhost tcp/9443  clash: wso2am-2.6.0 "), output);
        String last = lines().get(lines().size() - 1);
        assertTrue(last.matches("\\[ERROR\\] wso2-ports:check: \\d+ errors, 0 warnings \\(clash \\d+\\) in 2 instances on "
                + "1 host; to separate them, run java -jar \\S+ plan --home host \\(add --write to write the offsets it "
                + "plans\\)"), last);
        assertEquals(1, output.split("wso2-ports:check: ").length - 1, "the summary once");
    }

    @Test
    void planWritesWhatCheckThenPasses() {
        twoAtZero();
        assertEquals(0, run("plan", "--home", "host", "--write"));
        assertEquals(0, run("check", "--home", "host"), output);
        assertTrue(output.contains("[INFO] wso2-ports:check: 0 errors, 0 warnings in 2 instances on 1 host"), output);
    }

    @Test
    void applyDryRunWritesNothingAndApplyWrites() throws Exception {
        Dist is = Dist.at(temp.resolve("wso2is-5.7.0")).file(CARBON, Samples.carbonXml(0));
        assertEquals(0, run("apply", "--home", "wso2is-5.7.0", "--offset", "2", "--dry-run"));
        assertTrue(output.contains("[INFO] Dry run (--dry-run): nothing was written"), output);
        assertEquals(Samples.carbonXml(0), is.text(CARBON));
        assertEquals(0, run("apply", "--home", "wso2is-5.7.0", "--offset", "2"));
        assertEquals(Samples.carbonXml(2), is.text(CARBON));
    }

    @Test
    void aMistypedOptionIsAUsageErrorNamingTheOptionMeantAndNothingIsWritten() {
        Dist is = Dist.at(temp.resolve("wso2is-5.7.0")).file(CARBON, Samples.carbonXml(0));
        assertEquals(2, run("apply", "--home", "wso2is-5.7.0", "--ofset", "2"));
        assertEquals(List.of("[ERROR] --ofset is not an option of wso2-ports apply (did you mean --offset?); nothing "
                + "was read or written", "[ERROR] See wso2-ports apply --help for its options"), lines());
        assertEquals(Samples.carbonXml(0), is.text(CARBON));
        assertEquals(2, run("chek"));
        assertEquals(2, run("apply", "--home", "wso2is-5.7.0"));
        assertEquals(List.of("[ERROR] Missing required option: '--offset=N'; nothing was read or written",
                "[ERROR] See wso2-ports apply --help for its options"), lines());
    }

    @Test
    void aHomeThatIsNotThereIsBadInput() {
        assertEquals(2, run("check", "--home", "nowhere"));
        assertTrue(output.contains("nowhere"), output);
    }

    @Test
    void reportWritesTheReportFilesWithoutFailing() {
        twoAtZero();
        assertEquals(0, run("report", "--home", "host", "--output-directory", "reports"));
        assertTrue(Files.isRegularFile(temp.resolve("reports/ports.json")));
        assertTrue(Files.isRegularFile(temp.resolve("reports/wso2-ports.sarif")));
    }

    @Test
    void everyCommandHasItsHelp() {
        for (String command : List.of("apply", "check", "plan", "report", "probe")) {
            assertEquals(0, run(command, "--help"));
            assertTrue(output.startsWith("Usage: wso2-ports " + command), output);
        }
        assertEquals(0, run("--help"));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void probeNamesTheProcessThatHoldsAPortAnInstanceNeeds() throws Exception {
        // an offset where every port the sample needs is free on this machine now
        int offset = 3107;
        Dist.at(temp.resolve("wso2is-5.7.0")).file(CARBON, Samples.carbonXml(offset));
        while (run("probe", "--home", "wso2is-5.7.0") != 0) {
            offset += 41;
            Dist.at(temp.resolve("wso2is-5.7.0")).file(CARBON, Samples.carbonXml(offset));
        }
        int https = 9443 + offset;
        try (ServerSocket s = new ServerSocket(https, 50, InetAddress.getLoopbackAddress())) {
            assertEquals(1, run("probe", "--home", "wso2is-5.7.0"));
            assertTrue(output.contains("[ERROR] localhost tcp/" + https + " in use: wso2is-5.7.0 needs it (HTTPS "
                    + "servlet transport (management console), catalog default: no wso2is-5.7.0/repository/conf/tomcat/"
                    + "catalina-server.xml), but PID " + ProcessHandle.current().pid() + " holds it: "), output);
        }
        assertEquals(0, run("probe", "--home", "wso2is-5.7.0"));
        assertTrue(output.contains("[INFO] localhost tcp/" + https + " free: "), output);
    }
}
