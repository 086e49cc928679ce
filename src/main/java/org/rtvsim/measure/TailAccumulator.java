package org.rtvsim.measure;

import java.util.Arrays;

/**
 * Nanoseconds per blame id summed per latency class ({@link LatencyClasses}), with the sample
 * count of each class, so that the attribution of the distribution's tail can be read at the end
 * without keeping samples.
 *
 * <p>Memory is allocated lazily: the class arrays on the first sample, a class's row of sums on
 * the first sample in that class, and a row grows only when a new blame id appears in it.
 */
final class TailAccumulator {
    private final BlameRegistry blames;
    private long[] counts;
    private long[][] nsByClass;

    TailAccumulator(BlameRegistry blames) {
        this.blames = blames;
    }

    /** Adds one sample of {@code latencyNs} whose attribution is the first {@code n} (id, ns) pairs. */
    void add(long latencyNs, int[] blameIds, long[] blameNs, int n) {
        if (counts == null) {
            counts = new long[LatencyClasses.COUNT];
            nsByClass = new long[LatencyClasses.COUNT][];
        }
        int c = LatencyClasses.of(latencyNs);
        counts[c]++;
        long[] row = nsByClass[c];
        for (int i = 0; i < n; i++) {
            int id = blameIds[i];
            if (row == null || id >= row.length) {
                row = grow(c, id);
            }
            row[id] += blameNs[i];
        }
    }

    private long[] grow(int c, int id) {
        int length = Math.max(id + 1, blames.size());
        long[] row = nsByClass[c] == null ? new long[length] : Arrays.copyOf(nsByClass[c], length);
        nsByClass[c] = row;
        return row;
    }

    /**
     * The attribution summed over the class holding percentile {@code p} and every class above it.
     */
    TailAttribution result(double p) {
        long total = 0;
        if (counts != null) {
            for (long k : counts) {
                total += k;
            }
        }
        if (total == 0) {
            return new TailAttribution(p, 0, 0, 0, java.util.List.of());
        }
        long rank = Percentiles.rank(total, p);
        long cumulative = 0;
        int first = 0;
        while (cumulative + counts[first] < rank) {
            cumulative += counts[first];
            first++;
        }
        long[] sum = new long[blames.size()];
        for (int c = first; c < LatencyClasses.COUNT; c++) {
            long[] row = nsByClass[c];
            if (row != null) {
                for (int id = 0; id < row.length; id++) {
                    sum[id] += row[id];
                }
            }
        }
        long totalNs = 0;
        for (long v : sum) {
            totalNs += v;
        }
        return new TailAttribution(p, LatencyClasses.lowerBoundNs(first), total - cumulative, totalNs,
                Attribution.components(sum, sum.length, blames));
    }
}
