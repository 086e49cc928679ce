package org.rtvsim.measure;

/**
 * Receives the events of a bounded timeline trace from the model (times in ns). The kernel calls it
 * only when a trace was asked for; an implementation keeps what falls into its window and drops the
 * rest, so memory does not grow with simulated time. Strings passed are the model's own interned
 * names and labels (no allocation per event on the model side).
 */
public interface TraceSink {

    /**
     * Whether the traced run may leave out what {@code measure.scope: latency} leaves out (the report's trace
     * window of the max sample); false (a {@code trace} command): every component is simulated and shown.
     */
    default boolean followsMeasureScope() {
        return false;
    }

    /** What occupies a CPU track from {@code tNs} on (until the next {@code occupy} on that CPU). */
    enum Slice {
        /** A task's own segment; {@code task} names it. */
        TASK,
        /** A hardirq handler (timer, IPI, device). */
        HARDIRQ,
        /** Softirq processing on irq exit. */
        SOFTIRQ,
        /** A context switch in progress (to {@code task}). */
        SWITCH,
        /** Leaving an idle state (C-state exit latency). */
        CSTATE_EXIT,
        /** Nothing runs. */
        IDLE,
        /** The CPU has no supply (an SMI; later a descheduled vCPU). */
        NO_SUPPLY
    }

    /** Point events. */
    enum Instant {
        /** {@code task} becomes runnable. */
        WAKEUP,
        /** A periodic job of {@code task} is released. */
        RELEASE,
        /** {@code task} takes lock {@code detail} at once. */
        LOCK_ACQUIRE,
        /** {@code task} finds lock {@code detail} held and waits. */
        LOCK_CONTENDED,
        /** {@code task} releases lock {@code detail}. */
        LOCK_RELEASE,
        /** {@code task}'s effective priority changes; {@code detail} is e.g. "1 -> 3". */
        PRIORITY,
        /** A latency sample of {@code task} is taken; {@code detail} is its value, e.g. "12.3 us". */
        SAMPLE,
        /**
         * A periodic job of {@code task} completes; {@code detail} is its response time (release to
         * completion, exact to the ns) and its relative deadline, e.g. "185598.500 us deadline 125000.000 us":
         * the values the run's task table records.
         */
        JOB_END
    }

    /** A task's state, for per-task timelines (Gantt rows). */
    enum TaskState {
        RUNNING, RUNNABLE, BLOCKED_ON_LOCK, SLEEPING, BOOSTED_RUNNING
    }

    /** CPU {@code cpu} is occupied by {@code label} (an attribution label) from now on. */
    void occupy(long tNs, int cpu, Slice kind, String label, String task);

    /** Gives trace CPU {@code cpu} a display name (a guest's vCPU); unnamed CPUs show as {@code cpuN}. */
    default void nameCpu(int cpu, String name) {
    }

    /**
     * Introduces {@code task} once, before its first event: its process id (distinct per task, in creation
     * order, deterministic) and its static priority in the kernel's numbering ({@code 99 - rtprio} for
     * SCHED_FIFO/RR, {@code 120 + nice} for the fair class), as {@code sched_switch} prints it.
     */
    default void describeTask(String task, int pid, int kernelPrio) {
    }

    /** A point event on CPU {@code cpu}. {@code detail} may be null. */
    void instant(long tNs, int cpu, Instant kind, String task, String detail);

    /** {@code task} (on {@code cpu}) enters {@code state}; {@code detail} may name a lock or priority. */
    void taskState(long tNs, int cpu, String task, TaskState state, String detail);

    /** Whether events at {@code tNs} are kept (lets the model skip building a detail string). */
    boolean wants(long tNs);
}
