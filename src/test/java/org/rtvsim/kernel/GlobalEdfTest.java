package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.TaskResult;
import org.rtvsim.measure.Trace;
import org.rtvsim.measure.TraceRecorder;
import org.rtvsim.measure.TraceSink;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * Global EDF of SCHED_DEADLINE tasks whose mask spans the root domain (push/pull, kernel/sched/deadline.c) on two
 * CPUs without overheads: at every instant the running tasks are the earliest-deadline pending jobs (checked
 * against a job ledger rebuilt from the trace), no miss when the set fits, Dhall's effect when it does not, and
 * pinned (partitioned) tasks unchanged. Times in ms in the comments.
 */
class GlobalEdfTest {
    private static final long MS = 1_000_000L;

    /** A task with implicit deadline, fixed demand = runtime, released at offset + k·period. */
    private record Job(String name, long runtimeNs, long periodNs, long offsetNs) {
    }

    private static String yaml(int cpus, String tasks, String duration) {
        return """
                name: gedf
                duration: %s
                warmup: 0ns
                hardware: {cpus: %d}
                host:
                  kernel: {preempt: rt, overheads: none, housekeeping: off}
                  workload:
                    - periodic:
                        tasks:
                %s
                """.formatted(duration, cpus, tasks);
    }

    private static String task(Job j, String where) {
        return "          - {name: " + j.name + ", policy: deadline, runtime: " + j.runtimeNs / 1000 + "us, period: "
                + j.periodNs / 1000 + "us, wcet: {fixed: " + j.runtimeNs / 1000 + "us}, offset: " + j.offsetNs / 1000
                + "us, " + where + "}\n";
    }

    private static String global(List<Job> jobs) {
        StringBuilder sb = new StringBuilder();
        for (Job j : jobs) {
            sb.append(task(j, "cpus: \"0-1\""));
        }
        return sb.toString();
    }

    private static Map<String, TaskResult> byName(RunResult r) {
        Map<String, TaskResult> m = new HashMap<>();
        for (TaskResult t : r.tasks()) {
            m.put(t.task(), t);
        }
        return m;
    }

    /**
     * Runs {@code jobs} globally on two CPUs up to {@code toNs} and checks, on every interval between two trace or
     * release instants, that the CPUs run min(2, pending) jobs and that no pending job waits with an earlier
     * deadline than a running one (global EDF; ties either way). A job is pending from its release until its
     * task has run runtime for it; its deadline is release + period. Returns the run's result.
     */
    private static RunResult checkGlobalEdf(List<Job> jobs, long toNs) {
        TraceRecorder rec = new TraceRecorder(0, toNs);
        RunResult r = SingleRun.run(ScenarioLoader.loadString(yaml(2, global(jobs), toNs / MS + "ms"), "gedf.yaml",
                List.of()), 0, null, rec);
        List<Trace.Occupy> occ = new ArrayList<>();
        java.util.TreeSet<Long> cuts = new java.util.TreeSet<>(List.of(0L, toNs));
        for (Trace.Event e : rec.trace().events()) {
            if (e instanceof Trace.Occupy o && o.tNs() < toNs) {
                occ.add(o);
                cuts.add(o.tNs());
            }
        }
        for (Job j : jobs) {
            for (long t = j.offsetNs; t < toNs; t += j.periodNs) {
                cuts.add(t);
            }
        }
        occ.sort(java.util.Comparator.comparingLong(Trace.Occupy::tNs)); // stable: same-instant order kept
        Map<String, Long> done = new HashMap<>();
        String[] onCpu = new String[2];
        int next = 0;
        int checked = 0;
        Long a = null;
        for (long b : cuts) {
            if (a != null && b > a) {
                while (next < occ.size() && occ.get(next).tNs() <= a) {
                    Trace.Occupy o = occ.get(next++);
                    onCpu[o.cpu()] = o.kind() == TraceSink.Slice.TASK ? o.task() : null;
                }
                Map<String, Long> pending = new HashMap<>(); // task → absolute deadline of its pending job
                for (Job j : jobs) {
                    long k = done.getOrDefault(j.name, 0L) / j.runtimeNs;
                    long release = j.offsetNs + k * j.periodNs;
                    if (release <= a) {
                        pending.put(j.name, release + j.periodNs);
                    }
                }
                long latestRunning = Long.MIN_VALUE;
                int running = 0;
                for (String t : onCpu) {
                    if (t != null) {
                        if (!pending.containsKey(t)) {
                            fail(t + " runs at " + a + " ns without a pending job");
                        }
                        latestRunning = Math.max(latestRunning, pending.get(t));
                        running++;
                        done.merge(t, b - a, Long::sum);
                    }
                }
                assertEquals(Math.min(2, pending.size()), running, "CPUs busy at " + a + " ns: " + pending);
                for (Map.Entry<String, Long> p : pending.entrySet()) {
                    boolean runs = p.getKey().equals(onCpu[0]) || p.getKey().equals(onCpu[1]);
                    assertTrue(runs || p.getValue() >= latestRunning, () -> p.getKey() + " (deadline " + p.getValue()
                            + ") waits at a later-deadline job's side: " + String.join(",", onCpu));
                }
                checked++;
            }
            a = b;
        }
        assertTrue(checked > 10, "intervals checked: " + checked);
        return r;
    }

    @Test
    void threeTasks_4of10_onTwoCpus_noMiss_andTheTwoEarliestDeadlinesAlwaysRun() {
        // U = 3 × 0.4 = 1.2 <= 2. Releases 0, 1, 2: A 0-4 and B 1-5 run, C (d12) waits for A's CPU at 4 (4-8):
        // its response is 6 ms every period; A and B keep 4 ms.
        List<Job> jobs = List.of(new Job("A", 4 * MS, 10 * MS, 0), new Job("B", 4 * MS, 10 * MS, MS),
                new Job("C", 4 * MS, 10 * MS, 2 * MS));
        Map<String, TaskResult> t = byName(checkGlobalEdf(jobs, 100 * MS));
        for (String n : List.of("A", "B", "C")) {
            assertEquals(0, t.get(n).deadlineMisses(), n);
            assertEquals(0.4, t.get(n).cpuShare(), 1e-9, n);
        }
        assertEquals(4 * MS, t.get("A").maxNs());
        assertEquals(4 * MS, t.get("B").maxNs());
        assertEquals(6 * MS, t.get("C").maxNs());
    }

    @Test
    void fourTasksOfMixedPeriods_pushAndPull_keepGlobalEdf_withoutMisses() {
        // U = 1/4 + 3/6 + 4/10 + 5/15 = 1.483; preemptions move tasks between the CPUs (push at 4: C (d11),
        // preempted on CPU 0 by A (d8), goes to CPU 1 over D (d17); pull at 5: D comes back to CPU 0)
        List<Job> jobs = List.of(new Job("A", MS, 4 * MS, 0), new Job("B", 3 * MS, 6 * MS, 0),
                new Job("C", 4 * MS, 10 * MS, MS), new Job("D", 5 * MS, 15 * MS, 2 * MS));
        RunResult r = checkGlobalEdf(jobs, 120 * MS);
        for (TaskResult t : r.tasks()) {
            assertEquals(0, t.deadlineMisses(), t.task());
        }
    }

    @Test
    void dhallsEffect_lightTasksFirst_makeTheHeavyTaskMiss_whereAPartitionMeetsAll() {
        // Dhall & Liu 1978 ("On a real-time scheduling problem", Oper. Res. 26(1)): m tasks (2ε, 1) and one (1, 1+ε)
        // on m CPUs; with m = 2, ε = 0.1 and a unit of 10 ms: light (2, 10) ×2, heavy (10, 11), U = 1.309 of 2.
        // At 0 the light jobs (d10) take both CPUs before the heavy one (d11): it runs 2-12, missing d11 by 1 ms.
        // Later jobs meet their deadlines (the next heavy job runs 12-22, d22), so one miss in 110 ms.
        String light = task(new Job("light1", 2 * MS, 10 * MS, 0), "cpus: \"0-1\"")
                + task(new Job("light2", 2 * MS, 10 * MS, 0), "cpus: \"0-1\"");
        RunResult g = SingleRun.run(ScenarioLoader.loadString(yaml(2, light
                + task(new Job("heavy", 10 * MS, 11 * MS, 0), "cpus: \"0-1\""), "110ms"), "g.yaml", List.of()), 0);
        Map<String, TaskResult> t = byName(g);
        assertEquals(1, t.get("heavy").deadlineMisses());
        assertEquals(12 * MS, t.get("heavy").maxNs());
        assertEquals(0, t.get("light1").deadlineMisses());
        assertEquals(0, t.get("light2").deadlineMisses());
        // partitioned: both light tasks on CPU 0 (U 0.4), the heavy one alone on CPU 1: no miss
        String part = task(new Job("light1", 2 * MS, 10 * MS, 0), "cpu: 0")
                + task(new Job("light2", 2 * MS, 10 * MS, 0), "cpu: 0")
                + task(new Job("heavy", 10 * MS, 11 * MS, 0), "cpu: 1");
        for (TaskResult r : SingleRun.run(ScenarioLoader.loadString(yaml(2, part, "110ms"), "p.yaml", List.of()), 0)
                .tasks()) {
            assertEquals(0, r.deadlineMisses(), r.task());
        }
    }

    @Test
    void pinnedDeadlineTasks_besideAGlobalOne_stayOnTheirCpu_andTheGlobalOneKeepsToItsRootDomain() {
        // 3 CPUs: P pinned to CPU 0 (an exclusive cpuset), G and H global over 1-2. G, H never run on CPU 0.
        String tasks = task(new Job("P", 5 * MS, 10 * MS, 0), "cpu: 0")
                + task(new Job("G", 6 * MS, 10 * MS, 0), "cpus: \"1-2\"")
                + task(new Job("H", 6 * MS, 10 * MS, MS), "cpus: \"1-2\"");
        TraceRecorder rec = new TraceRecorder(0, 50 * MS);
        RunResult r = SingleRun.run(ScenarioLoader.loadString(yaml(3, tasks, "50ms"), "pin.yaml", List.of()), 0, null,
                rec);
        for (Trace.Event e : rec.trace().events()) {
            if (e instanceof Trace.Occupy o && o.kind() == TraceSink.Slice.TASK) {
                assertEquals(o.task().equals("P"), o.cpu() == 0, o.toString());
            }
        }
        for (TaskResult t : r.tasks()) {
            assertEquals(0, t.deadlineMisses(), t.task());
        }
    }

    @Test
    void teachingScenario_globalEdf_showsDhallsEffect() {
        Map<String, TaskResult> t = byName(SingleRun.run(ScenarioLoader.load(Path.of(
                "scenarios/teaching/global-edf.yaml"), List.of()), 0));
        assertEquals(1, t.get("heavy").deadlineMisses());
        assertEquals(12 * MS, t.get("heavy").maxNs());
        assertEquals(0, t.get("light1").deadlineMisses() + t.get("light2").deadlineMisses());
    }
}
