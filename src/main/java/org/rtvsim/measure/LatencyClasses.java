package org.rtvsim.measure;

/**
 * Log-linear latency classes in nanoseconds, each at most 1/64 (1.6 %) of its lower bound wide
 * from 64 ns up to 2^40 ns (about 1100 s), used to group samples for tail attribution.
 *
 * <p>Below 64 ns each nanosecond is its own class. From 2^k ns (k ≥ 6) each power-of-two range
 * [2^k, 2^(k+1)) is split into 64 equal classes of width 2^(k−6) ns, as HdrHistogram's sub-buckets
 * are. Values at or above 2^40 ns all fall in the top class.
 */
final class LatencyClasses {
    static final int SUB_BITS = 6;
    static final int SUB = 1 << SUB_BITS;
    static final int TOP_EXPONENT = 40;
    /** Number of classes: 64 exact ones, then 64 per power of two from 2^6 to 2^39. */
    static final int COUNT = SUB + (TOP_EXPONENT - SUB_BITS) * SUB;

    private LatencyClasses() {
    }

    /** The class holding a latency of {@code ns} (negative values are rejected by callers). */
    static int of(long ns) {
        if (ns < SUB) {
            return (int) ns;
        }
        int k = 63 - Long.numberOfLeadingZeros(ns);
        if (k >= TOP_EXPONENT) {
            return COUNT - 1;
        }
        int sub = (int) (ns >>> (k - SUB_BITS)) - SUB;
        return SUB + (k - SUB_BITS) * SUB + sub;
    }

    /** The smallest latency in nanoseconds that falls in class {@code c}. */
    static long lowerBoundNs(int c) {
        if (c < SUB) {
            return c;
        }
        int k = SUB_BITS + (c - SUB) / SUB;
        long sub = (c - SUB) % SUB;
        return (SUB + sub) << (k - SUB_BITS);
    }
}
