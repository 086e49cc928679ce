package org.rtvsim.measured;

/**
 * A quantile of a measured histogram. When {@code censored}, the rank fell among overflow samples: {@code valueUs}
 * is NaN and the true value is only known to be ≥ {@code lowerBoundUs}.
 */
public record Quantile(double p, double valueUs, boolean censored, double lowerBoundUs) {
}
