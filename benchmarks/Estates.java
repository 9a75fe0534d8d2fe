import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the benchmark estates from the corpus (run with {@code java Estates.java CORPUS OUT VERSION}, no compile
 * step): the 1,000-instance estate (the 20 distributions of twenty-hosts, each used by 50 instances on 50 hosts),
 * 200 distinct distribution copies, and a 300 MB distribution zip next to the same distribution unpacked.
 */
public class Estates {

    /** The twenty-hosts distributions. */
    static final List<String> TWENTY = List.of("wso2am-2.6.0", "wso2am-3.2.0", "wso2am-4.2.0", "wso2am-4.5.0",
            "wso2am-tm-4.5.0", "wso2am-universal-gw-4.5.0", "wso2is-5.3.0", "wso2is-5.11.0", "wso2is-7.0.0",
            "wso2ei-6.1.1", "wso2ei-6.4.0", "wso2ei-6.6.0", "wso2esb-5.0.0", "wso2mi-1.2.0", "wso2mi-4.3.0",
            "wso2das-3.2.0", "wso2iot-3.3.0", "wso2sp-4.4.0", "wso2carbon-4.4.40", "wso2emm-2.2.0");

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]).toAbsolutePath().normalize().resolve("files");
        Path out = Path.of(args[1]).toAbsolutePath().normalize();
        String version = args[2];
        // 1,000 instances: each distribution on 50 hosts
        List<String> instances = new ArrayList<>();
        for (int host = 1; host <= 50; host++) {
            for (String d : TWENTY) {
                instances.add(instance(d.replace('.', '_') + "-h" + host, corpus.resolve(d), "host" + host));
            }
        }
        pom(out.resolve("thousand"), "thousand", version, instances, TWENTY.stream().map(corpus::resolve).toList());
        // 200 distinct copies, each on its own host
        instances.clear();
        List<Path> homes = new ArrayList<>();
        for (int copy = 0; copy < 200; copy++) {
            String d = TWENTY.get(copy % TWENTY.size());
            Path home = out.resolve("copies/dist/" + String.format("%03d-", copy) + d);
            copy(corpus.resolve(d), home);
            instances.add(instance("copy" + copy, home, "host" + copy));
            homes.add(home);
        }
        pom(out.resolve("copies"), "copies", version, instances, homes);
        // a 300 MB zip of API Manager 4.2.0's config and filler, and the same unpacked
        Path unpacked = out.resolve("big/folder/wso2am-4.2.0");
        copy(corpus.resolve("wso2am-4.2.0"), unpacked);
        Random random = new Random(42);
        byte[] filler = new byte[10 * 1024 * 1024];
        for (int i = 0; i < 30; i++) {
            random.nextBytes(filler);
            Path f = unpacked.resolve("repository/components/plugins/filler-" + i + ".jar");
            Files.createDirectories(f.getParent());
            Files.write(f, filler);
        }
        Path zip = out.resolve("big/zip/wso2am-4.2.0.zip");
        zip(unpacked, zip);
        pom(out.resolve("big/folder"), "big-folder", version, List.of(instance("apim", unpacked, "localhost")),
                List.of(unpacked));
        // the peer validates files, not archives: the zip estate has no peer build
        pom(out.resolve("big/zip"), "big-zip", version, List.of(instance("apim", zip, "localhost")), List.of());
    }

    static String instance(String id, Path home, String host) {
        return "            <instance><id>" + id + "</id><home>" + home + "</home><host>" + host + "</host></instance>\n";
    }

    /**
     * @param peerHomes the distributions whose XML files the peer build ({@code -Ppeer}: xml-maven-plugin 1.1.0
     *                  validate, well-formedness only) reads; none: no peer profile
     */
    static void pom(Path dir, String name, String version, List<String> instances, List<Path> peerHomes)
            throws IOException {
        StringBuilder sets = new StringBuilder();
        for (Path home : peerHomes) {
            sets.append("                  <validationSet><dir>").append(home)
                    .append("</dir><includes><include>**/*.xml</include></includes></validationSet>\n");
        }
        String peer = peerHomes.isEmpty() ? "" : """
                  <profiles>
                    <profile>
                      <id>peer</id>
                      <build>
                        <plugins>
                          <plugin>
                            <groupId>org.codehaus.mojo</groupId>
                            <artifactId>xml-maven-plugin</artifactId>
                            <version>1.1.0</version>
                            <executions>
                              <execution>
                                <phase>verify</phase>
                                <goals><goal>validate</goal></goals>
                              </execution>
                            </executions>
                            <configuration>
                              <validationSets>
                %s              </validationSets>
                            </configuration>
                          </plugin>
                        </plugins>
                      </build>
                    </profile>
                  </profiles>
                """.formatted(sets);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- generated by benchmarks/Estates.java -->
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>benchmark</groupId>
                  <artifactId>%s</artifactId>
                  <version>1</version>
                  <packaging>pom</packaging>
                  <build>
                    <plugins>
                      <plugin>
                        <groupId>io.github.wso2ports</groupId>
                        <artifactId>wso2-ports-maven-plugin</artifactId>
                        <version>%s</version>
                        <configuration>
                          <instances>
                %s          </instances>
                        </configuration>
                        <executions>
                          <execution>
                            <goals><goal>check</goal></goals>
                          </execution>
                        </executions>
                      </plugin>
                    </plugins>
                  </build>
                %s</project>
                """.formatted(name, version, String.join("", instances), peer), StandardCharsets.UTF_8);
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static void zip(Path folder, Path zip) throws IOException {
        Files.createDirectories(zip.getParent());
        String top = folder.getFileName().toString();
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(os);
                Stream<Path> s = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                byte[] bytes = Files.readAllBytes(p);
                ZipEntry e = new ZipEntry(top + "/" + folder.relativize(p).toString().replace('\\', '/'));
                if (p.getFileName().toString().startsWith("filler-")) {
                    // stored, as jars in a release zip mostly are: incompressible either way
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    e.setMethod(ZipEntry.STORED);
                    e.setSize(bytes.length);
                    e.setCompressedSize(bytes.length);
                    e.setCrc(crc.getValue());
                }
                out.putNextEntry(e);
                out.write(bytes);
                out.closeEntry();
            }
        }
    }
}
