package org.rtvsim.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.measure.TraceSink.Instant;
import org.rtvsim.measure.TraceSink.Slice;
import org.rtvsim.measure.TraceSink.TaskState;

/** The recorder keeps the window, the state open at its start, and no more than its cap. */
class TraceRecorderTest {

    @Test
    void recorder_keepsWindowAndLatestStateBeforeIt() {
        TraceRecorder r = new TraceRecorder(1_000, 2_000);
        r.occupy(100, 0, Slice.TASK, "user", "a");
        r.occupy(500, 0, Slice.TASK, "user", "b");
        r.taskState(100, 0, "a", TaskState.RUNNING, null);
        r.taskState(500, 0, "a", TaskState.RUNNABLE, null);
        r.taskState(500, 0, "b", TaskState.RUNNING, null);
        r.instant(600, 0, Instant.WAKEUP, "a", null);
        r.occupy(1_500, 0, Slice.HARDIRQ, "timer", null);
        r.instant(2_000, 0, Instant.SAMPLE, "b", "1.000 us");
        r.occupy(2_001, 0, Slice.IDLE, "idle", null);
        Trace t = r.trace();
        assertEquals(List.of(
                new Trace.Occupy(500, 0, Slice.TASK, "user", "b"),
                new Trace.StateChange(500, 0, "a", TaskState.RUNNABLE, null),
                new Trace.StateChange(500, 0, "b", TaskState.RUNNING, null),
                new Trace.Occupy(1_500, 0, Slice.HARDIRQ, "timer", null),
                new Trace.Point(2_000, 0, Instant.SAMPLE, "b", "1.000 us")), t.events());
        assertEquals(List.of(0), t.cpus());
        assertEquals(List.of("a", "b"), t.tasks());
        assertEquals(0, t.dropped());
        assertEquals(2_000, t.endNs());
    }

    @Test
    void recorder_wantsEventsUpToTheWindowEndOnly() {
        TraceRecorder r = new TraceRecorder(1_000, 2_000);
        assertTrue(r.wants(0));
        assertTrue(r.wants(2_000));
        assertFalse(r.wants(2_001));
    }

    @Test
    void recorder_beyondCap_dropsAndCountsAndMarksTruncation() {
        TraceRecorder r = new TraceRecorder(0, 1_000_000, 3);
        r.occupy(0, 1, Slice.IDLE, "idle", null); // in the window (from = 0): counts towards the cap
        for (int i = 1; i <= 10; i++) {
            r.instant(i * 10L, 1, Instant.WAKEUP, "t", null);
        }
        Trace t = r.trace();
        assertEquals(3, t.events().size());
        assertEquals(8, t.dropped());
        assertEquals(30, t.truncatedAtNs());
        assertEquals(30, t.endNs());
    }

    @Test
    void recorder_manyEventsBeforeWindow_keepsOnePerCpuAndTask() {
        TraceRecorder r = new TraceRecorder(1_000_000_000L, 1_000_000_100L, 10);
        for (long ns = 0; ns < 1_000_000; ns++) {
            r.occupy(ns, (int) (ns % 4), Slice.TASK, "user", "t" + ns % 4);
            r.taskState(ns, (int) (ns % 4), "t" + ns % 4, TaskState.RUNNING, null);
        }
        Trace t = r.trace();
        assertEquals(8, t.events().size());
        assertEquals(0, t.dropped());
    }

    @Test
    void recorder_emptyWindow_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new TraceRecorder(5, 5));
        assertThrows(IllegalArgumentException.class, () -> new TraceRecorder(0, 5, 0));
    }
}
