package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.TaskResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * The 6.12+ fair server (a deferred deadline entity per CPU, 50 ms every 1 s by default) against the classic RT
 * throttling of older kernels, on one CPU without overheads: a SCHED_FIFO task that never sleeps and a
 * SCHED_OTHER task that always wants the CPU.
 */
class FairServerTest {

    private static Map<String, TaskResult> run(String kernel, String hogWcet) {
        return run(kernel, hogWcet, "10s");
    }

    private static Map<String, TaskResult> run(String kernel, String hogWcet, String hogPeriod) {
        String yaml = """
                name: fs
                duration: 3s
                warmup: 0ns
                hardware: {cpus: 1}
                host:
                  kernel: {preempt: rt, overheads: none, housekeeping: off %s}
                  workload:
                    - periodic:
                        tasks:
                          - {name: hog, period: %s, wcet: {fixed: %s}, priority: 50, cpu: 0}
                          - {name: fair, policy: other, priority: 0, period: 10s, wcet: {fixed: 10s}, cpu: 0}
                """.formatted(kernel, hogPeriod, hogWcet);
        Map<String, TaskResult> m = new HashMap<>();
        for (TaskResult t : SingleRun.run(ScenarioLoader.loadString(yaml, "fs.yaml", List.of()), 0).tasks()) {
            m.put(t.task(), t);
        }
        return m;
    }

    @Test
    void starvedFairTask_getsRuntimeOverPeriod_atTheEndOfEachPeriod() {
        // server started at 0: deadline 1 s, zero-laxity point 0.95 s; hog 0-0.95, fair 0.95-1 (throttled to 1 s),
        // replenished at 1 s (deadline 2 s): hog 1-1.95, fair 1.95-2, hog 2-2.1: done
        Map<String, TaskResult> r = run(", version: \"6.12\"", "2s");
        assertEquals(2_100_000_000L, r.get("hog").maxNs());
        assertEquals(0.05, run(", version: \"6.12\"", "10s").get("fair").cpuShare(), 1e-12);
    }

    @Test
    void serverParameters_setTheShare() {
        // 100 ms every 500 ms: fair 0.4-0.5, 0.9-1.0, ...: 20 %; the hog needs 5 periods of 400 ms for 2 s
        String k = ", version: \"6.12\", fair_server: {runtime: 100ms, period: 500ms}";
        assertEquals(0.2, run(k, "10s").get("fair").cpuShare(), 1e-12);
        assertEquals(2_400_000_000L, run(k, "2s").get("hog").maxNs());
    }

    @Test
    void rtThrottlingBudget_actsBefore612_only() {
        String budget = "rt_throttling: {runtime: 500ms, period: 1s}";
        assertEquals(0.5, run(", version: \"6.6\", " + budget, "10s").get("fair").cpuShare(), 1e-12);
        assertEquals(0.5, run(", " + budget, "10s").get("fair").cpuShare(), 1e-12); // unset: classic
        assertEquals(0.05, run(", version: \"6.12\", " + budget, "10s").get("fair").cpuShare(), 1e-12);
    }

    @Test
    void fairServerOff_on612_leavesTheFairTaskStarved() {
        assertEquals(0.0, run(", version: \"6.12\", fair_server: off", "10s").get("fair").cpuShare(), 1e-12);
    }

    @Test
    void server_firesOnlyWhenTheFairClassIsStarved() {
        // hog needs 900 ms of every 1 s: fair runs 0.9-1, 1.9-2, ... on its own, which uses the server's runtime
        // (charged through dl_server_update) before each zero-laxity point, so a new server period starts and the
        // server never preempts the hog: every job takes 900 ms exactly
        TaskResult hog = run(", version: \"6.12\"", "900ms", "1s").get("hog");
        assertEquals(3, hog.jobs());
        assertEquals(900_000_000L, hog.maxNs());
        assertEquals(900_000_000L, hog.minNs());
        // 980 ms: at the zero-laxity point 0.95 s the fair task has had nothing: the server runs it 0.95-1,
        // the hog finishes at 1.03 s
        assertEquals(1_030_000_000L, run(", version: \"6.12\"", "980ms").get("hog").maxNs());
    }

    @Test
    void deBoostedFairTask_isWatchedByTheServerAgain() {
        // F (fair) holds R from 0; W (fifo 60) blocks on R at 1 ms and boosts F, which leaves the fair class: the
        // server stops (no fair task). F releases R at 10 ms, back in the fair class the server starts again
        // with its kept deadline 1 s and runtime 49 ms (1 ms was charged 0-1 ms; 49/990 <= 50/1000: kept);
        // W 10-11 ms, then H (fifo 50) hogs: F runs 0.951-1 s, 1.95-2 s, 2.95-3 s: 1 + 9 + 49 + 50 + 50 ms
        String yaml = """
                name: fs
                duration: 3s
                warmup: 0ns
                hardware: {cpus: 1}
                host:
                  kernel: {preempt: rt, overheads: none, housekeeping: off, version: "6.12"}
                  workload:
                    - periodic:
                        mutexes: {R: {protocol: inherit}}
                        tasks:
                          - {name: F, policy: other, priority: 0, period: 10s, wcet: {fixed: 200ms}, cpu: 0,
                             locks: [{lock: R, offset: 0ns, length: 10ms}]}
                          - {name: W, priority: 60, period: 10s, offset: 1ms, wcet: {fixed: 1ms}, cpu: 0,
                             locks: [{lock: R, offset: 0ns, length: 500us}]}
                          - {name: H, priority: 50, period: 10s, offset: 2ms, wcet: {fixed: 10s}, cpu: 0}
                """;
        TaskResult f = SingleRun.run(ScenarioLoader.loadString(yaml, "fs.yaml", List.of()), 0).tasks().get(0);
        assertEquals(159.0 / 3000, f.cpuShare(), 1e-12);
    }
}
