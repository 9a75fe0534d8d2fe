package io.github.wso2ports.distribution;

import io.github.wso2ports.Wso2PortsException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZipSourceTest {

    @TempDir
    Path temp;

    private Path zip(String name, Object... entriesAndBytes) throws IOException {
        Path zip = temp.resolve(name);
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(os)) {
            for (int i = 0; i < entriesAndBytes.length; i += 2) {
                out.putNextEntry(new ZipEntry((String) entriesAndBytes[i]));
                out.write((byte[]) entriesAndBytes[i + 1]);
                out.closeEntry();
            }
        }
        return zip;
    }

    @Test
    void aSingleTopFolderIsTheHome() throws IOException {
        byte[] carbon = "<x/>".getBytes();
        Path z = zip("wso2am-2.6.0.zip", "wso2am-2.6.0/repository/conf/carbon.xml", carbon,
                "wso2am-2.6.0/repository/conf/axis2/axis2.xml", carbon, "wso2am-2.6.0/bin/wso2server.sh", carbon);
        try (ZipSource s = ZipSource.open(z, "dist/wso2am-2.6.0.zip")) {
            assertEquals("wso2am-2.6.0", s.name());
            assertTrue(s.isFile("repository/conf/carbon.xml"));
            assertTrue(s.isDirectory("repository/conf"));
            assertFalse(s.isDirectory("repository/con"));
            assertEquals(List.of("axis2", "carbon.xml"), s.list("repository/conf"));
            assertArrayEquals(carbon, s.read("repository/conf/carbon.xml"));
            assertEquals("dist/wso2am-2.6.0.zip!/repository/conf/carbon.xml", s.location("repository/conf/carbon.xml")
                    .toString());
            assertNull(s.path("repository/conf/carbon.xml"));
        }
    }

    @Test
    void withoutATopFolderTheArchiveIsTheHome() throws IOException {
        Path z = zip("x.zip", "repository/conf/carbon.xml", new byte[1], "bin/a.sh", new byte[1]);
        try (ZipSource s = ZipSource.open(z, "x.zip")) {
            assertEquals("x", s.name());
            assertTrue(s.isFile("repository/conf/carbon.xml"));
        }
    }

    @Test
    void climbingOrAbsoluteEntryNamesAreRefused() throws IOException {
        Path a = zip("a.zip", "wso2/../../etc/passwd", new byte[1]);
        Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> ZipSource.open(a, "a.zip"));
        assertTrue(e.describe().contains("a.zip!/wso2/../../etc/passwd: this entry name is absolute or climbs out"),
                e.describe());
        Path b = zip("b.zip", "/etc/passwd", new byte[1]);
        assertThrows(Wso2PortsException.class, () -> ZipSource.open(b, "b.zip"));
    }

    @Test
    void anEntryThatInflatesTooFarIsRefused() throws IOException {
        byte[] huge = new byte[(int) FolderSource.MAX_CONFIG_BYTES + 10];
        Path z = zip("bomb.zip", "d/repository/conf/carbon.xml", huge);
        assertTrue(Files.size(z) < 100_000, "the test archive should be tiny");
        try (ZipSource s = ZipSource.open(z, "bomb.zip")) {
            Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> s.read("repository/conf/carbon.xml"));
            assertTrue(e.getMessage().contains("too large for a config file"), e.getMessage());
        }
    }

    @Test
    void aCorruptOrTruncatedArchiveIsRefused() throws IOException {
        Path good = zip("good.zip", "d/repository/conf/carbon.xml", new byte[5000]);
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = temp.resolve("truncated.zip");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Wso2PortsException e = assertThrows(Wso2PortsException.class, () -> ZipSource.open(truncated, "truncated.zip"));
        assertTrue(e.getMessage().startsWith("the archive is damaged (its end record is missing: "), e.getMessage());
        Path text = temp.resolve("text.zip");
        Files.writeString(text, "not a zip");
        assertThrows(Wso2PortsException.class, () -> ZipSource.open(text, "text.zip"));
    }
}
