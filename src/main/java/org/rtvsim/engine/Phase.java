package org.rtvsim.engine;

/**
 * The order of events that fall on the same nanosecond, mapped onto SSJ's event priority
 * (lower runs first). A latency sample's attribution window opens first, so
 * that it sees everything that happens at its intended wake-up time. Same-time order is explicit, never left to insertion accidents: a machine
 * stall begins before anything else at that instant; hardware interrupts are raised before
 * work completes; releases and wake-ups come after completions; measurement and the end of the run last.
 */
public enum Phase {
    WINDOW, STALL, INTERRUPT, COMPLETION, RELEASE, SCHEDULE, MEASURE, END;

    /** The SSJ priority value of this phase. */
    public double priority() {
        return ordinal();
    }
}
