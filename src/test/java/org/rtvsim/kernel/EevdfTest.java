package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.Model;
import org.rtvsim.experiment.ModelBuilder;
import org.rtvsim.measure.TraceSink;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.SchedPolicy;
import org.rtvsim.scenario.SegmentKind;

/**
 * EEVDF for the fair class (docs/model-reference.md §8) on one CPU with {@code overheads: none} (no
 * switch cost, no tick): shares by weight, bounded lag, wake-up preemption by eligibility and deadline,
 * SCHED_IDLE and SCHED_BATCH, against hand-derived timelines. Base slice 3 ms, hz 250.
 */
class EevdfTest {
    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;

    /** A one-CPU kernel with no workload of its own; tasks are added by the test. */
    private static Model model(String preempt) {
        String yaml = """
                name: eevdf
                duration: 1s
                warmup: 0ns
                hardware: {cpus: 1, cstates: {max_cstate: C0}}
                host:
                  # timer_slack 0: the sleepers wake on time (timer slack is TimerSlackTest's)
                  kernel: {preempt: %s, hz: 250, overheads: none, rt_throttling: off, fair_slice: 3ms,
                            timer_slack: 0ns}
                  workload: # a measuring workload that never runs within the tests
                    - periodic: {tasks: [{name: late, period: 1000s, wcet: {fixed: 1us}, priority: 1, offset: 900s}]}
                measure: {attribution: false}
                """.formatted(preempt);
        Model m = ModelBuilder.build(ScenarioLoader.loadString(yaml, "eevdf.yaml", List.of()), 0);
        m.start();
        return m;
    }

    /** Runs user work in chunks of {@code chunkNs} forever; {@code onChunk} sees each chunk boundary. */
    private static Task hog(Kernel k, String name, SchedPolicy policy, int nice, long chunkNs, Runnable onChunk) {
        int blame = k.blames().id(name);
        Task t = k.createTask(name, policy, 0, 0, task -> {
            if (onChunk != null) {
                onChunk.run();
            }
            task.run(chunkNs, SegmentKind.USER, blame);
        });
        t.setNice(nice);
        return t;
    }

    /**
     * Wakes at {@code firstNs}, then runs {@code runNs} and sleeps until {@code periodNs} after its last
     * wake-up, for ever; {@code starts} gets the time it got the CPU after each wake-up.
     */
    private static Task sleeper(Model m, String name, long firstNs, long runNs, long periodNs, List<Long> starts) {
        Kernel k = m.host();
        int blame = k.blames().id(name);
        long[] wake = {firstNs};
        boolean[] fresh = {true};
        Task t = k.createTask(name, SchedPolicy.OTHER, 0, 0, task -> {
            if (fresh[0]) {
                fresh[0] = false;
                starts.add(task.now());
                task.run(runNs, SegmentKind.USER, blame);
            } else {
                fresh[0] = true;
                wake[0] += periodNs;
                if (!task.sleepUntil(wake[0], blame)) {
                    throw new AssertionError(name + " overran its period: " + starts);
                }
            }
        });
        at(m, firstNs, () -> k.wakeLocal(t));
        return t;
    }

    private static void at(Model m, long ns, Runnable r) {
        new org.rtvsim.engine.SimEvent(m.sim(), org.rtvsim.engine.Phase.RELEASE) {
            @Override
            protected void fire() {
                r.run();
            }
        }.scheduleAt(ns);
    }

    /** Records which task starts running when (consecutive repeats collapsed). */
    private static final class Runs implements TraceSink {
        final List<String> runs = new ArrayList<>();
        private String last;

        @Override
        public void occupy(long tNs, int cpu, Slice kind, String label, String task) {
        }

        @Override
        public void instant(long tNs, int cpu, Instant kind, String task, String detail) {
        }

        @Override
        public void taskState(long tNs, int cpu, String task, TaskState state, String detail) {
            if (state == TaskState.RUNNING && !task.equals(last)) {
                last = task;
                runs.add(task + "@" + (tNs / (100 * US)) / 10.0);
            }
        }

        @Override
        public boolean wants(long tNs) {
            return true;
        }
    }

    @Test
    void threeHogs_niceMinus5_0_5_shareTheCpuAsTheirWeights() {
        Model m = model("full");
        Kernel k = m.host();
        Task[] t = {hog(k, "n-5", SchedPolicy.OTHER, -5, 10 * MS, null),
            hog(k, "n0", SchedPolicy.OTHER, 0, 10 * MS, null), hog(k, "n5", SchedPolicy.OTHER, 5, 10 * MS, null)};
        for (Task x : t) {
            k.wakeLocal(x);
        }
        m.sim().runUntil(10_000 * MS);
        double total = 3121 + 1024 + 335;
        long[] w = {3121, 1024, 335};
        long sum = 0;
        for (int i = 0; i < 3; i++) {
            sum += t[i].fairRunNs();
        }
        assertEquals(10_000 * MS, sum, "the CPU never idles");
        for (int i = 0; i < 3; i++) {
            double expected = 10_000 * MS * w[i] / total;
            assertEquals(expected, t[i].fairRunNs(), 0.02 * expected, t[i].name() + " share");
        }
    }

    @Test
    void alwaysRunnableTasks_lagStaysWithinTheSlice() {
        Model m = model("full");
        Kernel k = m.host();
        List<Task> tasks = new ArrayList<>();
        long[] worst = {0};
        Runnable probe = () -> {
            for (Task x : tasks) { // service lag: wᵢ·(V − vᵢ) in ns of CPU time
                long lag = x.fairLag() * x.weight / FairRunQueue.NICE_0_WEIGHT;
                worst[0] = Math.max(worst[0], Math.abs(lag));
            }
        };
        int[] nices = {-5, 0, 5, 10};
        for (int n : nices) {
            tasks.add(hog(k, "n" + n, SchedPolicy.OTHER, n, 250 * US, probe));
        }
        tasks.forEach(k::wakeLocal);
        m.sim().runUntil(2_000 * MS);
        long bound = Math.max(3 * MS, k.tickNs()); // max(slice, tick)
        assertTrue(worst[0] > 0 && worst[0] <= bound, "worst |lag| " + worst[0] + " ns, bound " + bound);
    }

    /**
     * Two equal hogs, 3 ms slices, both woken at 0 (A first). A is placed at V = 0 with deadline 3 ms; B
     * at V = 0 too, deadline 3 ms: A keeps the CPU (its slice is protected, and it wins the tie). At 3 ms A's
     * vruntime reaches its deadline (new one 6 ms): V = 1.5 ms, B is eligible with the earlier deadline and
     * runs to 6 ms; then V = 3 ms, A (3 ms, deadline 6) ties with B's new deadline 6 and, queued first, wins.
     */
    @Test
    void twoEqualHogs_alternateInThreeMillisecondSlices() {
        Model m = model("full");
        Kernel k = m.host();
        Runs runs = new Runs();
        k.setTrace(runs);
        Task a = hog(k, "A", SchedPolicy.OTHER, 0, 1000 * MS, null);
        Task b = hog(k, "B", SchedPolicy.OTHER, 0, 1000 * MS, null);
        k.wakeLocal(a);
        k.wakeLocal(b);
        m.sim().runUntil(16 * MS);
        assertEquals(List.of("A@0.0", "B@3.0", "A@6.0", "B@9.0", "A@12.0", "B@15.0"), runs.runs);
        assertEquals(9 * MS, a.fairRunNs());
        assertEquals(7 * MS, b.fairRunNs());
    }

    /**
     * Hog H from 0 (deadline 3 ms). S wakes at 1 ms with no lag: v = V = 1 ms, deadline 4 ms; H is eligible
     * and within its protected slice, so S waits for H's deadline at 3 ms (V = 2 ms, S eligible, 4 < 6).
     * S runs 0.5 ms and sleeps at 3.5 ms with lag V − v = 2.25 − 1.5 = 0.75 ms. At 5 ms H alone is at
     * v = 4.5 ms = V; S is placed at 4.5 − 0.75·2 = 3 ms, so V = 3.75 ms: H is no longer eligible, S is, and
     * S preempts at once.
     */
    @Test
    void shortSleeperWithPositiveLag_preemptsTheHog_atOnce() {
        Model m = model("full");
        Kernel k = m.host();
        Task h = hog(k, "H", SchedPolicy.OTHER, 0, 1000 * MS, null);
        k.wakeLocal(h);
        List<Long> starts = new ArrayList<>();
        sleeper(m, "S", 1 * MS, 500 * US, 4 * MS, starts);
        m.sim().runUntil(8 * MS);
        assertEquals(List.of(3 * MS, 5 * MS), starts);
    }

    /**
     * X wakes at 1 ms (no lag: v = 1, deadline 4), waits for H's deadline at 3 ms, then runs 2.5 ms: at
     * 5.5 ms v_X = 3.5, v_H = 3, V = 3.25, lag −0.25 ms (it had more than its share). It sleeps until 6 ms,
     * when H (running since 5.5 ms, protected to its deadline 6) is at v = 3.5 = V: X is placed at
     * 3.5 + 0.25·2 = 4 ms, not eligible, and does not preempt. At 8.5 ms H reaches its deadline: V = 5,
     * X (deadline 7) runs.
     */
    @Test
    void wakerThatUsedMoreThanItsShare_doesNotPreempt() {
        Model m = model("full");
        Kernel k = m.host();
        Task h = hog(k, "H", SchedPolicy.OTHER, 0, 1000 * MS, null);
        k.wakeLocal(h);
        List<Long> starts = new ArrayList<>();
        sleeper(m, "X", 1 * MS, 2500 * US, 5 * MS, starts);
        m.sim().runUntil(9 * MS);
        assertEquals(List.of(3 * MS, 8500 * US), starts);
    }

    /**
     * A SCHED_IDLE hog (weight 3) running alone is preempted at once when a nice-0 hog wakes at 0.5 ms;
     * over 20 s it then gets its weight's share, 3/1027 of the CPU (EEVDF still serves it: each time it is
     * picked it runs one 3 ms slice).
     */
    @Test
    void schedIdle_yieldsToNiceZero_andGetsItsWeightsShare() {
        Model m = model("full");
        Kernel k = m.host();
        Runs runs = new Runs();
        k.setTrace(runs);
        Task idle = hog(k, "idle", SchedPolicy.IDLE, 0, 10 * MS, null);
        Task normal = hog(k, "n0", SchedPolicy.OTHER, 0, 10 * MS, null);
        k.wakeLocal(idle);
        at(m, 500 * US, () -> k.wakeLocal(normal));
        m.sim().runUntil(20_000 * MS);
        assertEquals(List.of("idle@0.0", "n0@0.5"), runs.runs.subList(0, 2));
        double expected = 20_000 * MS * 3.0 / 1027;
        assertEquals(expected, idle.fairRunNs(), 3 * MS + 0.1 * expected, "SCHED_IDLE run time");
    }

    /**
     * A SCHED_IDLE hog running alone is preempted at once by a nice-0 wake-up (at 1 ms: S has no lag). S runs
     * 0.5 ms and sleeps with a small negative lag: V = (3·v_idle + 1024·v_S)/1027 ends 1.46 µs (virtual)
     * below v_S. Placement at its next wake-up scales that by (3 + 1024)/3, so S lands 0.5 ms (virtual)
     * above the idle task and is not eligible: the wake-up takes the idle task's slice protection away, and
     * S runs as soon as the idle task (341 virtual ns per ns) has caught up, 0.5 ms·3/1024 = 1.46 µs later.
     */
    @Test
    void schedIdleRunning_isPreemptedByAFairWakeup_onceTheWakerIsEligible() {
        Model m = model("full");
        Kernel k = m.host();
        Task idle = hog(k, "idle", SchedPolicy.IDLE, 0, 1000 * MS, null);
        k.wakeLocal(idle);
        List<Long> starts = new ArrayList<>();
        sleeper(m, "S", 1 * MS, 500 * US, 1 * MS, starts);
        m.sim().runUntil(10 * MS);
        assertEquals(9, starts.size());
        assertEquals(1 * MS, starts.get(0));
        for (int i = 1; i < starts.size(); i++) {
            long late = starts.get(i) - (i + 1) * MS;
            assertTrue(late >= 1_460 && late <= 1_470, "S late by " + late + " ns at wake-up " + i);
        }
    }

    /** SCHED_BATCH never preempts on wake-up: with positive lag, it still waits for the hog's deadline. */
    @Test
    void schedBatch_doesNotPreemptOnWakeup() {
        Model m = model("full");
        Kernel k = m.host();
        Task h = hog(k, "H", SchedPolicy.OTHER, 0, 1000 * MS, null);
        k.wakeLocal(h);
        int blame = k.blames().id("B");
        List<Long> starts = new ArrayList<>();
        long[] wake = {1 * MS};
        boolean[] fresh = {true};
        Task b = k.createTask("B", SchedPolicy.BATCH, 0, 0, task -> {
            if (fresh[0]) {
                fresh[0] = false;
                starts.add(task.now());
                task.run(500 * US, SegmentKind.USER, blame);
            } else {
                fresh[0] = true;
                wake[0] += 4 * MS;
                task.sleepUntil(wake[0], blame);
            }
        });
        at(m, 1 * MS, () -> k.wakeLocal(b));
        m.sim().runUntil(8 * MS);
        // as in the SCHED_OTHER case up to 5 ms, where B (eligible, earlier deadline) waits for H's deadline:
        // H resumed at 3.5 ms with v = 3 and deadline 6 ms, so it runs to 6.5 ms
        assertEquals(List.of(3 * MS, 6500 * US), starts);
    }

    /**
     * PREEMPT_SHORT: S asks for a 0.5 ms slice (sched_runtime). It wakes at 1 ms with no lag: v = V = 1 ms,
     * deadline 1.5 ms. H (deadline 3 ms) is within its protected slice, but a waker with a shorter slice is
     * judged without that protection: both are eligible and S's deadline is earlier, so it runs at once.
     * With the base slice (deadline 4 ms) it would wait for H's deadline at 3 ms.
     */
    @Test
    void shorterSliceWaker_overridesTheProtectedSlice() {
        Model m = model("full");
        Kernel k = m.host();
        Task h = hog(k, "H", SchedPolicy.OTHER, 0, 1000 * MS, null);
        k.wakeLocal(h);
        List<Long> starts = new ArrayList<>();
        Task s = sleeper(m, "S", 1 * MS, 200 * US, 10 * MS, starts);
        s.setSlice(500 * US);
        m.sim().runUntil(2 * MS);
        assertEquals(List.of(1 * MS), starts);
    }
}
