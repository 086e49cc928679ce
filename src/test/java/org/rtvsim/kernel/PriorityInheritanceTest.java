package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.TaskResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * Priority inversion and its cures on one CPU without overheads, in the three-task pattern of
 * G. Buttazzo, <i>Hard Real-Time Computing Systems</i> (3rd ed., Springer 2011), §7.2–7.4 (priority
 * inversion, the Priority Inheritance Protocol, the Priority Ceiling Protocol): a high task H and a low
 * task L share a resource R, a medium task M shares nothing. The release times and lengths below are
 * ours, chosen so the hand-derived schedules in each test's comment are unambiguous.
 */
class PriorityInheritanceTest {

    /** The three-task set: L (1) and H (3) share R, M (2) shares nothing. */
    private static RunResult run(String protocol) {
        return run(protocol, null);
    }

    private static RunResult run(String protocol, org.rtvsim.measure.TraceSink trace) {
        String yaml = """
                name: pi
                duration: 20ms
                warmup: 0ns
                hardware: {cpus: 1}
                host:
                  kernel: {preempt: rt, overheads: none, rt_throttling: off}
                  workload:
                    - lock_sharing:
                        mutex: {protocol: %s}
                        tasks:
                          - {name: L, period: 100ms, wcet: {fixed: 4ms}, priority: 1, cpu: 0,
                             locks: [{lock: R, offset: 1ms, length: 2ms}]}
                          - {name: H, period: 100ms, offset: 2ms, wcet: {fixed: 2ms}, priority: 3, cpu: 0,
                             locks: [{lock: R, offset: 500us, length: 1ms}]}
                          - {name: M, period: 100ms, offset: 3ms, wcet: {fixed: 4ms}, priority: 2, cpu: 0}
                """.formatted(protocol);
        return SingleRun.run(ScenarioLoader.loadString(yaml, "pi.yaml", List.of()), 0, null, trace);
    }

    private static Map<String, Long> responses(String protocol) {
        return byName(run(protocol));
    }

    /**
     * Who runs when on the CPU: "task@ms" at every change of the running task, from a timeline trace of
     * the run (context switches and interrupts cost nothing here, so the changes are exact).
     */
    private static String schedule(String protocol) {
        org.rtvsim.measure.TraceRecorder rec = new org.rtvsim.measure.TraceRecorder(0, 20_000_000L);
        run(protocol, rec);
        StringBuilder sb = new StringBuilder();
        String last = null;
        for (org.rtvsim.measure.Trace.Event e : rec.trace().events()) {
            if (e instanceof org.rtvsim.measure.Trace.Occupy o && o.kind() == org.rtvsim.measure.TraceSink.Slice.TASK
                    && !o.task().equals(last)) {
                last = o.task();
                sb.append(sb.length() == 0 ? "" : " ").append(o.task()).append('@').append(
                        new java.math.BigDecimal(o.tNs()).movePointLeft(6).stripTrailingZeros().toPlainString());
            }
        }
        return sb.toString();
    }

    @Test
    void schedules_whoRunsWhen_underEachProtocol() {
        assertEquals("L@0 H@2 L@2.5 M@3 L@7 H@7.5 L@9", schedule("none"));
        assertEquals("L@0 H@2 L@2.5 H@3.5 M@5 L@9", schedule("inherit"));
        assertEquals("L@0 H@3 M@5 L@9", schedule("protect"));
    }

    private static Map<String, Long> byName(RunResult r) {
        Map<String, Long> m = new HashMap<>();
        for (TaskResult t : r.tasks()) {
            assertEquals(1, t.jobs(), t.task());
            m.put(t.task(), t.maxNs());
        }
        return m;
    }

    @Test
    void none_mediumTaskPreemptsTheLockHolder_unboundedInversion() {
        // 0-1 L; 1-2 L holds R; 2 H preempts, runs 2-2.5, blocks on R; 2.5-3 L (in R); 3 M preempts L and
        // runs 3-7 while H waits: the inversion; 7-7.5 L finishes R, H takes it: H 7.5-9; L 9-10
        Map<String, Long> r = responses("none");
        assertEquals(7_000_000L, r.get("H"));
        assertEquals(4_000_000L, r.get("M"));
        assertEquals(10_000_000L, r.get("L"));
    }

    @Test
    void inherit_lockHolderRunsAtTheWaitersPriority() {
        // 2-2.5 H, blocks: L inherits 3 and finishes R 2.5-3.5 (M, released at 3, cannot preempt it);
        // H 3.5-5; M 5-9; L 9-10
        Map<String, Long> r = responses("inherit");
        assertEquals(3_000_000L, r.get("H"));
        assertEquals(6_000_000L, r.get("M"));
        assertEquals(10_000_000L, r.get("L"));
    }

    @Test
    void protect_ceilingRaisesTheOwnerAtOnce() {
        // L takes R at 1 and runs at the ceiling (3): H, released at 2, does not preempt it; L releases R
        // at 3 (M released at 3 does not preempt the ceiling either) and drops to 1; H 3-5; M 5-9; L 9-10
        Map<String, Long> r = responses("protect");
        assertEquals(3_000_000L, r.get("H"));
        assertEquals(6_000_000L, r.get("M"));
        assertEquals(10_000_000L, r.get("L"));
    }

    @Test
    void inherit_transitiveChain_boostsTheLastOwner() {
        // L (1) holds R2; M (2) holds R1 and waits for R2; H (4) waits for R1: L runs at 4, so X (3),
        // released at 3.2 ms, cannot preempt it. 0-2 L (R2 from 1); 2-2.5 M takes R1, blocks on R2;
        // 2.5-3 L at 2; 3 H blocks on R1: M and L at 4; 3-4.5 L finishes R2 (X waits); 4.5-7 M (R2 to
        // 5.5, R1 to 7); 7-9 H; 9-11 X
        String yaml = """
                name: chain
                duration: 20ms
                warmup: 0ns
                hardware: {cpus: 1}
                host:
                  kernel: {preempt: rt, overheads: none, rt_throttling: off}
                  workload:
                    - periodic:
                        mutexes: {R1: {kind: rt_mutex}, R2: {kind: rt_mutex}}
                        tasks:
                          - {name: L, period: 100ms, wcet: {fixed: 4ms}, priority: 1, cpu: 0,
                             locks: [{lock: R2, offset: 1ms, length: 3ms}]}
                          - {name: M, period: 100ms, offset: 2ms, wcet: {fixed: 3ms}, priority: 2, cpu: 0,
                             locks: [{lock: R1, offset: 0ns, length: 3ms}, {lock: R2, offset: 500us, length: 1ms}]}
                          - {name: H, period: 100ms, offset: 3ms, wcet: {fixed: 2ms}, priority: 4, cpu: 0,
                             locks: [{lock: R1, offset: 0ns, length: 1ms}]}
                          - {name: X, period: 100ms, offset: 3200us, wcet: {fixed: 2ms}, priority: 3, cpu: 0}
                """;
        Map<String, Long> r = byName(SingleRun.run(ScenarioLoader.loadString(yaml, "chain.yaml", List.of()), 0));
        assertEquals(4_500_000L, r.get("L"), "L was not preempted by X: it ran at H's priority");
        assertEquals(5_000_000L, r.get("M"));
        assertEquals(6_000_000L, r.get("H"));
        assertEquals(7_800_000L, r.get("X"));
    }

    @Test
    void twoLockCycle_isReportedAsADeadlock() {
        // A takes L1 then L2; B (higher) takes L2 then L1, released while A holds L1
        String yaml = """
                name: deadlock
                duration: 20ms
                warmup: 0ns
                hardware: {cpus: 1}
                host:
                  kernel: {preempt: rt, overheads: none}
                  workload:
                    - periodic:
                        mutexes: {L1: {protocol: inherit}, L2: {protocol: inherit}}
                        tasks:
                          - {name: A, period: 100ms, wcet: {fixed: 3ms}, priority: 1, cpu: 0,
                             locks: [{lock: L1, offset: 0ns, length: 3ms}, {lock: L2, offset: 1ms, length: 1ms}]}
                          - {name: B, period: 100ms, offset: 500us, wcet: {fixed: 3ms}, priority: 2, cpu: 0,
                             locks: [{lock: L2, offset: 0ns, length: 3ms}, {lock: L1, offset: 1ms, length: 1ms}]}
                """;
        DeadlockException e = assertThrows(DeadlockException.class,
                () -> SingleRun.run(ScenarioLoader.loadString(yaml, "deadlock.yaml", List.of()), 0));
        assertTrue(e.getMessage().contains("A waits for L2 held by B"), e.getMessage());
        assertTrue(e.getMessage().contains("B waits for L1 held by A"), e.getMessage());
    }

    private static Map<String, Long> worstParts(String protocol, String task) {
        RunResult r = run(protocol);
        Map<String, Long> parts = new HashMap<>();
        for (TaskResult t : r.tasks()) {
            if (t.task().equals(task)) {
                t.worstJob().components().forEach(c -> parts.put(c.label(), c.ns()));
                assertEquals(t.maxNs(), t.worstJob().totalNs());
            }
        }
        return parts;
    }

    @Test
    void none_attribution_namesTheInversion() {
        // H's 7 ms: 0.5 + 1 ms of its own code, 0.5 + 0.5 ms waiting while L runs in R, and the 4 ms during
        // which M preempted the lock holder L — the inversion itself
        Map<String, Long> p = worstParts("none", "H");
        assertEquals(4_000_000L, p.get("lock holder L preempted by task M (fifo 2)"));
        assertEquals(1_000_000L, p.get("blocked on lock R held by L"));
        assertEquals(1_000_000L, p.get("task H (fifo 3)"));
        assertEquals(1_000_000L, p.get("task H in critical section R"));
    }

    @Test
    void inherit_attribution_hasNoInversion() {
        Map<String, Long> p = worstParts("inherit", "H");
        assertTrue(p.keySet().stream().noneMatch(k -> k.startsWith("lock holder")), p.toString());
        assertEquals(1_000_000L, p.get("blocked on lock R held by L, PI-boosted to 3"));
    }
}
