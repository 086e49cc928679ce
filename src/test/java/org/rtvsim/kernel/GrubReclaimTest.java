package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.TaskResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * GRUB reclaiming (SCHED_FLAG_RECLAIM, deadline.c grub_reclaim) on one CPU without overheads, against closed forms
 * in the kernel's fixed point: the charge rate is max(u, Umax − Uinact − Uextra) × bw_ratio &gt;&gt; RATIO_SHIFT
 * (BW_SHIFT = 20, RATIO_SHIFT = 8; Umax = to_ratio(1 s, 0.95 s) = 996147, bw_ratio = 1103764 &gt;&gt; 12 = 269), so a
 * task always wanting the CPU runs runtime·2^20/rate per period instead of its runtime.
 */
class GrubReclaimTest {
    private static final long MAX_BW = 996_147L;  // to_ratio(1000000 us, 950000 us)
    private static final long BW_RATIO = 269L;    // to_ratio(950000, 1000000) >> 12

    private static Map<String, TaskResult> run(String tasks) {
        return run(1, "", tasks);
    }

    private static Map<String, TaskResult> run(int cpus, String kernel, String tasks) {
        String yaml = """
                name: grub
                duration: 2s
                warmup: 0ns
                hardware: {cpus: %d}
                host:
                  kernel: {preempt: rt, overheads: none, housekeeping: off%s}
                  workload:
                    - periodic:
                        tasks:
                %s
                """.formatted(cpus, kernel, tasks);
        Map<String, TaskResult> m = new HashMap<>();
        for (TaskResult t : SingleRun.run(ScenarioLoader.loadString(yaml, "grub.yaml", List.of()), 0).tasks()) {
            m.put(t.task(), t);
        }
        return m;
    }

    /** The share of a task always wanting the CPU, charged {@code rate} per ns, with 2 ms of runtime per 10 ms. */
    private static double share(long rate) {
        return (2_000_000.0 * (1 << 20) / rate) / 10_000_000.0;
    }

    @Test
    void aloneOnItsCpu_aGreedyReclaimingTask_runsUpToUmax_insteadOfItsRuntime() {
        String greedy = "          - {name: R, policy: deadline, runtime: 2ms, period: 10ms, wcet: {fixed: 20ms}, cpu: 0%s}\n";
        assertEquals(0.2, run(greedy.formatted("")).get("R").cpuShare(), 1e-9); // plain CBS: runtime/period
        // u = to_ratio(10ms, 2ms) = 209715 is the only active bandwidth: Uinact = 0, Uextra = Umax − u = 786432,
        // so u_act = Umax − Uextra = u and the rate is 209715 × 269 >> 8 = 220364: 9.517 ms of every 10 ms
        long rate = (209_715L * BW_RATIO) >> 8;
        assertEquals(220_364L, rate);
        double got = run(greedy.formatted(", reclaim: true")).get("R").cpuShare();
        assertEquals(share(rate), got, 1e-4);
        assertTrue(Math.abs(got - 0.95) < 0.002, "about Umax = 0.95: " + got);
    }

    @Test
    void besideAnActiveTask_theReclaimerGetsItsShareOfTheActiveBandwidth_notTheIdleRest() {
        // S 3/10 (jobs of exactly its runtime) stays active: blocking with runtime 0, its 0-lag time is its deadline,
        // the next release. this_bw = running_bw = 209715 + 314572, Uextra = 996147 − 524287 = 471860, so
        // u_act = Umax − Uextra = 524287 (grub_reclaim's 6.6+ form: the idle 3.2 ms is not reclaimed)
        Map<String, TaskResult> t = run("""
                          - {name: R, policy: deadline, runtime: 2ms, period: 10ms, wcet: {fixed: 20ms}, cpu: 0, reclaim: true}
                          - {name: S, policy: deadline, runtime: 3ms, period: 10ms, wcet: {fixed: 3ms}, cpu: 0}
                """);
        long uAct = MAX_BW - (MAX_BW - 209_715L - 314_572L);
        long rate = (uAct * BW_RATIO) >> 8;
        assertEquals(550_910L, rate);
        assertEquals(0.3, t.get("S").cpuShare(), 1e-9);
        assertEquals(0, t.get("S").deadlineMisses());
        assertEquals(share(rate), t.get("R").cpuShare(), 1e-4); // 0.3807 = 0.2 × 0.95 / 0.5
    }

    @Test
    void whenTheOtherTaskSleepsPastItsZeroLagTime_theReclaimerTakesItsBandwidthToo() {
        // S 3/10 with jobs of 1 ms, queued first (equal deadlines keep arrival order), runs 0-1 and blocks with 2 ms
        // left: its 0-lag time is 10 − 2·10/3 = 3.333334 ms (integer division as task_non_contending). R runs from 1
        // at the rate of both active (550910) until then, then with S inactive (Uinact = 314572: u_act = u, rate
        // 220364) until its 2 ms are charged; S keeps its jobs and its 10 %
        Map<String, TaskResult> t = run("""
                          - {name: S, policy: deadline, runtime: 3ms, period: 10ms, wcet: {fixed: 1ms}, cpu: 0}
                          - {name: R, policy: deadline, runtime: 2ms, period: 10ms, wcet: {fixed: 20ms}, cpu: 0, reclaim: true}
                """);
        long zeroLag = 10_000_000L - 2_000_000L * 10_000_000L / 3_000_000L;
        long first = zeroLag - 1_000_000L;
        long charged = first * 550_910L >> 20;
        double second = (2_000_000.0 - charged) * (1 << 20) / 220_364L;
        assertEquals(0, t.get("S").deadlineMisses());
        assertEquals(0.1, t.get("S").cpuShare(), 1e-9);
        assertEquals((first + second) / 10_000_000.0, t.get("R").cpuShare(), 1e-3); // 0.60
    }

    @Test
    void aTaskThatMoves_takesItsBandwidthToItsNewCpu() {
        // rt_throttling off (Umax = 1, bw_ratio = 256; no mask rule, no partitions): R (2/10, greedy, reclaiming)
        // pinned to CPU 0, G (3/10, 1 ms jobs from 1 ms) global over 0-1, both starting on CPU 0. G's first wake-up
        // finds R pinned there and goes to the free CPU 1 (select_task_rq_dl), taking its this_bw along. With bandwidth
        // control off there are no partitions: the root domain is 0-1 and __dl_add spreads both bandwidths over it.
        // CPU 0: this_bw = running_bw = 209715, extra_bw = 2^20 − 209715/2 − 314572/2 = 786433, so u_act = 2^20 −
        // 786433 = 262143 and R runs 2 ms·2^20/262143 = 8 ms per 10 ms (200 periods in the 2 s). Had G's bandwidth stayed on CPU 0 (inactive there), R would
        // be charged at u and run the whole period.
        Map<String, TaskResult> t = run(2, ", rt_throttling: off", """
                          - {name: R, policy: deadline, runtime: 2ms, period: 10ms, wcet: {fixed: 20ms}, cpu: 0, reclaim: true}
                          - {name: G, policy: deadline, runtime: 3ms, period: 10ms, wcet: {fixed: 1ms}, cpus: "0-1", offset: 1ms}
                """);
        long extra = (1L << 20) - 209_715L / 2 - 314_572L / 2;
        long rate = (((1L << 20) - extra) * 256) >> 8;
        assertEquals(262_143L, rate);
        // before G first wakes (0-1 ms) its bandwidth counts as inactive on CPU 0: R is charged at u = 209715 there
        long charged = 1_000_000L * 209_715L >> 20;
        double firstPeriod = 1_000_000.0 + (2_000_000.0 - charged) * (1 << 20) / rate;
        double expected = (firstPeriod + 199 * 2_000_000.0 * (1 << 20) / rate) / 2e9;
        assertEquals(expected, t.get("R").cpuShare(), 2e-5);
        assertEquals(0, t.get("G").deadlineMisses());
    }
}
