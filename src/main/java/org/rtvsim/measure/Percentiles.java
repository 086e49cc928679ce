package org.rtvsim.measure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Percentile arithmetic on sample counts, done in decimal so that {@code p = 99.9} means exactly
 * 99.9 % (binary floating point would make {@code 0.999 × 1000} round up to the 1000th sample).
 */
public final class Percentiles {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Percentiles() {
    }

    /** The 1-based rank of the sample at percentile {@code p}: ⌈p/100 · samples⌉, at least 1. */
    public static long rank(long samples, double p) {
        check(p);
        long r = BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(samples))
                .divide(HUNDRED, 0, RoundingMode.CEILING).longValueExact();
        return Math.max(1, Math.min(samples, r));
    }

    /** How many samples lie above percentile {@code p}: ⌊(1 − p/100) · samples⌋. */
    public static long samplesAbove(long samples, double p) {
        check(p);
        return HUNDRED.subtract(BigDecimal.valueOf(p)).multiply(BigDecimal.valueOf(samples))
                .divide(HUNDRED, 0, RoundingMode.FLOOR).longValueExact();
    }

    /**
     * Whether {@code samples} support an estimate of percentile {@code p}: at least
     * {@code 10 / (1 − p/100)} samples, i.e. ten samples above it. {@code p = 100} (the maximum)
     * is supported by any non-empty sample.
     */
    public static boolean supported(long samples, double p) {
        check(p);
        if (p >= 100) {
            return samples > 0;
        }
        // samples >= 10 / (1 - p/100)  <=>  samples * (100 - p) >= 1000
        return HUNDRED.subtract(BigDecimal.valueOf(p)).multiply(BigDecimal.valueOf(samples))
                .compareTo(BigDecimal.valueOf(1000)) >= 0;
    }

    /**
     * The requested percentiles of an HdrHistogram in nanoseconds, each clamped to the exact
     * {@code [minNs, maxNs]} (HdrHistogram reports the top of a 0.1 %-wide bucket otherwise).
     */
    public static List<Percentile> of(Histogram hdr, List<Double> percentiles, long minNs, long maxNs) {
        return of(hdr, percentiles, minNs, maxNs, List.of());
    }

    /**
     * As {@link #of(Histogram, List, long, long)}, each with its 95 % interval ({@link QuantileInterval}), the
     * samples' autocorrelation estimated from {@code batches} (consecutive batches of the same samples; empty:
     * the samples are taken as independent).
     */
    public static List<Percentile> of(Histogram hdr, List<Double> percentiles, long minNs, long maxNs,
                                      List<? extends org.HdrHistogram.AbstractHistogram> batches) {
        long n = hdr.getTotalCount();
        List<Percentile> out = new ArrayList<>(percentiles.size());
        for (double p : percentiles) {
            check(p);
            if (n == 0) {
                out.add(new Percentile(p, 0, false));
                continue;
            }
            long v = Math.max(minNs, Math.min(maxNs, hdr.getValueAtPercentile(p)));
            long[] ci = QuantileInterval.of(hdr, batches, p, minNs, maxNs, v);
            out.add(new Percentile(p, v, supported(n, p), ci[0], ci[1]));
        }
        return List.copyOf(out);
    }

    /** The name of percentile {@code p}: {@code p99.99}, {@code p50} (no trailing zeros). */
    public static String name(double p) {
        return "p" + BigDecimal.valueOf(p).stripTrailingZeros().toPlainString();
    }

    private static void check(double p) {
        if (!(p > 0 && p <= 100)) {
            throw new IllegalArgumentException("percentile " + p + " is outside (0, 100]");
        }
    }
}
