package io.github.wso2ports.cache;

import io.github.wso2ports.Printer;
import io.github.wso2ports.check.CheckRequest;
import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.check.Verdict;
import io.github.wso2ports.distribution.InputRecord;
import io.github.wso2ports.testing.Trees;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCacheTest {

    @TempDir
    Path temp;

    @Test
    void aCacheReadsBackAsItWasWritten() {
        Verdict verdict = new Verdict(List.of(new Printer.Line(Printer.Level.ERROR, "h tcp/9443 clash: a <-> b \u00e9"),
                new Printer.Line(Printer.Level.INFO, "x".repeat(70_000))), Map.of("wso2-ports.a.offset", "0"),
                "wso2-ports:check: 1 error", "1 error");
        CheckCache c = new CheckCache("plugin x\ninstance a", List.of(new InputRecord.Fact(InputRecord.Kind.FILE,
                "/a/b", "true")), verdict, List.of("/p/target/wso2-ports/ports.json"));
        Path file = temp.resolve("target/check.cache");
        c.save(file);
        assertEquals(c, CheckCache.load(file));
    }

    @Test
    void aMissingTruncatedOrForeignCacheIsNotUsed() throws Exception {
        Path file = temp.resolve("check.cache");
        assertNull(CheckCache.load(file));
        new CheckCache("k", List.of(), new Verdict(List.of(), Map.of(), "s", null), List.of()).save(file);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 3));
        assertNull(CheckCache.load(file));
        Files.writeString(file, "{\"format\": \"something else\"}");
        assertNull(CheckCache.load(file));
    }

    /**
     * The key is the request by construction: each value of the request, changed alone, changes the key, so a
     * setting added to the request later can never replay a verdict taken under another value of it.
     */
    @Test
    void everyValueOfTheRequestIsInTheKey() throws Exception {
        CheckRequest base = new CheckRequest(List.of(new EstateReader.InstanceSpec("apim", temp.resolve("am"), "am",
                "localhost", "0", null, null, "mvn wso2-ports:apply -Doffset=N", null, null)),
                List.of(new CheckRequest.InputFile(temp.resolve("docker-compose.yml"), "docker-compose.yml",
                        "<composeFiles>")), "localhost", "pom.xml",
                List.of(new CheckRequest.Reserved("5432", "tcp", null, "PostgreSQL")),
                new CheckRequest.InputFile(temp.resolve("reserved.txt"), "reserved.txt", "<reservedPortsFile>"),
                List.of(new CheckRequest.ReservedProduct("wso2am-analytics", null, "1", "app1")),
                io.github.wso2ports.Port.EPHEMERAL_DEFAULT, Map.of("ephemeral", "ignore"),
                List.of(new CheckRequest.LinkGiven("apim", "apim-key-manager", "km")),
                new CheckRequest.InputFile(temp.resolve("suppressions.txt"), "suppressions.txt", "<suppressionsFile>"),
                true, false, false, new CheckRequest.InputFile(temp.resolve("target/wso2-ports"), "target/wso2-ports",
                        "-Dwso2-ports.outputDirectory"), true, "; run plan");
        String key = CheckCache.key("plugin 1", base);
        RecordComponent[] components = CheckRequest.class.getRecordComponents();
        Set<String> keys = new HashSet<>(Set.of(key));
        for (int n = 0; n < components.length; n++) {
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int c = 0; c < components.length; c++) {
                values[c] = components[c].getAccessor().invoke(base);
                types[c] = components[c].getType();
            }
            values[n] = other(values[n]);
            CheckRequest changed = CheckRequest.class.getDeclaredConstructor(types).newInstance(values);
            assertNotEquals(base, changed, components[n].getName());
            assertTrue(keys.add(CheckCache.key("plugin 1", changed)), "the key ignores " + components[n].getName());
        }
        assertNotEquals(key, CheckCache.key("plugin 2", base), "the plugin build");
    }

    /** Another value of the same type, for each type a request holds. */
    private Object other(Object value) {
        if (value instanceof Boolean b) {
            return !b;
        }
        if (value instanceof String s) {
            return s + "x";
        }
        if (value instanceof CheckRequest.InputFile f) {
            return new CheckRequest.InputFile(f.path().resolveSibling("other"), f.shown() + "x", f.setting());
        }
        if (value instanceof Map<?, ?> m) {
            return Map.of("clash", "warning");
        }
        if (value instanceof List<?> l) {
            List<Object> more = new ArrayList<>(l);
            more.add(l.get(0));
            return more;
        }
        throw new AssertionError("a request value of a type this test cannot change: " + value.getClass()
                + "; teach other() to change it");
    }

    @Test
    void factsHoldUntilWhatTheySayChanges() throws Exception {
        Path conf = temp.resolve("home/repository/conf");
        Path carbon = conf.resolve("carbon.xml");
        Trees.write(carbon, "<Offset>0</Offset>");
        InputRecord record = new InputRecord();
        record.add(InputRecord.Kind.CONTENT, carbon, InputRecord.observe(InputRecord.Kind.CONTENT, carbon));
        record.add(InputRecord.Kind.FILE, conf.resolve("axis2/axis2.xml"), "false");
        record.add(InputRecord.Kind.LIST, conf, InputRecord.observe(InputRecord.Kind.LIST, conf));
        List<InputRecord.Fact> facts = record.facts();
        assertTrue(InputRecord.stillHolds(facts));

        // touched, same bytes: still holds
        Files.setLastModifiedTime(carbon, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertTrue(InputRecord.stillHolds(facts));
        // same size, other bytes
        Files.writeString(carbon, "<Offset>1</Offset>");
        assertFalse(InputRecord.stillHolds(facts));
        Files.writeString(carbon, "<Offset>0</Offset>");
        assertTrue(InputRecord.stillHolds(facts));
        // a file that was absent appears (and the folder lists it)
        Trees.write(conf.resolve("axis2/axis2.xml"), "<axisconfig/>");
        assertFalse(InputRecord.stillHolds(facts));
    }
}
