package org.rtvsim.measure;

import java.util.List;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * A distribution-free 95 % interval for a percentile of a run: the order statistics whose ranks bracket
 * n·q with the binomial (normal-approximated) spread z·√(n·q·(1−q)), widened by the batch-means inflation
 * factor for autocorrelated samples (docs/statistics.md). The ranks are rounded outwards: lower
 * ⌊nq − h⌋, upper ⌈nq + h⌉ + 1 (Conover, Practical Nonparametric Statistics, 3rd ed., §3.2; Hahn and Meeker,
 * Statistical Intervals, §5.2). A lower rank below 1 gives the minimum; an upper rank beyond n has no
 * bound in the data ({@link #UNBOUNDED}): the interval reaches past the largest sample.
 */
public final class QuantileInterval {
    /** The two-sided 95 % normal quantile. */
    public static final double Z95 = 1.959963984540054;
    /** The confidence level of these intervals. */
    public static final double LEVEL = 0.95;
    /** An upper bound the data do not give. */
    public static final long UNBOUNDED = -1;
    /** Fewer batches than this: no inflation estimate (the samples are taken as independent). */
    static final int MIN_BATCHES = 8;

    private QuantileInterval() {
    }

    /**
     * {low, high} in ns for percentile {@code p} (in percent) of the {@code all} histogram, whose estimate is
     * {@code valueNs}; {@code batches} (may be empty) estimate the autocorrelation. {@code high} is
     * {@link #UNBOUNDED} when the upper rank exceeds the sample count.
     */
    public static long[] of(AbstractHistogram all, List<? extends AbstractHistogram> batches, double p,
                            long minNs, long maxNs, long valueNs) {
        long n = all.getTotalCount();
        if (n == 0) {
            return new long[] {UNBOUNDED, UNBOUNDED};
        }
        double q = Math.min(1, p / 100);
        double h = Z95 * Math.sqrt(n * q * (1 - q) * inflation(batches, valueNs, q));
        long lo = (long) Math.floor(n * q - h);
        long hi = (long) Math.ceil(n * q + h) + 1;
        long low = lo < 1 ? minNs : valueAtRank(all, lo, minNs, maxNs);
        long high = hi > n ? UNBOUNDED : valueAtRank(all, hi, minNs, maxNs);
        return new long[] {Math.min(low, valueNs), high == UNBOUNDED ? UNBOUNDED : Math.max(high, valueNs)};
    }

    /**
     * The batch-means inflation of the binomial variance: the variance of the fraction of samples at or below
     * {@code valueNs}, estimated from the batches' fractions (ratio estimator over unequal batch sizes), over
     * its value for independent samples, q(1−q)/N; at least 1, and 1 with fewer than {@value #MIN_BATCHES}
     * batches.
     */
    static double inflation(List<? extends AbstractHistogram> batches, long valueNs, double q) {
        int b = 0;
        double total = 0;
        double below = 0;
        for (AbstractHistogram h : batches) {
            long nb = h.getTotalCount();
            if (nb > 0) {
                b++;
                total += nb;
                below += h.getCountBetweenValues(0, valueNs);
            }
        }
        if (b < MIN_BATCHES || q <= 0 || q >= 1) {
            return 1;
        }
        double f = below / total;
        double ss = 0;
        for (AbstractHistogram h : batches) {
            long nb = h.getTotalCount();
            if (nb > 0) {
                double d = h.getCountBetweenValues(0, valueNs) - f * nb;
                ss += d * d;
            }
        }
        double varBatch = b / (b - 1.0) * ss / (total * total);
        double varIid = q * (1 - q) / total;
        return Math.max(1, varBatch / varIid);
    }

    /** The r-th smallest sample (1-based), as HdrHistogram reports a value: its bucket's top, within [min, max]. */
    static long valueAtRank(AbstractHistogram h, long r, long minNs, long maxNs) {
        long cum = 0;
        for (HistogramIterationValue v : h.recordedValues()) {
            cum += v.getCountAtValueIteratedTo();
            if (cum >= r) {
                return Math.max(minNs, Math.min(maxNs, h.highestEquivalentValue(v.getValueIteratedTo())));
            }
        }
        return maxNs;
    }
}
