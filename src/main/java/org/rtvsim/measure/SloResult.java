package org.rtvsim.measure;

/**
 * The outcome of a service-level objective: percentile {@code percentile} of the pooled latency
 * was {@code valueNs} against a limit of {@code limitNs} nanoseconds ({@code met} when below).
 */
public record SloResult(double percentile, long limitNs, long valueNs, boolean met) {
}
