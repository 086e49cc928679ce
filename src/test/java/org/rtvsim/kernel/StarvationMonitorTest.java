package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.StarvationFinding;
import org.rtvsim.measure.TaskWait;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * The starvation monitor: a SCHED_FIFO task that never sleeps keeps the kernel threads of its CPU off
 * it. Only the housekeeping source under test is on; the hog is a periodic task whose one job needs
 * 100 s of CPU.
 */
class StarvationMonitorTest {

    private static RunResult run(String preempt, String throttling, String housekeeping, String hog) {
        String yaml = """
                name: starve
                duration: 3s
                warmup: 0ns
                hardware: {cpus: 1, cstates: {max_cstate: C0}}
                host:
                  kernel:
                    preempt: %s
                    %s
                    housekeeping: %s
                  workload:
                    - periodic:
                        tasks: [%s]
                """.formatted(preempt, throttling, housekeeping, hog);
        return SingleRun.run(ScenarioLoader.loadString(yaml, "starve.yaml", List.of()), 0);
    }

    private static final String VMSTAT_ONLY = "{rcu_callbacks: off, kworker: off, timer_softirq: off, "
            + "vmstat: {interval: 1s, duration: {fixed: 3us}}}";
    private static final String RCU_ONLY = "{vmstat: off, kworker: off, timer_softirq: off, "
            + "rcu_callbacks: {rate: 200hz, duration: {fixed: 2us}}}";
    private static final String FIFO_HOG =
            "{name: hog, period: 100s, wcet: {fixed: 100s}, priority: 50, policy: fifo, cpu: 0}";

    private static TaskWait wait(RunResult r, String task) {
        return r.waits().stream().filter(w -> w.task().equals(task)).findFirst().orElseThrow(
                () -> new AssertionError(task + " not among " + r.waits()));
    }

    @Test
    void fifoHog_throttlingOff_kworkerStarvesToTheEnd_andIsReported() {
        RunResult r = run("full", "rt_throttling: off", VMSTAT_ONLY, FIFO_HOG);
        TaskWait w = wait(r, "kworker/0:1");
        assertTrue(w.kthread());
        assertTrue(w.runnableAtEnd());
        assertTrue(w.longestNs() > 2_000_000_000L, "waited " + w.longestNs());
        assertEquals(3_000_000_000L, w.startNs() + w.longestNs(), "counted up to the end");
        StarvationFinding f = r.starvation().get(0);
        assertEquals("kworker/0:1", f.task());
        assertEquals("warning", f.level());
        assertTrue(f.message().startsWith("kworker/0:1 runnable for 2."), f.message());
        assertTrue(f.message().contains("(still runnable at the end): deferred work stalled"), f.message());
        assertTrue(f.message().contains("hung-task warning after 120 s"), f.message());
    }

    @Test
    void fifoHog_throttlingOn_kworkerRunsInTheThrottleWindow() {
        // the RT budget (950 ms of each 1 s period) runs out while the SCHED_OTHER kworker waits: it runs
        // then, so no wait can exceed 950 ms (the wait starts at the first tick after vmstat is due)
        RunResult r = run("full", "rt_throttling: {runtime: 950ms, period: 1s}", VMSTAT_ONLY, FIFO_HOG);
        TaskWait w = wait(r, "kworker/0:1");
        assertTrue(w.longestNs() > 0 && w.longestNs() <= 950_000_000L + 10_000, "waited " + w.longestNs());
        assertFalse(w.runnableAtEnd());
        assertTrue(r.starvation().isEmpty(), r.starvation().toString());
    }

    @Test
    void rt_rcucIsFifo1_starvesBehindAHigherFifoTask_butNotBehindAFairOne() {
        RunResult starved = run("rt", "rt_throttling: off", RCU_ONLY, FIFO_HOG);
        TaskWait rcuc = wait(starved, "rcuc/0");
        assertEquals("fifo", rcuc.policy());
        assertEquals(1, rcuc.priority());
        assertTrue(rcuc.runnableAtEnd() && rcuc.longestNs() > 2_900_000_000L, rcuc.toString());
        StarvationFinding f = starved.starvation().get(0);
        assertTrue(f.message().contains("rcuc/0 runnable for 3 s (still runnable at the end): RCU callbacks not"
                + " invoked (memory not freed); would reach the RCU CPU stall warning after 21 s"), f.message());
        // RT throttling does not help it: rcuc is in the RT class itself
        TaskWait throttled = wait(run("rt", "", RCU_ONLY, FIFO_HOG), "rcuc/0");
        assertTrue(throttled.runnableAtEnd() && throttled.longestNs() > 2_900_000_000L, throttled.toString());
        // behind a SCHED_OTHER hog, rcuc preempts at once: its wait is the context switch's time
        RunResult fair = run("rt", "rt_throttling: off", RCU_ONLY,
                "{name: hog, period: 100s, wcet: {fixed: 100s}, priority: 0, policy: other, cpu: 0}");
        assertTrue(wait(fair, "rcuc/0").longestNs() < 100_000, wait(fair, "rcuc/0").toString());
        assertTrue(fair.starvation().isEmpty());
    }

    @Test
    void runnableWaits_areListedForAllTasks_longestFirst() {
        RunResult r = run("full", "rt_throttling: off", VMSTAT_ONLY, FIFO_HOG);
        assertEquals("kworker/0:1", r.waits().get(0).task());
        assertTrue(r.waits().stream().anyMatch(w -> w.task().equals("hog") && !w.kthread()));
    }
}
