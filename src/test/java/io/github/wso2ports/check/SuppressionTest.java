package io.github.wso2ports.check;

import io.github.wso2ports.Location;
import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.testing.Instances;
import io.github.wso2ports.text.TextFile;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuppressionTest {

    private static List<Suppression> parse(String text) {
        return Suppression.parseFile(TextFile.utf8(Location.of("s.txt"), text.getBytes(StandardCharsets.UTF_8)));
    }

    private static final List<RuntimeInstance> ESTATE = List.of(
            Instances.instance("a", "app1", 0, 2, "servlet-https", 9443, 1),
            Instances.instance("b", "app1", 0, null, "servlet-https", 9443, 2));

    private static CheckResult check(String suppressions) {
        return CheckResult.evaluate(ESTATE, List.of(), ClashDetector.Options.defaults(), parse(suppressions), true, false);
    }

    @Test
    void aSuppressedFindingDoesNotFailButStaysInTheResult() {
        CheckResult r = check("clash app1 tcp/9443 instance=b moving b to app2 (OPS-1)\noffset * - instance=a later\n");
        assertEquals(2, r.findings().size());
        assertTrue(r.findings().stream().allMatch(Finding::isSuppressed));
        assertFalse(r.fails());
        assertEquals(0, r.errors());
        assertEquals(2, r.suppressed());
        assertTrue(r.summary().endsWith(", 2 suppressed in 2 instances on 1 host"), r.summary());
    }

    @Test
    void aSuppressionMustMatchKindHostPortAndInstance() {
        assertTrue(check("clash app2 tcp/9443 other host").fails());
        assertTrue(check("clash app1 udp/9443 other protocol").fails());
        assertTrue(check("clash app1 9444 other port\noffset * - x").fails());
        CheckResult r = check("clash app1 9443 instance=c nobody\noffset * * any");
        assertTrue(r.fails());
        assertEquals(1, r.unusedSuppressions().size());
        assertFalse(check("* * * everything, while we migrate").fails());
    }

    @Test
    void twoSuppressionsOfOneFindingAreBothInUse() {
        CheckResult r = check("clash app1 tcp/9443 the team's entry\n* app1 tcp/9443 the platform's blanket entry\n");
        assertEquals("the team's entry", r.findings().stream().filter(f -> f.kind() == FindingKind.CLASH).findFirst()
                .orElseThrow().suppression().reason());
        assertEquals(List.of(), r.unusedSuppressions());
    }

    @Test
    void aReasonIsMandatoryAndBadLinesNameTheirLine() {
        Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> parse("# ok\nclash app1 tcp/9443\n"));
        assertEquals("s.txt:2", e.location().toString());
        assertTrue(e.describe().contains("gives no reason"), e.describe());
        e = assertThrows(Wso2PortsException.class, () -> parse("loud app1 tcp/9443 why\n"));
        assertTrue(e.describe().contains("unknown finding kind 'loud'"), e.describe());
        assertThrows(Wso2PortsException.class, () -> parse("clash\n"));
    }
}
