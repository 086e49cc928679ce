package org.rtvsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rtvsim.kernel.Task;
import org.rtvsim.measure.ResponseTimeRecorder;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.TaskResult;

/**
 * Closed forms, first rung of DESIGN.md §6: with {@code overheads: none}, fixed execution times and a
 * synchronous release (the critical instant), the simulator's maximum response time of every task
 * must equal the exact worst-case response time of response-time analysis,
 * R = C + Σ_{hp} ⌈R / T_j⌉ C_j, to the nanosecond.
 */
class ResponseTimeAnalysisTest {
    private static final long MS = 1_000_000L;

    private static Map<String, TaskResult> maxResponses(TaskSetFile set) {
        RunResult r = SingleRun.run(set.toScenario(), 0);
        Map<String, TaskResult> byName = new LinkedHashMap<>();
        for (TaskResult t : r.tasks()) {
            byName.put(t.task(), t);
        }
        return byName;
    }

    private static void assertExact(TaskSetFile set) {
        Map<String, TaskResult> got = maxResponses(set);
        Map<String, Long> expected = set.expectedWcrtNs();
        assertEquals(expected.keySet(), got.keySet(), "every task has a result");
        Map<String, Long> maxNs = new LinkedHashMap<>();
        Map<String, Long> misses = new LinkedHashMap<>();
        got.forEach((k, v) -> {
            maxNs.put(k, v.maxNs());
            misses.put(k, v.deadlineMisses());
        });
        assertEquals(expected, maxNs, set.name() + ": max response time per task (ns)");
        Map<String, Long> none = new LinkedHashMap<>();
        got.keySet().forEach(k -> none.put(k, 0L));
        assertEquals(none, misses, set.name() + ": deadline misses");
    }

    /**
     * classic3, one CPU, rate-monotonic: T1 = (C 1 ms, T 4 ms), T2 = (2 ms, 6 ms), T3 = (3 ms, 12 ms),
     * U = 0.833. RTA: R1 = 1; R2 = 2 + ⌈3/4⌉·1 = 3; R3: 3+1+2 = 6 → 3+⌈6/4⌉+2⌈6/6⌉ = 3+2+2 = 7 →
     * 3+2+2⌈7/6⌉ = 9 → 3+3+4 = 10 → 3+⌈10/4⌉·1+⌈10/6⌉·2 = 3+3+4 = 10 (fixed point). So 1 / 3 / 10 ms.
     */
    @Test
    void maxResponse_classic3_equalsRtaExactly() {
        TaskSetFile set = TaskSets.read("classic3");
        assertEquals(Map.of("T1", 1 * MS, "T2", 3 * MS, "T3", 10 * MS), set.expectedWcrtNs());
        assertExact(set);
    }

    /**
     * rta7_m2, two CPUs, partitioned (µs). CPU 0, RM order: A (C 1250, T 5000, prio 40), B (1700, 7000, 30),
     * C (2100, 11000, 20), D (1900, 17000, 10). R_A = 1250; R_B = 1700+1250 = 2950;
     * R_C = 2100+1250+1700 = 5050 → +1250 (⌈5050/5000⌉ = 2) = 6300 → fixed; R_D = 1900+2·1250+2·1700+2100 =
     * 9900 → ⌈9900/5000⌉ = 2, ⌈9900/7000⌉ = 2, ⌈9900/11000⌉ = 1 → 9900 fixed.
     * CPU 1, deliberately not RM: F (1100, 6500, prio 35) > E (2300, 9000, 25) > G (4300, 31000, 5).
     * R_F = 1100; R_E = 2300+1100 = 3400; R_G = 4300+2300+1100 = 7700 → ⌈7700/6500⌉ = 2: 8800 →
     * 8800 fixed (⌈8800/9000⌉ = 1). Expected: A 1250, B 2950, C 6300, D 9900, E 3400, F 1100, G 8800 µs.
     */
    @Test
    void maxResponse_rta7m2_equalsRtaExactly() {
        TaskSetFile set = TaskSets.read("rta7_m2");
        assertEquals(Map.of("A", 1_250_000L, "B", 2_950_000L, "C", 6_300_000L, "D", 9_900_000L,
                "E", 3_400_000L, "F", 1_100_000L, "G", 8_800_000L), set.expectedWcrtNs());
        assertExact(set);
    }

    /** The speed sets are also exact (the n100_m1 set maps its lowest priority to SCHED_OTHER). */
    @ParameterizedTest
    @ValueSource(strings = {"bench_n10_m1", "bench_n40_m4", "bench_n100_m1", "bench_n100_m4"})
    void maxResponse_benchmarkSets_equalRtaExactly(String name) {
        assertExact(TaskSets.read(name));
    }

    /**
     * Golden schedule of classic3 over its first hyperperiod (12 ms):
     * <pre>
     * 0–1 T1 | 1–3 T2 | 3–4 T3 | 4–5 T1 | 5–6 T3 | 6–8 T2 | 8–9 T1 | 9–10 T3 (done) | 10–12 idle
     * </pre>
     * First completions: T1 at 1 ms, T2 at 3 ms, T3 at 10 ms.
     */
    @Test
    void schedule_classic3FirstHyperperiod_matchesGoldenTimeline() {
        Model m = ModelBuilder.build(TaskSets.read("classic3").toScenario(), 0);
        m.start();
        long[] midUs = {500, 2000, 3500, 4500, 5500, 7000, 8500, 9500, 11000};
        String[] who = {"T1", "T2", "T3", "T1", "T3", "T2", "T1", "T3", null};
        for (int i = 0; i < midUs.length; i++) {
            m.sim().runUntil(midUs[i] * 1000);
            Task t = m.host().cpu(0).current();
            if (who[i] == null) {
                assertNull(t, "idle at " + midUs[i] + " us");
            } else {
                assertEquals(who[i], t == null ? null : t.name(), "running at " + midUs[i] + " us");
            }
        }
    }

    @Test
    void firstCompletions_classic3_at1And3And10Ms() {
        Model m = ModelBuilder.build(TaskSets.read("classic3").toScenario(), 0);
        m.start();
        List<ResponseTimeRecorder> rec = m.responseRecorders();
        long[][] checks = {
            // time ns, jobs done by T1, T2, T3
            {1 * MS - 1, 0, 0, 0},
            {1 * MS, 1, 0, 0},
            {3 * MS - 1, 1, 0, 0},
            {3 * MS, 1, 1, 0},
            {10 * MS - 1, 3, 2, 0},
            {10 * MS, 3, 2, 1},
        };
        for (long[] c : checks) {
            m.sim().runUntil(c[0]);
            for (int i = 0; i < 3; i++) {
                assertEquals(c[i + 1], rec.get(i).result(List.of()).jobs(), "T" + (i + 1) + " jobs done by " + c[0]
                        + " ns");
            }
        }
        // first jobs were released at 0, so their response times are their completion times
        assertEquals(1 * MS, rec.get(0).result(List.of()).minNs());
        assertEquals(3 * MS, rec.get(1).result(List.of()).maxNs());
        assertEquals(10 * MS, rec.get(2).result(List.of()).maxNs());
    }

    @Test
    void toScenario_benchN100M1_mapsLowestOf100PrioritiesToOther() {
        TaskSetFile set = TaskSets.read("bench_n100_m1");
        var lowest = set.tasks().stream().filter(t -> t.priority() == 1).findFirst().orElseThrow();
        assertEquals("other", lowest.policy());
        assertEquals(0, lowest.mappedPriority());
        var highest = set.tasks().stream().filter(t -> t.priority() == 100).findFirst().orElseThrow();
        assertEquals(99, highest.mappedPriority());
    }
}
