package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.experiment.Model;
import org.rtvsim.experiment.ModelBuilder;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.SchedPolicy;
import org.rtvsim.scenario.SegmentKind;

/**
 * Wake-up placement, newidle balance and RT push/pull (docs/model-reference.md §8, "Placement and load
 * balancing") on hand-built 4-CPU cases with {@code overheads: none} (no costs, no tick), so every move is
 * visible at an exact time.
 */
class PlacementTest {
    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final CpuSet ALL = CpuSet.parse("0-3");

    static Model model(String overheads, int hz) {
        String yaml = """
                name: placement
                duration: 1s
                warmup: 0ns
                hardware: {cpus: 4, cstates: {max_cstate: C0}}
                host:
                  kernel: {preempt: full, hz: %d, overheads: %s, rt_throttling: off, fair_slice: 3ms,
                           timer_slack: 0ns}
                  workload:
                    - periodic: {tasks: [{name: late, period: 1000s, wcet: {fixed: 1us}, priority: 1, offset: 900s}]}
                measure: {attribution: false}
                """.formatted(hz, overheads);
        Model m = ModelBuilder.build(ScenarioLoader.loadString(yaml, "placement.yaml", List.of()), 0);
        m.start();
        return m;
    }

    /** Runs user work in chunks for ever. */
    static Task hog(Kernel k, String name, SchedPolicy policy, int prio, int cpu, CpuSet mask) {
        int blame = k.blames().id(name);
        return k.createTask(name, policy, prio, cpu, mask, t -> t.run(10 * MS, SegmentKind.USER, blame));
    }

    /** Runs {@code runNs} once each time it is woken, recording (cpu, start time), then blocks. */
    static Task oneShot(Kernel k, String name, SchedPolicy policy, int prio, int cpu, CpuSet mask, long runNs,
                        List<long[]> starts) {
        int blame = k.blames().id(name);
        boolean[] fresh = {true};
        return k.createTask(name, policy, prio, cpu, mask, t -> {
            if (fresh[0]) {
                fresh[0] = false;
                starts.add(new long[] {t.cpu().id(), t.now()});
                t.run(runNs, SegmentKind.USER, blame);
            } else {
                fresh[0] = true;
                t.block();
            }
        });
    }

    static void at(Model m, long ns, Runnable r) {
        new org.rtvsim.engine.SimEvent(m.sim(), org.rtvsim.engine.Phase.RELEASE) {
            @Override
            protected void fire() {
                r.run();
            }
        }.scheduleAt(ns);
    }

    /** A pinned task of one CPU never reaches the placement code: the kernel makes none. */
    @Test
    void pinnedTasksOnly_makeNoPlacement() {
        Model m = model("none", 250);
        Kernel k = m.host();
        hog(k, "p", SchedPolicy.OTHER, 0, 1, CpuSet.of(1));
        assertSame(null, k.placement);
    }

    /**
     * select_idle_sibling: W (mask 0-3, last on cpu0) wakes at 1 ms while a pinned hog holds cpu0: cpu0 is not
     * idle, the previous CPU is the target, no recent CPU yet, so the scan from target + 1 takes cpu1.
     */
    @Test
    void wokenOnABusyCpu_runsAtOnceOnTheFirstIdleCpuAfterIt() {
        Model m = model("none", 250);
        Kernel k = m.host();
        k.wakeLocal(hog(k, "h0", SchedPolicy.OTHER, 0, 0, null));
        List<long[]> starts = new ArrayList<>();
        Task w = oneShot(k, "w", SchedPolicy.OTHER, 0, 0, ALL, 100 * US, starts);
        at(m, MS, () -> k.wakeLocal(w));
        m.sim().runUntil(2 * MS);
        assertEquals(1, starts.size());
        assertEquals(1, starts.get(0)[0], "cpu");
        assertEquals(MS, starts.get(0)[1], "no wait");
        assertEquals(1, w.migrations());
    }

    /**
     * recent_used_cpu: W runs first on cpu1 (from cpu0, so recent_used_cpu = 0). Woken again at 3 ms with cpu1
     * busy and cpu0 idle again, it takes cpu0, its recently used CPU, before the scan from cpu2 would.
     */
    @Test
    void idleSibling_prefersTheRecentlyUsedCpu_beforeTheScan() {
        Model m = model("none", 250);
        Kernel k = m.host();
        k.wakeLocal(oneShot(k, "h0", SchedPolicy.OTHER, 0, 0, null, 2500 * US, new ArrayList<>()));
        List<long[]> starts = new ArrayList<>();
        Task w = oneShot(k, "w", SchedPolicy.OTHER, 0, 0, ALL, 100 * US, starts);
        at(m, MS, () -> k.wakeLocal(w));
        Task h1 = oneShot(k, "h1", SchedPolicy.OTHER, 0, 1, null, 10 * MS, new ArrayList<>());
        at(m, 2 * MS, () -> k.wakeLocal(h1));
        at(m, 3 * MS, () -> k.wakeLocal(w));
        m.sim().runUntil(4 * MS);
        assertEquals(2, starts.size());
        assertEquals(1, starts.get(0)[0], "first on cpu1");
        assertEquals(0, starts.get(1)[0], "then its recent CPU");
        assertEquals(3 * MS, starts.get(1)[1]);
    }

    /**
     * wake_affine_idle: W last ran on busy cpu0; woken from idle cpu2 it goes to cpu2 (this CPU idles, prev does
     * not); woken from busy cpu3 with cpu0 idle by then it stays on its previous CPU.
     */
    @Test
    void wakeAffine_takesTheIdleWakerCpu_orTheIdlePreviousOne() {
        Model m = model("none", 250);
        Kernel k = m.host();
        Task h0 = oneShot(k, "h0", SchedPolicy.OTHER, 0, 0, null, 2 * MS, new ArrayList<>());
        k.wakeLocal(h0); // cpu0 busy 0..2 ms
        k.wakeLocal(hog(k, "h3", SchedPolicy.OTHER, 0, 3, null));
        k.wakeLocal(hog(k, "h1", SchedPolicy.OTHER, 0, 1, null));
        List<long[]> starts = new ArrayList<>();
        Task w = oneShot(k, "w", SchedPolicy.OTHER, 0, 0, ALL, 100 * US, starts);
        at(m, MS, () -> k.wakeRemote(w, k.cpu(2)));
        m.sim().runUntil(4 * MS);
        assertEquals(2, starts.get(0)[0]);
        // now prev = cpu2; cpu0 idle since 2 ms; waker cpu3 busy: WA_IDLE gives prev (cpu2, idle)
        Cpu chosen = k.placement.wakeAffine(w, k.cpu(3), k.cpu(2));
        assertSame(k.cpu(2), chosen);
    }

    /**
     * wake_affine_weight with WA_BIAS (imbalance_pct 117): this CPU with one nice-0 task, prev with two:
     * (1024 + 1024)·100 = 204800 < 2048·108 = 221184, so this CPU; prev with one: 204800 ≥ 110592, prev.
     */
    @Test
    void wakeAffineWeight_comparesLoadsWithTheBias() {
        Model m = model("none", 250);
        Kernel k = m.host();
        for (int c = 0; c < 4; c++) {
            k.wakeLocal(hog(k, "h" + c, SchedPolicy.OTHER, 0, c, null));
        }
        k.wakeLocal(hog(k, "extra0", SchedPolicy.OTHER, 0, 0, null));
        Task w = oneShot(k, "w", SchedPolicy.OTHER, 0, 0, ALL, 100 * US, new ArrayList<>());
        m.sim().runUntil(MS);
        assertSame(k.cpu(1), k.placement.wakeAffine(w, k.cpu(1), k.cpu(0)), "two tasks on prev: this CPU");
        assertSame(k.cpu(2), k.placement.wakeAffine(w, k.cpu(1), k.cpu(2)), "one task on prev: prev");
    }

    /**
     * newidle balance: Q (mask 0-1, never ran: not cache-hot) wakes at 0.5 ms with cpu0 held by a protected hog
     * and cpu1 by S; it waits on cpu0. When S blocks at 1 ms, cpu1 pulls Q and runs it at once.
     */
    @Test
    void cpuGoingIdle_pullsAQueuedTask() {
        Model m = model("none", 250);
        Kernel k = m.host();
        k.wakeLocal(hog(k, "h0", SchedPolicy.OTHER, 0, 0, null));
        Task s = oneShot(k, "s", SchedPolicy.OTHER, 0, 1, null, MS, new ArrayList<>());
        k.wakeLocal(s);
        List<long[]> starts = new ArrayList<>();
        Task q = oneShot(k, "q", SchedPolicy.OTHER, 0, 0, CpuSet.parse("0-1"), 100 * US, starts);
        at(m, 500 * US, () -> k.wakeLocal(q));
        m.sim().runUntil(2 * MS);
        assertEquals(1, starts.size());
        assertEquals(1, starts.get(0)[0], "pulled to cpu1");
        assertEquals(MS, starts.get(0)[1], "when s blocked");
    }

    /** task_hot: ran less than sysctl_sched_migration_cost (0.5 ms) ago; a task that never ran is not hot. */
    @Test
    void cacheHot_isARunWithinTheMigrationCost() {
        Model m = model("none", 250);
        Task t = hog(m.host(), "t", SchedPolicy.OTHER, 0, 0, ALL);
        assertFalse(LoadBalancer.hot(t, 10 * MS));
        t.lastRanNs = 10 * MS - 499_999;
        assertTrue(LoadBalancer.hot(t, 10 * MS));
        t.lastRanNs = 10 * MS - 500_000;
        assertFalse(LoadBalancer.hot(t, 10 * MS));
    }

    /**
     * select_task_rq_rt: R (FIFO 30, mask 0-3) wakes on cpu0 running FIFO 50; cpupri levels are 50, 10, 0 (a
     * fair hog) and 20, so R goes to cpu2 and preempts the fair hog at once.
     */
    @Test
    void rtWakeup_goesToTheLowestPriorityCpu() {
        Model m = model("none", 250);
        Kernel k = m.host();
        k.wakeLocal(hog(k, "f50", SchedPolicy.FIFO, 50, 0, null));
        k.wakeLocal(hog(k, "f10", SchedPolicy.FIFO, 10, 1, null));
        k.wakeLocal(hog(k, "fair", SchedPolicy.OTHER, 0, 2, null));
        k.wakeLocal(hog(k, "f20", SchedPolicy.FIFO, 20, 3, null));
        List<long[]> starts = new ArrayList<>();
        Task r = oneShot(k, "r", SchedPolicy.FIFO, 30, 0, ALL, 100 * US, starts);
        at(m, MS, () -> k.wakeLocal(r));
        m.sim().runUntil(2 * MS);
        assertEquals(2, starts.get(0)[0]);
        assertEquals(MS, starts.get(0)[1]);
    }

    /**
     * push_rt_task: R (FIFO 30, mask 0-1) runs on cpu0; a pinned FIFO 60 task wakes there at 1 ms and preempts
     * it; R is pushed to cpu1, whose FIFO 10 hog is lower, and runs there at once.
     */
    @Test
    void preemptedRtTask_isPushedToALowerPriorityCpu() {
        Model m = model("none", 250);
        Kernel k = m.host();
        k.wakeLocal(hog(k, "f10", SchedPolicy.FIFO, 10, 1, null));
        List<long[]> starts = new ArrayList<>();
        Task r = hog(k, "r", SchedPolicy.FIFO, 30, 0, CpuSet.parse("0-1"));
        k.wakeLocal(r);
        Task hi = oneShot(k, "hi", SchedPolicy.FIFO, 60, 0, null, 5 * MS, starts);
        at(m, MS, () -> k.wakeLocal(hi));
        long[] seen = new long[2];
        at(m, MS + 1, () -> {
            seen[0] = r.cpu().id();
            seen[1] = k.cpu(1).current() == r ? 1 : 0;
        });
        m.sim().runUntil(2 * MS);
        assertEquals(1, seen[0], "pushed to cpu1");
        assertEquals(1, seen[1], "running there");
    }

    /**
     * pull_rt_task: R (FIFO 30, mask 0-1) wakes at 0.5 ms on cpu0 (FIFO 60 hog) while cpu1 runs FIFO 40: no CPU
     * is lower, it waits on cpu0. At 1 ms the FIFO 40 task blocks: cpu1 lowers its priority and pulls R.
     */
    @Test
    void cpuLoweringItsPriority_pullsAWaitingRtTask() {
        Model m = model("none", 250);
        Kernel k = m.host();
        k.wakeLocal(hog(k, "f60", SchedPolicy.FIFO, 60, 0, null));
        k.wakeLocal(oneShot(k, "f40", SchedPolicy.FIFO, 40, 1, null, MS, new ArrayList<>()));
        List<long[]> starts = new ArrayList<>();
        Task r = oneShot(k, "r", SchedPolicy.FIFO, 30, 0, CpuSet.parse("0-1"), 100 * US, starts);
        at(m, 500 * US, () -> k.wakeLocal(r));
        m.sim().runUntil(2 * MS);
        assertEquals(1, starts.size());
        assertEquals(1, starts.get(0)[0]);
        assertEquals(MS, starts.get(0)[1]);
    }
}
