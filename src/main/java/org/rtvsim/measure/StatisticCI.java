package org.rtvsim.measure;

/**
 * One latency statistic of a replicated experiment, in nanoseconds: its value over the samples of all
 * replications pooled, and a Student-t confidence interval for its mean over the replications.
 *
 * <p>{@code name} is {@code min}, {@code avg}, {@code max} or a percentile name such as {@code p99.99}
 * (then {@code p} is the percentile, else {@code p} is NaN). {@code valuesNs[r]} is the statistic of
 * replication r alone; {@code meanNs} their mean; {@code [lowNs, highNs]} the interval at the result's
 * confidence level, NaN when fewer than two replications had samples ({@code n} counts those).
 * {@code supported} says whether the pooled samples support the percentile (ten samples above it),
 * {@code supportedEach} whether every replication's own samples do; both are true for min, avg, max.
 * {@code pooledLowNs}..{@code pooledHighNs} is a percentile's distribution-free 95 % interval over the pooled
 * samples ({@link QuantileInterval}: order statistics, batch means over every thread's and replication's
 * batches); {@code pooledHighNs} is {@link QuantileInterval#UNBOUNDED} when the data give no upper bound, and
 * both are NaN for min, avg, max.
 */
public record StatisticCI(String name, double p, double pooledNs, double meanNs, double lowNs, double highNs, int n,
                          boolean supported, boolean supportedEach, double[] valuesNs, double pooledLowNs,
                          double pooledHighNs) {
    public StatisticCI {
        valuesNs = valuesNs.clone();
    }

    /** A copy of the per-replication values in nanoseconds. */
    @Override
    public double[] valuesNs() {
        return valuesNs.clone();
    }

    /** Whether there is an interval (at least two replications with samples). */
    public boolean hasInterval() {
        return !Double.isNaN(lowNs);
    }

    /** Half the interval's width in nanoseconds (NaN without an interval). */
    public double halfWidthNs() {
        return (highNs - lowNs) / 2;
    }
}
