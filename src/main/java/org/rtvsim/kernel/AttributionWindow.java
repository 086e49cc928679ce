package org.rtvsim.kernel;

/**
 * The attribution of one latency sample in progress: from the intended wake-up time until the
 * sample is taken, every nanosecond of its CPU's time is charged to the label of whatever occupied
 * the CPU (the top context's segment, or the reason supply was missing). The charges therefore add
 * up exactly to the sample. Reused for every sample of a measuring thread; no allocation once its
 * arrays have grown to the number of distinct labels seen.
 */
public final class AttributionWindow {
    private int[] ids = new int[16];
    private long[] ns = new long[16];
    private int n;
    boolean open;
    long openedNs;

    void reset(long nowNs) {
        n = 0;
        openedNs = nowNs;
    }

    /** Charges {@code d} ns to label {@code id} (the CPU does this; a workload may for time before the window opened). */
    public void charge(int id, long d) {
        if (d <= 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            if (ids[i] == id) {
                ns[i] += d;
                return;
            }
        }
        if (n == ids.length) {
            ids = java.util.Arrays.copyOf(ids, n * 2);
            ns = java.util.Arrays.copyOf(ns, n * 2);
        }
        ids[n] = id;
        ns[n++] = d;
    }

    public int[] ids() {
        return ids;
    }

    public long[] ns() {
        return ns;
    }

    public int size() {
        return n;
    }

    public boolean isOpen() {
        return open;
    }

    /** Sum of the charges so far (ns). */
    public long total() {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += ns[i];
        }
        return s;
    }
}
