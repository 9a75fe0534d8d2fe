package bench;

import io.github.wso2ports.apply.OffsetApplier;
import io.github.wso2ports.distribution.FolderSource;
import io.github.wso2ports.distribution.LayoutDetector;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** apply on one real carbon.xml (API Manager 2.6.0), warm: detect, check the ports, plan, write atomically. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class ApplyBenchmark {

    private Path home;
    private int next;

    @Setup
    public void setUp() throws IOException {
        Path from = Estate.corpus().resolve("wso2am-2.6.0");
        home = Files.createTempDirectory("wso2ports-apply-bench").resolve("wso2am-2.6.0");
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                Path to = home.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                    to.toFile().setWritable(true, true); // the corpus is read-only; the copy is ours
                }
            }
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(home.getParent())) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** Sets offsets 1, 2, 1, 2, ...: every call changes the file. */
    @Benchmark
    public void applyCarbonXml() {
        next = next == 1 ? 2 : 1;
        OffsetApplier.write(OffsetApplier.plan(LayoutDetector.detect(FolderSource.open(home, "home")), null, next,
                new OffsetApplier.Options(false)));
    }
}
