package org.rtvsim.kernel;

/** Scheduler state of a task. */
public enum TaskState {
    /** On a run queue, waiting for its CPU. */
    RUNNABLE,
    /** Current task of its CPU (possibly interrupted or switching in). */
    RUNNING,
    /** Waiting for its hrtimer (clock_nanosleep). */
    SLEEPING,
    /** Waiting to be woken by someone else. */
    BLOCKED
}
