package bench;

import io.github.wso2ports.check.CheckResult;
import io.github.wso2ports.check.ClashDetector;
import io.github.wso2ports.check.RuntimeInstance;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** check's detection, warm, as the estate grows: its cost should grow with the ports, not with their square. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@State(Scope.Benchmark)
public class DetectBenchmark {

    @Param({"1000", "2000", "4000", "8000"})
    int instances;

    private List<RuntimeInstance> estate;

    @Setup
    public void setUp() {
        estate = Estate.instances(instances);
    }

    /** Detects the findings of {@code instances} instances already read: grows with the ports, not their square. */
    @Benchmark
    public CheckResult detect() {
        return CheckResult.evaluate(estate, List.of(), ClashDetector.Options.defaults(), List.of(), true, false);
    }
}
