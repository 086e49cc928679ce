package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.TaskResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * SCHED_DEADLINE on one CPU without overheads: EDF among deadline tasks (dl_entity_preempt, equal deadlines
 * in arrival order), the constant bandwidth server's throttling and replenishment, and the teaching scenarios
 * of scenarios/teaching. Schedules are derived by hand in each test's comment (times in ms).
 */
class DeadlineSchedulingTest {

    private static RunResult run(String tasks, String duration, org.rtvsim.measure.TraceSink trace) {
        String yaml = """
                name: dl
                duration: %s
                warmup: 0ns
                hardware: {cpus: 1}
                host:
                  kernel: {preempt: rt, overheads: none, housekeeping: off, rt_throttling: off}
                  workload:
                    - periodic:
                        %s
                        tasks:
                %s
                """.formatted(duration, mutexes, tasks);
        return SingleRun.run(ScenarioLoader.loadString(yaml, "dl.yaml", List.of()), 0, null, trace);
    }

    private static String mutexes = "mutexes: {}";

    private static Map<String, TaskResult> byName(RunResult r) {
        Map<String, TaskResult> m = new HashMap<>();
        for (TaskResult t : r.tasks()) {
            m.put(t.task(), t);
        }
        return m;
    }

    /**
     * "task@ms" at every change of the running task (nothing costs time here, so the changes are exact); a task
     * that holds the CPU for no time (picked, then preempted by a wake-up at the same instant) is left out.
     */
    private static String schedule(String tasks, long toNs) {
        org.rtvsim.measure.TraceRecorder rec = new org.rtvsim.measure.TraceRecorder(0, toNs);
        run(tasks, "1s", rec);
        List<String> names = new java.util.ArrayList<>();
        List<Long> times = new java.util.ArrayList<>();
        for (org.rtvsim.measure.Trace.Event e : rec.trace().events()) {
            if (e instanceof org.rtvsim.measure.Trace.Occupy o && o.tNs() < toNs) {
                if (!times.isEmpty() && times.get(times.size() - 1) == o.tNs()) { // the earlier one held it 0 ns
                    names.remove(names.size() - 1);
                    times.remove(times.size() - 1);
                }
                names.add(o.kind() == org.rtvsim.measure.TraceSink.Slice.TASK ? o.task() : "-");
                times.add(o.tNs());
            }
        }
        StringBuilder sb = new StringBuilder();
        String last = null;
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equals("-") && !names.get(i).equals(last)) {
                sb.append(sb.length() == 0 ? "" : " ").append(names.get(i)).append('@').append(
                        new java.math.BigDecimal(times.get(i)).movePointLeft(6).stripTrailingZeros().toPlainString());
            }
            last = names.get(i);
        }
        return sb.toString();
    }

    private static final String ABC = """
                      - {name: A, policy: deadline, runtime: 1ms, period: 4ms, wcet: {fixed: 1ms}, cpu: 0}
                      - {name: B, policy: deadline, runtime: 2ms, period: 5ms, wcet: {fixed: 2ms}, cpu: 0}
                      - {name: C, policy: deadline, runtime: 2ms, period: 10ms, wcet: {fixed: 2ms}, cpu: 0}
            """;

    @Test
    void edf_goldenTimeline_ofThreeTasks() {
        // A 1/4, B 2/5, C 2/10 (U = 0.85), all released at 0; absolute deadline = release + period.
        // 0 A(d4) B(d5) C(d10): A 0-1, B 1-3, C 3-4 (1 of 2 done); 4 A(d8) preempts C(d10): A 4-5;
        // 5 B(d10) ties with C(d10): C came first (rb-tree: an equal key goes right), C 5-6, B 6-8;
        // 8 A(d12) 8-9; idle 9-10; 10 B(d15) C(d20): B 10-12; 12 A(d16) 12-13; C 13-15;
        // 15 B(d20) 15-17; 16 A(d20) ties with the running B: no preemption; A 17-18; idle 18-20.
        assertEquals("A@0 B@1 C@3 A@4 C@5 B@6 A@8 B@10 A@12 C@13 B@15 A@17", schedule(ABC, 20_000_000L));
    }

    @Test
    void edfVsRm_teachingScenario_edfMeetsEveryDeadline_rmMissesOnePerHyperperiod() {
        RunResult r = SingleRun.run(ScenarioLoader.load(Path.of("scenarios/teaching/edf-vs-rm.yaml"), List.of()), 0);
        Map<String, TaskResult> t = byName(r);
        assertEquals(0, t.get("fast-dl").deadlineMisses());
        assertEquals(0, t.get("slow-dl").deadlineMisses());
        assertEquals(0, t.get("fast-rm").deadlineMisses());
        // RM: slow-rm's job at 0 runs 2-5 and 7-7.5 (fast-rm 5-7): done at 7.5 > 7; once per 35 ms hyperperiod
        assertEquals(10, t.get("slow-rm").deadlineMisses());
        assertEquals(7_500_000L, t.get("slow-rm").maxNs());
        // EDF: slow-dl (d7) keeps the CPU at 5 over fast-dl (d10): 2-5.5, so its first response is 5.5 ms
        assertEquals(5_500_000L, t.get("slow-dl").maxNs());
        assertEquals(0.4, t.get("fast-dl").cpuShare(), 1e-9);
        assertEquals(0.5, t.get("slow-dl").cpuShare(), 1e-9);
    }

    @Test
    void cbs_overrunningTask_getsExactlyRuntimeOverPeriod_andOthersKeepTheirs() {
        // greedy: 2 ms every 10 ms but jobs of 5 ms; throttled after 2 ms of each period, whatever runs below
        RunResult r = SingleRun.run(ScenarioLoader.load(Path.of("scenarios/teaching/deadline-overrun.yaml"),
                List.of()), 0);
        Map<String, TaskResult> t = byName(r);
        assertEquals(0.2, t.get("greedy").cpuShare(), 1e-9);
        assertEquals(0.3, t.get("steady").cpuShare(), 1e-9);
        assertEquals(0.5, t.get("fifo-hog").cpuShare(), 1e-9);
        assertEquals(0, t.get("steady").deadlineMisses());
        // steady (d10 at 0) waits for greedy (d10, first in) 0-2, runs 2-5: 5 ms each period
        assertEquals(5_000_000L, t.get("steady").maxNs());
        // greedy's first job: 2 ms in each of [0,10), [10,20), 1 ms in [20,30): done at 21 ms
        assertEquals(21_000_000L, t.get("greedy").minNs());
    }

    @Test
    void cbs_throttledTask_isReplenishedAtItsNextPeriod_timeline() {
        // G 1/5 needing 3 ms per 20 ms job, F (fifo) always runnable: G 0-1, F 1-5, G 5-6, F 6-10, G 10-11, F...
        String tasks = """
                      - {name: G, policy: deadline, runtime: 1ms, period: 5ms, wcet: {fixed: 3ms}, cpu: 0}
                      - {name: F, policy: fifo, priority: 90, period: 10s, wcet: {fixed: 10s}, cpu: 0}
            """;
        assertEquals("G@0 F@1 G@5 F@6 G@10 F@11", schedule(tasks, 14_000_000L));
    }

    @Test
    void cbs_wakeUpRule_updateDlEntity_closedForms() {
        DlEntity e = new DlEntity(null, 2_000, 10_000, 10_000); // 2/10 us, implicit deadline
        e.wakeUp(0); // first activation: deadline = now + D, full runtime
        assertEquals(10_000, e.deadlineNs);
        assertEquals(2_000, e.runtimeNs);
        e.runtimeNs = 1_000; // ran 1 us, slept
        e.wakeUp(5_000); // 1/(10 − 5) = 0.2 ≤ 2/10: no overflow, the deadline and runtime are kept
        assertEquals(10_000, e.deadlineNs);
        assertEquals(1_000, e.runtimeNs);
        e.wakeUp(6_000); // 1/(10 − 6) = 0.25 > 0.2: overflow, a new period from now
        assertEquals(16_000, e.deadlineNs);
        assertEquals(2_000, e.runtimeNs);
        e.wakeUp(17_000); // deadline passed: a new period
        assertEquals(27_000, e.deadlineNs);

        DlEntity c = new DlEntity(null, 2_000, 5_000, 10_000); // constrained: D < P
        c.wakeUp(0);
        c.runtimeNs = 1_500;
        c.wakeUp(3_000); // 1.5/2 > 2/5 with the deadline ahead: update_dl_revised_wakeup, runtime = 2/5 × 2 us
        assertEquals(5_000, c.deadlineNs);
        assertEquals(800, c.runtimeNs);
    }

    @Test
    void cbs_replenishDlEntity_closedForms() {
        DlEntity e = new DlEntity(null, 2_000, 10_000, 10_000);
        e.wakeUp(0);
        e.runtimeNs = -3_000; // overran by 3 us before being throttled (interrupts off, say)
        assertEquals(10_000, e.nextPeriodNs());
        e.replenish(10_000); // deadline += P and runtime += R until runtime > 0: twice
        assertEquals(30_000, e.deadlineNs);
        assertEquals(1_000, e.runtimeNs);
        e.runtimeNs = 0;
        e.replenish(100_000); // lagging behind (deadline 40 us < now): restart from now
        assertEquals(110_000, e.deadlineNs);
        assertEquals(2_000, e.runtimeNs);
    }

    @Test
    void priorityInheritance_fromADeadlineWaiter_boostsTheHolderAboveRt() {
        // L (fifo 10) holds R 1-3; D (deadline) released at 2 blocks on R at once; M (fifo 50) released at 2.2.
        // inherit: L runs boosted above M, releases R at 3; D 3-4; M 4-7; L 7-8.
        // none: L goes on 2-2.2, M preempts it (2.2-5.2), L needs 0.8 ms more of R: releases it at 6, D 6-7,
        // L 7-8: D waits for M.
        String tasks = """
                      - {name: L, policy: fifo, priority: 10, period: 100ms, wcet: {fixed: 4ms}, cpu: 0,
                         locks: [{lock: R, offset: 1ms, length: 2ms}]}
                      - {name: D, policy: deadline, runtime: 2ms, period: 100ms, offset: 2ms, wcet: {fixed: 1ms},
                         cpu: 0, locks: [{lock: R, offset: 0ns, length: 500us}]}
                      - {name: M, policy: fifo, priority: 50, period: 100ms, offset: 2200us, wcet: {fixed: 3ms}, cpu: 0}
            """;
        try {
            mutexes = "mutexes: {R: {protocol: inherit}}";
            assertEquals("L@0 D@3 M@4 L@7", schedule(tasks, 9_000_000L));
            mutexes = "mutexes: {R: {protocol: none}}";
            assertEquals("L@0 M@2.2 L@5.2 D@6 L@7", schedule(tasks, 9_000_000L));
        } finally {
            mutexes = "mutexes: {}";
        }
    }

    @Test
    void niceWeights_teachingScenario_sharesInProportionToTheWeights() {
        RunResult r = SingleRun.run(ScenarioLoader.load(Path.of("scenarios/teaching/nice-weights.yaml"), List.of()), 0);
        Map<String, TaskResult> t = byName(r);
        double total = 3121 + 1024 + 335;
        assertEquals(3121 / total, t.get("nice-5").cpuShare(), 0.02 * 3121 / total);
        assertEquals(1024 / total, t.get("nice0").cpuShare(), 0.02 * 1024 / total);
        assertEquals(335 / total, t.get("nice5").cpuShare(), 0.02 * 335 / total);
    }
}
