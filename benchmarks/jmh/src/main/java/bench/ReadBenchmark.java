package bench;

import io.github.wso2ports.check.CheckResult;
import io.github.wso2ports.check.ClashDetector;
import io.github.wso2ports.check.EstateReader;
import io.github.wso2ports.ports.Catalog;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** check's domain, warm: reading the 20 distributions of twenty-hosts (35 runtimes) and detecting the findings. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class ReadBenchmark {

    private List<EstateReader.InstanceSpec> twenty;

    @Setup
    public void setUp() {
        twenty = Estate.twenty();
    }

    /** Reads the 20 distributions (35 runtimes) from their files and detects the findings. */
    @Benchmark
    public CheckResult readAndCheckTwenty() {
        EstateReader.Result r = EstateReader.read(twenty, Catalog.builtIn());
        return CheckResult.evaluate(r.instances(), List.of(), ClashDetector.Options.defaults(), List.of(), true, false);
    }

}
