package org.rtvsim.measure;

/**
 * One percentile of a latency distribution: the value in nanoseconds below or at which
 * {@code p} percent of the samples lie.
 *
 * <p>{@code supported} is false when there were fewer than {@code 10 / (1 − p/100)} samples,
 * i.e. fewer than ten samples above the percentile: the value is then printed but flagged as
 * not supported by the data.
 *
 * <p>{@code ciLowNs}..{@code ciHighNs} is its distribution-free 95 % interval ({@link QuantileInterval});
 * {@code ciHighNs} is {@link QuantileInterval#UNBOUNDED} when the data give no upper bound, and both are
 * {@code UNBOUNDED} when no interval was computed.
 */
public record Percentile(double p, long valueNs, boolean supported, long ciLowNs, long ciHighNs) {

    /** A percentile without an interval. */
    public Percentile(double p, long valueNs, boolean supported) {
        this(p, valueNs, supported, QuantileInterval.UNBOUNDED, QuantileInterval.UNBOUNDED);
    }

    /** Whether an interval was computed. */
    public boolean hasInterval() {
        return ciLowNs != QuantileInterval.UNBOUNDED;
    }
}
