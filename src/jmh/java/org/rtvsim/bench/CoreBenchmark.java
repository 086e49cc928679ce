package org.rtvsim.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * Speed of the simulation core on a ready scenario: one operation = one simulated second of the
 * scenario. Divide the events per operation (printed by {@code rtvsim run --stats}) by the time per
 * operation for events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class CoreBenchmark {
    @Param({"scenarios/baremetal-rt-hackbench.yaml", "scenarios/baremetal-rt-idle.yaml", "scenarios/kvm-rt-partitioned.yaml",
        "scenarios/kvm-rt-shared.yaml"})
    public String scenario;

    private ScenarioSpec spec;

    @Setup
    public void load() {
        spec = ScenarioLoader.load(Path.of(scenario), List.of("duration=1s", "warmup=0ns"));
    }

    @Benchmark
    public void simulateOneSecond(Blackhole bh) {
        RunResult r = SingleRun.run(spec, 0);
        bh.consume(r.events());
    }
}
