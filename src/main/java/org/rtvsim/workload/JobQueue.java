package org.rtvsim.workload;

import org.rtvsim.engine.RingIndex;

/**
 * A periodic task's released, unfinished jobs in release order: each its release time, its demand (ns)
 * and the index of the phase it belongs to. Grows as needed (no job is dropped).
 */
final class JobQueue {
    private final RingIndex ring = new RingIndex(8);
    private long[] releases = new long[8];
    private long[] demands = new long[8];
    private int[] phases = new int[8];

    int size() {
        return ring.size();
    }

    void push(long releaseNs, long demandNs, int phase) {
        if (ring.full()) {
            releases = ring.grow(releases);
            demands = ring.grow(demands);
            phases = ring.grow(phases);
            ring.grown();
        }
        int at = ring.push();
        releases[at] = releaseNs;
        demands[at] = demandNs;
        phases[at] = phase;
    }

    /** The oldest job's release time. */
    long releaseNs() {
        return releases[ring.head()];
    }

    long demandNs() {
        return demands[ring.head()];
    }

    int phase() {
        return phases[ring.head()];
    }

    /** Removes the oldest job. */
    void pop() {
        ring.pop();
    }
}
