package org.rtvsim.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The starvation findings' thresholds and messages, on hand-made waits. */
class StarvationTest {
    private static final long S = 1_000_000_000L;

    private static TaskWait kthread(String name, long waitNs, boolean atEnd) {
        return new TaskWait(name, 5, "fifo", 1, true, waitNs, 0, atEnd);
    }

    @Test
    void rcuKthread_past21s_isAnRcuStallError() {
        List<StarvationFinding> f = Starvation.findings(List.of(kthread("rcuc/5", 21 * S, true)), 30 * S);
        assertEquals("error", f.get(0).level());
        assertEquals("rcuc/5 runnable for 21 s (still runnable at the end): RCU CPU stall warning "
                + "(rcu_cpu_stall_timeout 21 s); system deadlock risk", f.get(0).message());
        assertEquals(Starvation.RCU_STALL_NS, f.get(0).thresholdNs());
    }

    @Test
    void kworker_past1s_isAWarning_past120s_anError() {
        assertEquals("kworker/5:1 runnable for 2.3 s: deferred work stalled",
                Starvation.findings(List.of(kthread("kworker/5:1", 2_300_000_000L, false)), 10 * S).get(0).message());
        assertEquals("error", Starvation.findings(List.of(kthread("kworker/5:1", 120 * S, false)), 200 * S)
                .get(0).level());
    }

    @Test
    void shortRun_kthreadRunnableToTheEnd_isProjected() {
        StarvationFinding f = Starvation.findings(List.of(kthread("rcuc/2", 300_000_000L, true)), 400_000_000L).get(0);
        assertEquals("projection", f.level());
        assertTrue(f.message().endsWith("would reach the RCU CPU stall warning after 21 s if it stays runnable"),
                f.message());
        // a short wait at the end of a long run is not a projection; a finished wait below 1 s is nothing
        assertTrue(Starvation.findings(List.of(kthread("rcuc/2", 300_000_000L, true)), 10 * S).isEmpty());
        assertTrue(Starvation.findings(List.of(kthread("rcuc/2", 900_000_000L, false)), S).isEmpty());
    }

    @Test
    void userTasks_areNeverFindings_butAreListedAmongTheLongestWaits() {
        TaskWait user = new TaskWait("hog", 0, "other", -1, false, 50 * S, 0, true);
        assertTrue(Starvation.findings(List.of(user), 60 * S).isEmpty());
        List<TaskWait> many = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            many.add(new TaskWait("t" + i, 0, "other", -1, false, i, 0, false));
        }
        List<TaskWait> top = Starvation.top(many, Starvation.TOP);
        assertEquals(10, top.size());
        assertEquals("t14", top.get(0).task());
        assertEquals("t5", top.get(9).task());
    }
}
