package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * A cyclictest thread with a mask ({@code cyclictest.affinity}) escapes a higher-priority RT hog on its CPU by
 * select_task_rq_rt (docs/model-reference.md §8, "Placement and load balancing"); pinned, it waits for the hog.
 * {@code overheads: none}: the wake-up path costs only the clock read, and the move a reschedule IPI of no cost.
 */
class CyclictestMaskTest {
    private static final long US = 1_000L;

    private static ThreadResult run(String affinity) {
        String yaml = """
                name: mask
                duration: 2s
                warmup: 0ns
                hardware: {cpus: 2}
                host:
                  kernel: {preempt: full, overheads: none, hz: 250, rt_throttling: off}
                  workload:
                    - cyclictest: {threads: 1, cpus: "0", priority: 90, interval: 1ms%s}
                    - periodic: {tasks: [{name: hog, period: 10ms, wcet: {fixed: 3ms}, priority: 99, cpu: 0}]}
                measure: {attribution: true}
                """.formatted(affinity);
        RunResult r = SingleRun.run(ScenarioLoader.loadString(yaml, "mask.yaml", List.of()), 0);
        return r.threads().get(0);
    }

    @Test
    void maskedThread_runsOnTheOtherCpu_whileTheHogHoldsItsOwn() {
        ThreadResult pinned = run("");
        ThreadResult masked = run(", affinity: \"0-1\"");
        assertTrue(pinned.maxNs() > 900 * US, "pinned waits for the hog: " + pinned.maxNs());
        assertTrue(masked.maxNs() < 5 * US, "masked moves at once: " + masked.maxNs());
    }

    /**
     * A periodic FIFO-10 task (1 ms every 10 ms, mask 0-1) released on cpu0 while a FIFO-50 hog holds cpu0 for
     * 5 ms of each 10: select_task_rq_rt sends it to cpu1, so its response time is its 1 ms of work and its
     * attribution (response-time window) follows it; pinned (cpu 0) it waits the hog's 5 ms.
     */
    @Test
    void maskedPeriodicTask_escapesTheHog_andItsWindowFollows() {
        String yaml = """
                name: periodic-mask
                duration: 1s
                warmup: 0ns
                hardware: {cpus: 2}
                host:
                  kernel: {preempt: full, overheads: none, hz: 250, rt_throttling: off}
                  workload:
                    - periodic: {tasks: [{name: hog, period: 10ms, wcet: {fixed: 5ms}, priority: 50, cpu: 0},
                                         {name: t, period: 10ms, wcet: {fixed: 1ms}, priority: 10, cpu: 0%s}]}
                measure: {attribution: true}
                """;
        var pinned = SingleRun.run(ScenarioLoader.loadString(yaml.formatted(""), "p.yaml", List.of()), 0)
                .tasks().stream().filter(x -> x.task().equals("t")).findFirst().orElseThrow();
        var masked = SingleRun.run(ScenarioLoader.loadString(yaml.formatted(", cpus: \"0-1\""), "p.yaml",
                List.of()), 0).tasks().stream().filter(x -> x.task().equals("t")).findFirst().orElseThrow();
        assertTrue(pinned.maxNs() >= 6_000 * US, "pinned: " + pinned.maxNs());
        assertTrue(masked.maxNs() <= 1_000 * US + 5 * US, "masked: " + masked.maxNs());
        long charged = masked.worstJob().components().stream().mapToLong(c -> c.ns()).sum();
        assertTrue(Math.abs(charged - masked.maxNs()) <= 1, "the window's charges add up to the job: " + charged);
    }
}
