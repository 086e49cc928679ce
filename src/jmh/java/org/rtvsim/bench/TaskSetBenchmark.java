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
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.experiment.TaskSetFile;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.TaskResult;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * Scheduling-core speed on the benchmark task sets of {@code ../shared/benchmarks/tasksets}
 * ({@code overheads: none}, 10 s simulated each), single thread. One operation simulates the whole set;
 * the jobs completed per operation are returned, so jobs per second = jobs / (time per op).
 * Run from the repository root (the default {@code dir} is the shared benchmarks folder beside it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class TaskSetBenchmark {
    @Param({"bench_n10_m1", "bench_n100_m1", "bench_n40_m4", "bench_n100_m4"})
    public String set;

    @Param({"../shared/benchmarks/tasksets"})
    public String dir;

    private ScenarioSpec spec;

    @Setup
    public void load() {
        Path file = Path.of(dir, set + ".json");
        spec = ScenarioLoader.loadString(TaskSetFile.read(file).toYaml(), file.toString(), List.of());
    }

    @Benchmark
    public long simulate() {
        RunResult r = SingleRun.run(spec, 0);
        long jobs = 0;
        for (TaskResult t : r.tasks()) {
            jobs += t.jobs();
        }
        return jobs;
    }
}
