package org.rtvsim.measure;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Exact counts of latencies truncated to whole microseconds ({@code latencyNs / 1000}), as rtla's
 * timerlat and osnoise histograms bin them, so that any {@code --bucket-size}/{@code --entries} can be
 * printed after the run. Values below {@value #DENSE_US} µs are counted in an array that grows to the
 * largest value seen (8 bytes per µs); rarer larger ones in a sorted map, so memory stays bounded by the
 * number of distinct large values, not by simulated time.
 *
 * <p>Mutable while a recorder adds to it; {@link #copy()} gives the snapshot a result keeps.
 */
public final class MicrosecondCounts {
    /** Microsecond values below this are counted densely (65.5 ms; 512 KiB at most). */
    static final int DENSE_US = 1 << 16;

    private long[] dense = new long[64];
    private final TreeMap<Long, Long> sparse = new TreeMap<>();
    private long total;

    /** Counts one latency of {@code ns} nanoseconds (truncated to µs). */
    public void addNs(long ns) {
        long us = ns / 1000;
        if (us < DENSE_US) {
            if (us >= dense.length) {
                dense = Arrays.copyOf(dense, (int) Math.min(DENSE_US, Math.max(us + 1, 2L * dense.length)));
            }
            dense[(int) us]++;
        } else {
            sparse.merge(us, 1L, Long::sum);
        }
        total++;
    }

    /** All values counted. */
    public long total() {
        return total;
    }

    /** The number of values of exactly {@code us} microseconds. */
    public long count(long us) {
        if (us < 0) {
            return 0;
        }
        if (us < dense.length) {
            return dense[(int) us];
        }
        return us < DENSE_US ? 0 : sparse.getOrDefault(us, 0L);
    }

    /**
     * rtla's histogram: {@code entries + 1} counts, bucket {@code b < entries} holding values with
     * {@code us / bucketSizeUs == b}, the last one the values beyond ({@code hist[entries]}, rtla's "over:").
     */
    public long[] buckets(int bucketSizeUs, int entries) {
        if (bucketSizeUs <= 0 || entries <= 0) {
            throw new IllegalArgumentException("bucket size and entries must be positive");
        }
        long[] out = new long[entries + 1];
        for (int us = 0; us < dense.length; us++) {
            if (dense[us] != 0) {
                out[(int) Math.min(entries, us / bucketSizeUs)] += dense[us];
            }
        }
        for (Map.Entry<Long, Long> e : sparse.entrySet()) {
            out[(int) Math.min(entries, e.getKey() / bucketSizeUs)] += e.getValue();
        }
        return out;
    }

    /**
     * The smallest value, the largest and their sum, each value first rounded down to a multiple of
     * {@code bucketSizeUs} (as rtla osnoise hist reads its values back from the kernel's bucketed
     * {@code duration.buckets=} histogram); zeros when nothing was counted.
     */
    public long[] bucketedMinMaxSum(int bucketSizeUs) {
        if (bucketSizeUs <= 0) {
            throw new IllegalArgumentException("bucket size must be positive");
        }
        long min = Long.MAX_VALUE;
        long max = 0;
        long sum = 0;
        for (int us = 0; us < dense.length; us++) {
            if (dense[us] != 0) {
                long v = (long) us / bucketSizeUs * bucketSizeUs;
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v * dense[us];
            }
        }
        for (Map.Entry<Long, Long> e : sparse.entrySet()) {
            long v = e.getKey() / bucketSizeUs * bucketSizeUs;
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v * e.getValue();
        }
        return total == 0 ? new long[3] : new long[] {min, max, sum};
    }

    /** Equal counts of equal values (however the dense array has grown). */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MicrosecondCounts m) || m.total != total || !m.sparse.equals(sparse)) {
            return false;
        }
        for (int us = 0; us < Math.max(dense.length, m.dense.length); us++) {
            if (count(us) != m.count(us)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(total) * 31 + sparse.hashCode();
    }

    /** An independent copy. */
    public MicrosecondCounts copy() {
        MicrosecondCounts c = new MicrosecondCounts();
        c.dense = dense.clone();
        c.sparse.putAll(sparse);
        c.total = total;
        return c;
    }
}
