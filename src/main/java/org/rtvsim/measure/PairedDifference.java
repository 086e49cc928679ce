package org.rtvsim.measure;

/**
 * The paired difference of one statistic between a variant and the baseline, in nanoseconds:
 * {@code meanNs} is the mean over replications r of (variant_r − baseline_r), with its Student-t
 * interval {@code [lowNs, highNs]} (NaN with fewer than two pairs). Pairing replication r with
 * replication r is what makes common random numbers pay: shared components drew the same numbers.
 * {@code significant} when the interval excludes 0.
 */
public record PairedDifference(String name, double meanNs, double lowNs, double highNs, int n, boolean significant) {
    /** Half the interval's width in nanoseconds (NaN without an interval). */
    public double halfWidthNs() {
        return (highNs - lowNs) / 2;
    }
}
