package org.rtvsim.hw;

/**
 * Watches a {@link PhysicalCpu}'s machine stalls without driving the CPU (unlike the one
 * {@link SupplyListener}): told when the CPU enters a stall and when it leaves the last one.
 * Observers only record; they must not change the simulation.
 */
public interface StallObserver {

    /** The CPU stopped now (first of possibly overlapping stalls), charged to {@code blame}. */
    void stallBegan(int blame);

    /** The CPU's last overlapping stall ended now. */
    void stallEnded();
}
