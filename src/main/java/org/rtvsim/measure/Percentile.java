package org.rtvsim.measure;

/**
 * One percentile of a latency distribution: the value in nanoseconds below or at which
 * {@code p} percent of the samples lie.
 *
 * <p>{@code supported} is false when there were fewer than {@code 10 / (1 − p/100)} samples,
 * i.e. fewer than ten samples above the percentile: the value is then printed but flagged as
 * not supported by the data.
 */
public record Percentile(double p, long valueNs, boolean supported) {
}
