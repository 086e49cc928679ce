package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.TaskResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * SCHED_RR and SCHED_FIFO on one CPU with {@code overheads: none}: each task is a single long job
 * (period 1 s, one job in the 1 s run) released at 0, so its one response time is its completion time.
 */
class SchedulingPolicyTest {
    private static final long MS = 1_000_000L;

    private static Map<String, Long> completions(String tasks) {
        String yaml = """
                name: policies
                duration: 1s
                warmup: 0ns
                hardware: {cpus: 1}
                host:
                  kernel: {preempt: full, overheads: none, rt_throttling: off, rr_timeslice: 100ms}
                  workload:
                    - periodic:
                        tasks:
                """ + tasks + """
                measure: {attribution: false}
                """;
        RunResult r = SingleRun.run(ScenarioLoader.loadString(yaml, "policies.yaml", List.of()), 0);
        Map<String, Long> out = new LinkedHashMap<>();
        for (TaskResult t : r.tasks()) {
            assertEquals(1, t.jobs(), t.task() + " ran exactly one job");
            out.put(t.task(), t.maxNs());
        }
        return out;
    }

    private static String task(String name, String policy, int prio, String wcet, String offset) {
        return "              - {name: " + name + ", period: 1s, wcet: {fixed: " + wcet + "}, priority: " + prio
                + ", policy: " + policy + ", cpu: 0, offset: " + offset + "}\n";
    }

    /**
     * A 0–100, B 100–200, A 200–300, B 300–400, A 400–500, B 500–600, A 600–650 (done, 350 ms run),
     * B 650–700 (done).
     */
    @Test
    void rr_equalPriorityLongJobs_alternateSlicesAndCompleteAt650And700Ms() {
        Map<String, Long> c = completions(task("A", "rr", 10, "350ms", "0ns") + task("B", "rr", 10, "350ms", "0ns"));
        assertEquals(Map.of("A", 650 * MS, "B", 700 * MS), c);
    }

    /** Equal-priority FIFO: no timeslicing, the first released runs to completion. */
    @Test
    void fifo_equalPriorityLongJobs_runToCompletionInReleaseOrder() {
        Map<String, Long> c = completions(task("A", "fifo", 10, "350ms", "0ns")
                + task("B", "fifo", 10, "350ms", "0ns"));
        assertEquals(Map.of("A", 350 * MS, "B", 700 * MS), c);
    }

    /** A higher-priority FIFO release preempts at once: its response time is its execution time. */
    @Test
    void fifo_higherPriorityRelease_preemptsImmediately() {
        Map<String, Long> c = completions(task("A", "fifo", 10, "350ms", "0ns")
                + task("B", "fifo", 10, "350ms", "0ns") + task("H", "fifo", 20, "10ms", "100ms"));
        assertEquals(Map.of("A", 360 * MS, "B", 710 * MS, "H", 10 * MS), c);
    }

    /** A higher-priority release preempts an RR task mid-slice; the RR task keeps the rest of its slice. */
    @Test
    void rr_higherPriorityFifoRelease_preemptsAndRrKeepsSliceRemainder() {
        // H runs 50–60; A resumes 60–110 (the remaining 50 ms of its slice), B 110–210, A 210–310,
        // B 310–410, A 410–510, B 510–610, A 610–660 done (350 ms), B 660–710 done.
        Map<String, Long> c = completions(task("A", "rr", 10, "350ms", "0ns") + task("B", "rr", 10, "350ms", "0ns")
                + task("H", "fifo", 20, "10ms", "50ms"));
        assertEquals(Map.of("A", 660 * MS, "B", 710 * MS, "H", 10 * MS), c);
    }

    /** A lone RR task is not descheduled at slice end when no equal-priority task waits. */
    @Test
    void rr_aloneAtItsPriority_runsThroughSliceEnds() {
        Map<String, Long> c = completions(task("A", "rr", 10, "350ms", "0ns") + task("L", "rr", 5, "100ms", "0ns"));
        assertEquals(Map.of("A", 350 * MS, "L", 450 * MS), c);
    }
}
