package org.rtvsim.kernel;

/**
 * A cycle in the wait-for graph: every task in it waits for a lock held by the next. Stops the run;
 * the message names the tasks and locks of the cycle.
 */
public final class DeadlockException extends RuntimeException {
    private final long atNs;

    DeadlockException(String cycle, long atNs) {
        super("deadlock at " + atNs + " ns: " + cycle, null, false, false);
        this.atNs = atNs;
    }

    /** Simulated time (ns) at which the cycle closed. */
    public long atNs() {
        return atNs;
    }
}
