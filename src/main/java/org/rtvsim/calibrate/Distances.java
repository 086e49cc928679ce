package org.rtvsim.calibrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rtvsim.measured.LatencyCdf;

/**
 * How far a simulated latency distribution is from a measured one, latencies in µs: quantile errors at
 * p50/p90/p99/p99.9/p99.99 and at the maximum, the Kolmogorov–Smirnov distance, and the tail-weighted log
 * distance {@link #tailLogRms()}, whose square {@link #objective()} is what {@code rtvsim calibrate} minimises.
 *
 * <p><b>Tail-weighted log distance.</b> Over exceedance levels q = 10^(−u) spaced evenly in u — 20 per
 * decade — from q = 1/2 (the median) down to q = 10/N, N the smaller sample count of the two (the rarest level
 * with ten samples beyond it on both sides: rarer quantiles rest on a handful of samples and are mostly noise;
 * the maximum is reported apart), it averages the squared log-ratio of the quantiles, ln Q_meas(1−q) − ln Q_sim(1−q) (trapezoid
 * rule in u). Evenly spaced in u means weight 1/(1−p) in p: each decade of rarity (p90, p99, p99.9, …) counts
 * as much as the bulk; the log makes an error of 10 % at 5 µs count as much as 10 % at 500 µs. Latencies
 * below half a bucket are floored there (log 0). Where the measured quantile is censored (its rank falls among
 * overflows, known only ≥ edge), the level adds max(0, ln edge − ln Q_sim)²: a simulation that also exceeds
 * the edge there is consistent with the measurement.
 *
 * <p>The Kolmogorov–Smirnov distance is the largest |F_meas(x) − F_sim(x)| for x up to the censoring edge
 * (both CDFs are piecewise linear, so the largest gap is at a bucket edge of one of them).
 *
 * @see <a href="../../../../../docs/calibration.md">docs/calibration.md</a> for why the objective is the tail
 *     distance and not KS or fixed quantiles
 */
public record Distances(List<QuantileError> quantiles, QuantileError max, double ks, double tailLogRms,
        int tailLevels, double tailRarestExceedance) {

    /** The quantiles reported, in percent. */
    public static final double[] PERCENTS = {50, 90, 99, 99.9, 99.99};
    /** Samples that must lie beyond the rarest level of the tail distance on both sides. */
    static final double MIN_BEYOND = 10;
    /** Exceedance levels per decade of the tail distance. */
    static final int LEVELS_PER_DECADE = 20;

    public Distances {
        quantiles = List.copyOf(quantiles);
    }

    /**
     * The measured and simulated value at one quantile (µs). {@code errorUs} = simulated − measured; when the
     * measured value is {@code censored} (only ≥ {@code measuredUs}, the overflow edge) it is min(0, sim − edge).
     * {@code supported} is false when either side has fewer than 10 samples beyond the quantile.
     */
    public record QuantileError(String name, double p, double measuredUs, double simulatedUs, double errorUs,
            boolean censored, boolean supported) {

        /** The error relative to the measured value (NaN when censored or 0). */
        public double relative() {
            return censored || measuredUs == 0 ? Double.NaN : errorUs / measuredUs;
        }
    }

    /** The calibration objective: the mean squared tail-weighted log-ratio, {@code tailLogRms²}. */
    public double objective() {
        return tailLogRms * tailLogRms;
    }

    /** All distances between {@code measured} and {@code simulated}. */
    public static Distances between(LatencyCdf measured, LatencyCdf simulated) {
        if (measured.samples() == 0 || simulated.samples() == 0) {
            throw new IllegalArgumentException("no samples to compare (" + measured + ", " + simulated + ")");
        }
        List<QuantileError> qs = new ArrayList<>();
        for (double pc : PERCENTS) {
            qs.add(quantileError(name(pc), pc / 100, measured, simulated));
        }
        double n = Math.min(measured.samples(), simulated.samples());
        double rarest = Math.min(0.5, MIN_BEYOND / n);
        return new Distances(qs, maxError(measured, simulated), ks(measured, simulated),
                Math.sqrt(tailMeanSquare(measured, simulated, rarest)), levels(rarest), rarest);
    }

    static QuantileError quantileError(String name, double p, LatencyCdf m, LatencyCdf s) {
        double mv = m.quantileUs(p);
        double sv = s.quantileUs(p);
        boolean supported = (1 - p) * m.samples() >= 10 && (1 - p) * s.samples() >= 10;
        if (Double.isNaN(mv)) {
            double edge = m.censoredFromUs();
            return new QuantileError(name, p, edge, sv, Math.min(0, sv - edge), true, supported);
        }
        return new QuantileError(name, p, mv, sv, sv - mv, false, supported);
    }

    /** The maxima as cyclictest prints them (whole µs, truncated) on both sides. */
    static QuantileError maxError(LatencyCdf m, LatencyCdf s) {
        double mv = Math.floor(m.maxUs());
        double sv = Math.floor(s.maxUs());
        return new QuantileError("max", 1, mv, sv, sv - mv, false, true);
    }

    /** sup |F_m − F_s| over the bucket edges of both, up to the measured censoring edge. */
    static double ks(LatencyCdf m, LatencyCdf s) {
        double edge = Math.min(m.censoredFromUs(), s.censoredFromUs());
        double lo = Math.min(lowest(m), lowest(s));
        double hi = Math.min(edge, Math.max(upper(m), upper(s)));
        double d = 0;
        for (LatencyCdf c : m.bucketWidthUs() == s.bucketWidthUs() ? new LatencyCdf[] {m} : new LatencyCdf[] {m, s}) {
            double w = c.bucketWidthUs();
            for (long b = (long) Math.floor(lo / w); b * w <= hi + 1e-9; b++) {
                d = Math.max(d, Math.abs(m.cdf(b * w) - s.cdf(b * w)));
            }
        }
        return d;
    }

    private static double lowest(LatencyCdf c) {
        double q = c.quantileUs(0);
        return Double.isNaN(q) ? 0 : q;
    }

    private static double upper(LatencyCdf c) {
        double q = c.quantileUs(Math.min(1, 1 - (double) c.overflows() / c.samples()));
        return Double.isNaN(q) ? c.censoredFromUs() : q;
    }

    static int levels(double rarest) {
        double span = Math.log10(0.5) - Math.log10(rarest);
        return Math.max(1, (int) Math.ceil(span * LEVELS_PER_DECADE)) + 1;
    }

    /** The trapezoid mean over u = −log10 q of the squared log-ratio, q from 1/2 to {@code rarest}. */
    static double tailMeanSquare(LatencyCdf m, LatencyCdf s, double rarest) {
        int k = levels(rarest);
        if (k == 1) {
            return squaredLogRatio(m, s, 0.5);
        }
        double u0 = -Math.log10(0.5);
        double u1 = -Math.log10(rarest);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double q = Math.pow(10, -(u0 + (u1 - u0) * i / (k - 1)));
            double w = i == 0 || i == k - 1 ? 0.5 : 1;
            sum += w * squaredLogRatio(m, s, q);
        }
        return sum / (k - 1);
    }

    /** The squared log-ratio of the quantiles at exceedance {@code q}, censoring-aware. */
    static double squaredLogRatio(LatencyCdf m, LatencyCdf s, double q) {
        double p = 1 - q;
        double floor = Math.min(m.bucketWidthUs(), s.bucketWidthUs()) / 2;
        double sv = s.quantileUs(p);
        double mv = m.quantileUs(p);
        if (Double.isNaN(sv)) { // the simulation's own tail beyond its range: at least its edge
            sv = s.censoredFromUs();
        }
        double ls = Math.log(Math.max(sv, floor));
        if (Double.isNaN(mv)) {
            double d = Math.max(0, Math.log(m.censoredFromUs()) - ls);
            return d * d;
        }
        double d = Math.log(Math.max(mv, floor)) - ls;
        return d * d;
    }

    /** {@code p50}, {@code p99.9}, … */
    static String name(double percent) {
        return "p" + (percent == Math.rint(percent) ? String.valueOf((long) percent)
                : String.format(Locale.ROOT, "%s", percent));
    }
}
