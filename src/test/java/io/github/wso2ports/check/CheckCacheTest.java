package io.github.wso2ports.check;

import io.github.wso2ports.testing.Trees;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckCacheTest {

    @TempDir
    Path temp;

    @Test
    void aCacheReadsBackAsItWasWritten() {
        CheckCache c = new CheckCache("plugin x\ninstance a", List.of(new InputRecord.Fact(InputRecord.Kind.FILE,
                "/a/b", "true")), List.of(new String[] {"error", "h tcp/9443 clash: a <-> b \u00e9"},
                        new String[] {"info", "x".repeat(70_000)}), Map.of("wso2-ports.a.offset", "0"), "1 error");
        Path file = temp.resolve("target/check.cache");
        c.save(file);
        CheckCache back = CheckCache.load(file);
        assertEquals(c.key(), back.key());
        assertEquals(c.facts(), back.facts());
        assertEquals(2, back.log().size());
        assertArrayEquals(c.log().get(0), back.log().get(0));
        assertArrayEquals(c.log().get(1), back.log().get(1));
        assertEquals(c.properties(), back.properties());
        assertEquals("1 error", back.failure());
    }

    @Test
    void aMissingTruncatedOrForeignCacheIsNotUsed() throws Exception {
        Path file = temp.resolve("check.cache");
        assertNull(CheckCache.load(file));
        new CheckCache("k", List.of(), List.of(), Map.of(), null).save(file);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 3));
        assertNull(CheckCache.load(file));
        Files.writeString(file, "{\"format\": \"something else\"}");
        assertNull(CheckCache.load(file));
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
