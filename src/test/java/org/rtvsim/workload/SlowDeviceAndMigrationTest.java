package org.rtvsim.workload;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.ScenarioLoader;

/** The slow_device and task_migration system operations, each alone on an idle PREEMPT_RT machine. */
class SlowDeviceAndMigrationTest {

    private static RunResult run(String event) {
        String yaml = """
                name: ops
                duration: 2s
                warmup: 0ns
                hardware: {cpus: 2}
                host:
                  kernel: {preempt: rt, nohz_full: "1"}
                  workload:
                    - cyclictest: {threads: 2, priority: 99, interval: 1ms, mlock: true}
                events:
                  - %s
                """.formatted(event);
        return SingleRun.run(ScenarioLoader.loadString(yaml, "ops.yaml", List.of()), 0);
    }

    @Test
    void slowDevice_stallsOnlyItsCpu_withItsLabel() {
        // 100 us PIO stalls on CPU 1 every 997 us drift across the 1 ms wake-ups: some wake-up waits for one
        RunResult r = run("slow_device: {interval: 997us, cpus: \"1\", access: {fixed: 100us}}");
        ThreadResult cpu0 = r.threads().get(0);
        ThreadResult cpu1 = r.threads().get(1);
        assertTrue(cpu1.maxNs() > 90_000 && cpu1.maxNs() < 120_000, "cpu1 max " + cpu1.maxNs());
        assertTrue(cpu1.maxSample().components().get(0).label().startsWith("slow_device access"));
        assertTrue(cpu0.maxNs() < 30_000, "cpu0 untouched: " + cpu0.maxNs());
    }

    @Test
    void taskMigration_stopperHitsTheTarget_andTheMigratedTaskRunsThere() {
        RunResult with = run("task_migration: {at: 500ms, cpu: 1, for: 1s, stop: {fixed: 400us}}");
        RunResult without = run("tlb_shootdown: {at: 1900ms, cpus: \"0\"}");
        ThreadResult cpu1 = with.threads().get(1);
        // the 400 us stopper lands on a wake-up or not; the migrated task keeps CPU 1 busy between wake-ups,
        // so the tick (nohz_full stops it only for one task) comes back: the mean rises
        assertTrue(cpu1.avgNs() > without.threads().get(1).avgNs(), "avg " + cpu1.avgNs() + " vs "
                + without.threads().get(1).avgNs());
        assertTrue(with.threads().get(0).maxNs() < 30_000, "cpu0 untouched");
    }
}
