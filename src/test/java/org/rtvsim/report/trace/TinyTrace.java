package org.rtvsim.report.trace;

import static org.rtvsim.measure.TraceSink.Instant.LOCK_ACQUIRE;
import static org.rtvsim.measure.TraceSink.Instant.LOCK_CONTENDED;
import static org.rtvsim.measure.TraceSink.Instant.LOCK_RELEASE;
import static org.rtvsim.measure.TraceSink.Instant.PRIORITY;
import static org.rtvsim.measure.TraceSink.Instant.SAMPLE;
import static org.rtvsim.measure.TraceSink.Instant.WAKEUP;
import static org.rtvsim.measure.TraceSink.TaskState.BLOCKED_ON_LOCK;
import static org.rtvsim.measure.TraceSink.TaskState.BOOSTED_RUNNING;
import static org.rtvsim.measure.TraceSink.TaskState.RUNNABLE;
import static org.rtvsim.measure.TraceSink.TaskState.RUNNING;
import static org.rtvsim.measure.TraceSink.TaskState.SLEEPING;

import org.rtvsim.measure.Trace;
import org.rtvsim.measure.TraceRecorder;
import org.rtvsim.measure.TraceSink.Slice;

/**
 * A hand-fed priority inversion with inheritance on CPU 0, window 1 ms to 2 ms: {@code low} holds L,
 * {@code high} wakes, runs, blocks on L; {@code low} runs boosted until it releases L at 1.4 ms;
 * {@code mid} wakes at 1.3 ms but must wait; an SMI at 1.6 ms; a timer interrupt on idle CPU 1.
 *
 * <p>Expected: CPU intervals 8 on cpu0 + 3 on cpu1, task state intervals 4 (low) + 4 (high) + 2 (mid),
 * 8 instants in the window; tasks sorted by name: high, low, mid.
 */
final class TinyTrace {
    static final int CPU_SPANS = 11;
    static final int STATE_SPANS = 10;
    static final int INSTANTS = 8;

    private TinyTrace() {
    }

    static Trace build() {
        TraceRecorder r = new TraceRecorder(1_000_000, 2_000_000);
        // as the kernel would describe them: FIFO 3, 2 and 1 (kernel prio 99 - rtprio), pids in creation order
        r.describeTask("high", 1001, 96);
        r.describeTask("mid", 1002, 97);
        r.describeTask("low", 1003, 98);
        r.occupy(0, 1, Slice.IDLE, "idle", null);
        r.taskState(100_000, 0, "high", SLEEPING, null);
        r.taskState(100_000, 0, "mid", SLEEPING, null);
        r.occupy(500_000, 0, Slice.TASK, "user", "low");
        r.taskState(500_000, 0, "low", RUNNING, null);
        r.instant(600_000, 0, LOCK_ACQUIRE, "low", "L"); // before the window: not kept

        r.instant(1_100_000, 0, WAKEUP, "high", null);
        r.taskState(1_100_000, 0, "high", RUNNABLE, null);
        r.occupy(1_100_000, 0, Slice.SWITCH, "context switch", "high");
        r.taskState(1_100_000, 0, "low", RUNNABLE, null);
        r.occupy(1_102_000, 0, Slice.TASK, "user", "high");
        r.taskState(1_102_000, 0, "high", RUNNING, null);
        r.instant(1_150_000, 0, LOCK_CONTENDED, "high", "L held by low");
        r.taskState(1_150_000, 0, "high", BLOCKED_ON_LOCK, "L");
        r.instant(1_150_000, 0, PRIORITY, "low", "1 -> 3");
        r.occupy(1_150_000, 0, Slice.TASK, "lock L", "low");
        r.taskState(1_150_000, 0, "low", BOOSTED_RUNNING, null);
        r.occupy(1_200_000, 1, Slice.HARDIRQ, "timer interrupt entry", null);
        r.occupy(1_203_000, 1, Slice.IDLE, "idle", null);
        r.instant(1_300_000, 0, WAKEUP, "mid", null);
        r.taskState(1_300_000, 0, "mid", RUNNABLE, null);
        r.instant(1_400_000, 0, LOCK_RELEASE, "low", "L");
        r.instant(1_400_000, 0, PRIORITY, "low", "3 -> 1");
        r.taskState(1_400_000, 0, "low", RUNNABLE, null);
        r.instant(1_400_000, 0, LOCK_ACQUIRE, "high", "L");
        r.occupy(1_400_000, 0, Slice.TASK, "user", "high");
        r.taskState(1_400_000, 0, "high", RUNNING, null);
        r.taskState(1_500_000, 0, "high", SLEEPING, null);
        r.occupy(1_500_000, 0, Slice.TASK, "user", "mid");
        r.taskState(1_500_000, 0, "mid", RUNNING, null);
        r.occupy(1_600_000, 0, Slice.NO_SUPPLY, "SMI (firmware)", null);
        r.occupy(1_650_000, 0, Slice.TASK, "user", "mid");
        r.instant(1_700_000, 0, SAMPLE, "high", "12.345 us");
        r.occupy(2_100_000, 0, Slice.IDLE, "idle", null); // after the window: not kept
        return r.trace();
    }
}
