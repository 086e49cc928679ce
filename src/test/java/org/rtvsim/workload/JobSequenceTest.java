package org.rtvsim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.TaskResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * A periodic task's job sequence: {@code repeat}, {@code phases} and {@code overrun}, on one CPU without
 * overheads so response times are exact (derived by hand in each test's comment; times in ms).
 */
class JobSequenceTest {

    private static TaskResult run(String task) {
        String yaml = """
                name: seq
                duration: 1s
                warmup: 0ns
                hardware: {cpus: 1}
                host:
                  kernel: {preempt: rt, overheads: none, housekeeping: off, rt_throttling: off}
                  workload:
                    - periodic:
                        tasks:
                          - %s
                """.formatted(task);
        return SingleRun.run(ScenarioLoader.loadString(yaml, "seq.yaml", List.of()), 0, null, null).tasks().get(0);
    }

    @Test
    void repeat_releasesThatManyJobsThenStops() {
        TaskResult t = run("{name: t, period: 10ms, wcet: {fixed: 1ms}, priority: 50, repeat: 3}");
        assertEquals(3, t.jobs());
    }

    @Test
    void phases_runInOrderForTheirJobs_andTheSequenceRepeats() {
        // phase 0: 2 jobs of 1 ms every 10 ms; phase 1: 1 job of 3 ms; twice: 6 jobs, responses 1,1,3,1,1,3
        TaskResult t = run("{name: t, period: 10ms, wcet: {fixed: 1ms}, priority: 50, repeat: 2, phases: "
                + "[{jobs: 2}, {jobs: 1, wcet: {fixed: 3ms}, period: 20ms}]}");
        assertEquals(6, t.jobs());
        assertEquals(1_000_000L, t.minNs());
        assertEquals(3_000_000L, t.maxNs());
        assertEquals(10_000_000L, t.sumNs());
    }

    @Test
    void overrunQueue_keepsTheGrid_soBacklogGrows() {
        // releases 0,10,20,30, 15 ms each: completions 15,30,45,60, responses 15,20,25,30
        TaskResult t = run("{name: t, period: 10ms, wcet: {fixed: 15ms}, priority: 50, repeat: 4}");
        assertEquals(4, t.jobs());
        assertEquals(90_000_000L, t.sumNs());
        assertEquals(30_000_000L, t.maxNs());
    }

    @Test
    void overrunShift_releasesAtTheCompletion_andRestartsTheGrid() {
        // release 0, done 15; the release due at 10 waits to 15, done 30; due 25 -> 30, ... every response 15
        TaskResult t = run("{name: t, period: 10ms, wcet: {fixed: 15ms}, priority: 50, repeat: 4, overrun: shift}");
        assertEquals(4, t.jobs());
        assertEquals(15_000_000L, t.maxNs());
        assertEquals(15_000_000L, t.minNs());
    }

    @Test
    void phaseCriticalSectionBeyondItsWcet_isRefusedNamingThePhase() {
        org.rtvsim.scenario.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.rtvsim.scenario.ScenarioException.class, () -> run("{name: t, period: 10ms, wcet: {fixed: 1ms}, "
                        + "priority: 50, phases: [{jobs: 1, locks: [{lock: m, offset: 0us, length: 2ms}]}]}"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("tasks[0].phases[0].locks[0]"),
                e.getMessage());
    }

    /** Tasks a (CPU 0) and b (CPU 1), one job each, no overheads: their results by name. */
    private static java.util.Map<String, TaskResult> pair(String a, String b) {
        String yaml = """
                name: sync
                duration: 100ms
                warmup: 0ns
                hardware: {cpus: 2}
                measure: {attribution: true}
                host:
                  kernel: {preempt: rt, overheads: none, housekeeping: off, rt_throttling: off}
                  workload:
                    - periodic:
                        tasks:
                          - {name: a, period: 50ms, wcet: {fixed: 2ms}, priority: 50, cpu: 0, repeat: 1, %s}
                          - {name: b, period: 50ms, wcet: {fixed: 5ms}, priority: 50, cpu: 1, repeat: 1, %s}
                """.formatted(a, b);
        java.util.Map<String, TaskResult> m = new java.util.HashMap<>();
        for (TaskResult t : SingleRun.run(ScenarioLoader.loadString(yaml, "sync.yaml", List.of()), 0, null, null)
                .tasks()) {
            m.put(t.task(), t);
        }
        return m;
    }

    @Test
    void barrier_holdsTheFirstArrivalUntilTheLast() {
        // a reaches B at 1 ms and waits; b reaches it at 3 ms: a runs its last 1 ms 3-4, b its last 2 ms 3-5
        var r = pair("phases: [{sync: [{at: 1ms, op: barrier, name: B}]}]",
                "phases: [{sync: [{at: 3ms, op: barrier, name: B}]}]");
        assertEquals(4_000_000L, r.get("a").maxNs());
        assertEquals(5_000_000L, r.get("b").maxNs());
    }

    @Test
    void suspend_blocksUntilAnotherTaskResumesIt() {
        // a runs 0-1 and suspends; b resumes it at 4 ms; a runs its last 1 ms 4-5
        var r = pair("phases: [{sync: [{at: 1ms, op: suspend}]}]",
                "phases: [{sync: [{at: 4ms, op: resume, name: a}]}]");
        assertEquals(5_000_000L, r.get("a").maxNs());
        assertEquals(5_000_000L, r.get("b").maxNs());
    }

    @Test
    void resumeBeforeTheSuspend_isLost_asRtAppsConditionVariable() {
        // b resumes a at 0.5 ms, before a suspends at 1 ms: nobody resumes a again, its job never completes
        var r = pair("phases: [{sync: [{at: 1ms, op: suspend}]}]",
                "phases: [{sync: [{at: 500us, op: resume, name: a}]}]");
        assertEquals(0, r.get("a").jobs());
        assertEquals(1, r.get("b").jobs());
    }

    @Test
    void resumeOfAnUnknownTask_isRefusedNamingIt() {
        org.rtvsim.scenario.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.rtvsim.scenario.ScenarioException.class, () -> pair("cpus: \"0\"",
                        "phases: [{sync: [{at: 1ms, op: resume, name: nobody}]}]"));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("tasks[1].phases[0].sync[0].name")
                && e.getMessage().contains("'nobody'"), e.getMessage());
    }

    @Test
    void wait_sleepsUntilSignalled() {
        // a waits on q at 1 ms; b signals q at 4 ms; a runs its last 1 ms 4-5
        var r = pair("phases: [{sync: [{at: 1ms, op: wait, name: q}]}]",
                "phases: [{sync: [{at: 4ms, op: signal, name: q}]}]");
        assertEquals(5_000_000L, r.get("a").maxNs());
    }

    @Test
    void wait_releasesItsMutexWhileAsleep_andTakesItBack() {
        // a holds m 0-2 ms of work and waits on q (mutex m) at 1 ms: m is free while it sleeps, so b takes it at
        // 2 ms without blocking and signals at 4 ms; a takes m back and runs 4-5. Without the release, b would block
        // on m and a would never be signalled.
        var r = pair("locks: [{lock: m, offset: 0us, length: 2ms}], phases: [{sync: [{at: 1ms, op: wait, name: q, "
                + "mutex: m}]}]", "locks: [{lock: m, offset: 2ms, length: 1ms}], phases: [{sync: [{at: 4ms, "
                + "op: signal, name: q}]}]");
        assertEquals(5_000_000L, r.get("a").maxNs());
        assertEquals(5_000_000L, r.get("b").maxNs());
    }

    @Test
    void signalWithoutAWaiter_isLost() {
        var r = pair("phases: [{sync: [{at: 1ms, op: wait, name: q}]}]",
                "phases: [{sync: [{at: 500us, op: broadcast, name: q}]}]");
        assertEquals(0, r.get("a").jobs());
    }

    @Test
    void sleepPoint_pausesTheJobWhereItIs() {
        // a runs 0-1, sleeps 1-3, runs 3-4: response 4 ms
        var r = pair("phases: [{sync: [{at: 1ms, op: sleep, length: 2ms}]}]", "cpus: \"1\"");
        assertEquals(4_000_000L, r.get("a").maxNs());
    }
}
