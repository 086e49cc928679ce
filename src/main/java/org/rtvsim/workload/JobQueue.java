package org.rtvsim.workload;

/**
 * A periodic task's released, unfinished jobs in release order: each its release time, its demand (ns)
 * and the index of the phase it belongs to. Grows as needed (no job is dropped).
 */
final class JobQueue {
    private long[] releases = new long[8];
    private long[] demands = new long[8];
    private int[] phases = new int[8];
    private int head;
    private int count;

    int size() {
        return count;
    }

    void push(long releaseNs, long demandNs, int phase) {
        if (count == releases.length) {
            long[] r = new long[count * 2];
            long[] d = new long[count * 2];
            int[] p = new int[count * 2];
            for (int i = 0; i < count; i++) {
                r[i] = releases[(head + i) % releases.length];
                d[i] = demands[(head + i) % releases.length];
                p[i] = phases[(head + i) % releases.length];
            }
            releases = r;
            demands = d;
            phases = p;
            head = 0;
        }
        int at = (head + count++) % releases.length;
        releases[at] = releaseNs;
        demands[at] = demandNs;
        phases[at] = phase;
    }

    /** The oldest job's release time. */
    long releaseNs() {
        return releases[head];
    }

    long demandNs() {
        return demands[head];
    }

    int phase() {
        return phases[head];
    }

    /** Removes the oldest job. */
    void pop() {
        head = (head + 1) % releases.length;
        count--;
    }
}
