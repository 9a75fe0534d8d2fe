package io.github.wso2ports.hostile;

import io.github.wso2ports.Wso2PortsException;
import io.github.wso2ports.apply.ApplyPlan;
import io.github.wso2ports.apply.OffsetApplier;
import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.ports.Catalog;
import io.github.wso2ports.testing.Corpus;
import io.github.wso2ports.testing.Dist;
import io.github.wso2ports.testing.Trees;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real corpus files nested deeper than any parser's stack survives (issue 11, item 4): one clear error naming the file
 * and line, from check and from apply, and nothing written; never a StackOverflowError.
 */
class DeepNestingTest {

    @TempDir
    Path temp;

    private record Case(String name, String folder, String file, String anchor, String insert, String expected) {
    }

    private static String nested(String open, String close, int depth) {
        return open.repeat(depth) + close.repeat(depth);
    }

    @TestFactory
    List<DynamicTest> deepNestingIsAClearErrorNamingTheFile() {
        String xml = nested("<a>", "</a>", 20_000);
        List<Case> cases = List.of(
                new Case("20,000 elements in carbon.xml", "wso2am-2.6.0", "repository/conf/carbon.xml",
                        "<Ports>", xml + "\n    <Ports>", "elements nest deeper than 200 levels"),
                new Case("20,000 elements in axis2.xml", "wso2am-2.6.0", "repository/conf/axis2/axis2.xml",
                        "<clustering", xml + "\n    <clustering", "elements nest deeper than 200 levels"),
                new Case("20,000 elements in catalina-server.xml", "wso2am-2.6.0",
                        "repository/conf/tomcat/catalina-server.xml", "<Service", xml + "\n<Service",
                        "elements nest deeper than 200 levels"),
                new Case("an array nested 2,000 deep", "wso2am-4.7.0", "repository/conf/deployment.toml", "[server]",
                        "deep = " + nested("[", "]", 2_000) + "\n[server]", "arrays and tables nest deeper than 64"),
                new Case("an inline table nested 2,000 deep", "wso2am-4.7.0", "repository/conf/deployment.toml",
                        "[server]", "deep = " + "{ a = ".repeat(2_000) + "1" + " }".repeat(2_000) + "\n[server]",
                        "arrays and tables nest deeper than 64"),
                new Case("a dotted key of 3,000 parts", "wso2am-4.7.0", "repository/conf/deployment.toml", "[server]",
                        "a" + ".a".repeat(2_999) + " = 1\n[server]", "a key has more than 64 dotted parts"),
                new Case("a table header of 3,000 parts", "wso2am-4.7.0", "repository/conf/deployment.toml",
                        "[server]", "[a" + ".a".repeat(2_999) + "]\nx = 1\n[server]", "a key has more than 64 dotted parts"));
        List<DynamicTest> tests = new ArrayList<>();
        int n = 0;
        for (Case c : cases) {
            Path home = temp.resolve(n++ + "/" + c.folder());
            tests.add(DynamicTest.dynamicTest(c.name(), () -> {
                Trees.copy(Corpus.files().resolve(c.folder()), home);
                Path file = home.resolve(c.file());
                String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                assertTrue(text.contains(c.anchor()), c.anchor());
                Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(c.anchor()),
                        java.util.regex.Matcher.quoteReplacement(c.insert())), StandardCharsets.ISO_8859_1);
                EstateReader.Result r = EstateReader.read(List.of(new EstateReader.InstanceSpec("x", home, "x",
                        "h", null, null, null, "apply")), Catalog.builtIn());
                assertEquals(1, r.errors().size(), c.name());
                String message = r.errors().get(0).describe();
                assertTrue(message.startsWith("x/" + c.file() + ":"), message);
                assertTrue(message.contains(c.expected()), message);
                Map<String, byte[]> before = Trees.snapshot(home);
                Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> {
                    ApplyPlan plan = OffsetApplier.plan(Dist.at(home).detect(), null, 3,
                            new OffsetApplier.Options(false));
                    OffsetApplier.write(plan);
                });
                assertTrue(e.describe().contains(c.expected()), e.describe());
                Map<String, byte[]> after = Trees.snapshot(home);
                before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
            }));
        }
        return tests;
    }
}
