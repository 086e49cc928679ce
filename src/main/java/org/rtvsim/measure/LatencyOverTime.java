package org.rtvsim.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the maximum latency (ns) per window of intended wake-up time, in at most {@link #WINDOWS}
 * windows whatever the simulated duration.
 *
 * <p>Windows start at the first recorded sample's intended time and are {@link #FIRST_WIDTH_NS}
 * wide; when a sample falls beyond the last window, adjacent pairs merge (the larger maximum wins,
 * the earlier one on ties) and the width doubles, as often as needed. A window's label is the
 * largest attribution component of its maximum sample, summed over repeated ids; it is computed
 * only when a sample becomes its window's maximum. Not thread-safe.
 */
final class LatencyOverTime {
    /** The most windows kept. */
    static final int WINDOWS = 512;
    /** The width of the windows before any merge: 10 ms. */
    static final long FIRST_WIDTH_NS = 10_000_000L;

    private final BlameRegistry blames;
    private final long[] maxNs = new long[WINDOWS];
    private final long[] atNs = new long[WINDOWS];
    private final int[] labelIds = new int[WINDOWS];
    private long[] scratch = new long[8];
    private long originNs = Long.MIN_VALUE;
    private long widthNs = FIRST_WIDTH_NS;
    private int used;

    LatencyOverTime(BlameRegistry blames) {
        this.blames = blames;
        java.util.Arrays.fill(maxNs, -1);
    }

    /** Adds a sample of {@code latencyNs} intended at {@code intendedNs}, with its first {@code n} (id, ns) pairs. */
    void add(long latencyNs, long intendedNs, int[] blameIds, long[] blameNs, int n) {
        if (originNs == Long.MIN_VALUE) {
            originNs = intendedNs;
        }
        long offset = Math.max(0, intendedNs - originNs);
        while (offset / widthNs >= WINDOWS) {
            mergePairs();
        }
        int w = (int) (offset / widthNs);
        used = Math.max(used, w + 1);
        if (latencyNs > maxNs[w]) {
            maxNs[w] = latencyNs;
            atNs[w] = intendedNs;
            labelIds[w] = largest(blameIds, blameNs, n);
        }
    }

    private void mergePairs() {
        int half = (used + 1) / 2;
        for (int i = 0; i < half; i++) {
            int a = 2 * i;
            int b = a + 1;
            int keep = b < used && maxNs[b] > maxNs[a] ? b : a;
            maxNs[i] = maxNs[keep];
            atNs[i] = atNs[keep];
            labelIds[i] = labelIds[keep];
        }
        java.util.Arrays.fill(maxNs, half, WINDOWS, -1);
        used = half;
        widthNs *= 2;
    }

    /** The id of the largest component (ties: the label sorting first), or -1 without pairs. */
    private int largest(int[] blameIds, long[] blameNs, int n) {
        if (n == 0) {
            return -1;
        }
        for (int i = 0; i < n; i++) {
            if (blameIds[i] >= scratch.length) {
                scratch = java.util.Arrays.copyOf(scratch, Math.max(blameIds[i] + 1, 2 * scratch.length));
            }
            scratch[blameIds[i]] += blameNs[i];
        }
        int best = -1;
        for (int i = 0; i < n; i++) {
            int id = blameIds[i];
            if (best < 0 || scratch[id] > scratch[best]
                    || scratch[id] == scratch[best] && blames.label(id).compareTo(blames.label(best)) < 0) {
                best = id;
            }
        }
        for (int i = 0; i < n; i++) {
            scratch[blameIds[i]] = 0;
        }
        return best;
    }

    /** The windows that hold at least one sample, in time order. */
    List<WindowMax> result() {
        List<WindowMax> out = new ArrayList<>();
        for (int w = 0; w < used; w++) {
            if (maxNs[w] >= 0) {
                String label = labelIds[w] < 0 ? null : blames.label(labelIds[w]);
                out.add(new WindowMax(originNs + w * widthNs, widthNs, maxNs[w], atNs[w], label));
            }
        }
        return out;
    }
}
