package org.rtvsim.measured;

import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.rtvsim.measure.ThreadResult;

/**
 * A latency distribution as cyclictest observes it, in µs: samples in buckets of {@code bucketWidthUs}
 * (bucket {@code b} holds latencies in {@code [b·w, (b+1)·w)}, as cyclictest's truncation to whole µs puts
 * them), read as a piecewise-linear CDF — the samples of a bucket spread evenly over it — so quantiles
 * move continuously with the counts instead of jumping from bucket to bucket.
 *
 * <p>Overflow samples are right-censored: only known to be ≥ {@link #censoredFromUs()}, so the CDF is known
 * up to that edge and {@link #quantileUs(double)} is NaN for a probability whose rank falls among them.
 * Simulated distributions are built with the same bucket width ({@link #ofSimulated}) so both sides go
 * through the same observation process (a true 5.9 µs reads as bucket 5 on both).
 *
 * <p>Worked example: counts {@code {0, 0, 1, 2, 1}} (w = 1 µs, n = 4): F(2) = 0, F(3) = 0.25, F(4) = 0.75,
 * F(5) = 1, so the median is 3 + (0.5 − 0.25) / 0.5 = 3.5 µs and p90 is 4 + 0.15 / 0.25 = 4.6 µs.
 */
public final class LatencyCdf {
    /** The most buckets a simulated distribution is spread over; beyond, samples count as censored. */
    static final int MAX_BUCKETS = 2_000_000;

    private final String label;
    private final double bucketWidthUs;
    /** Cumulative counts at the bucket edges: {@code cum[b]} samples are below {@code b·w}. */
    private final long[] cum;
    private final long samples;
    private final long overflows;
    private final double maxUs;

    private LatencyCdf(String label, double bucketWidthUs, long[] counts, long overflows, double maxUs) {
        if (!(bucketWidthUs > 0) || overflows < 0) {
            throw new IllegalArgumentException("bucket width must be > 0 and overflows ≥ 0");
        }
        this.label = label;
        this.bucketWidthUs = bucketWidthUs;
        this.cum = new long[counts.length + 1];
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] < 0) {
                throw new IllegalArgumentException("negative count in bucket " + b);
            }
            cum[b + 1] = cum[b] + counts[b];
        }
        this.overflows = overflows;
        this.samples = cum[counts.length] + overflows;
        this.maxUs = maxUs;
    }

    /** A measured histogram (one thread, or a pool): its buckets, overflows censored at its last edge. */
    public static LatencyCdf of(ThreadHistogram h) {
        double max = Double.isNaN(h.maxUs()) ? h.histogramMaxUs() : h.maxUs();
        return new LatencyCdf(h.label(), h.bucketWidthUs(), h.counts(), h.overflows(), max);
    }

    /** Buckets of {@code bucketWidthUs}, {@code overflows} censored beyond the last one, max NaN if unknown. */
    public static LatencyCdf ofBuckets(String label, double bucketWidthUs, long[] counts, long overflows,
            double maxUs) {
        return new LatencyCdf(label, bucketWidthUs, counts, overflows, maxUs);
    }

    /**
     * Simulated latencies (an HdrHistogram in ns) observed like cyclictest: each recorded value truncated into
     * a bucket of {@code bucketWidthUs}. Nothing is censored unless the tail is beyond {@link #MAX_BUCKETS}.
     */
    public static LatencyCdf ofSimulated(String label, Histogram hdrNs, double bucketWidthUs, long maxNs) {
        double wNs = bucketWidthUs * 1000;
        int n = (int) Math.min(MAX_BUCKETS, (long) Math.floor(hdrNs.getMaxValue() / wNs) + 1);
        long[] counts = new long[n];
        long over = 0;
        for (HistogramIterationValue v : hdrNs.recordedValues()) {
            long b = (long) Math.floor(hdrNs.medianEquivalentValue(v.getValueIteratedTo()) / wNs);
            if (b < n) {
                counts[(int) b] += v.getCountAtValueIteratedTo();
            } else {
                over += v.getCountAtValueIteratedTo();
            }
        }
        return new LatencyCdf(label, bucketWidthUs, counts, over, maxNs / 1000.0);
    }

    /** Pools simulated threads into one distribution (their HdrHistograms, exact maximum). */
    public static LatencyCdf ofThreads(String label, List<ThreadResult> threads, double bucketWidthUs) {
        Histogram pooled = new Histogram(3);
        long max = 0;
        for (ThreadResult t : threads) {
            pooled.add(t.hdr());
            max = Math.max(max, t.maxNs());
        }
        return ofSimulated(label, pooled, bucketWidthUs, max);
    }

    public String label() {
        return label;
    }

    public double bucketWidthUs() {
        return bucketWidthUs;
    }

    /** All samples, overflows included. */
    public long samples() {
        return samples;
    }

    public long overflows() {
        return overflows;
    }

    /** The edge beyond which samples are censored; +∞ when none are. */
    public double censoredFromUs() {
        return overflows == 0 ? Double.POSITIVE_INFINITY : (cum.length - 1) * bucketWidthUs;
    }

    /** The largest sample in µs as reported (NaN if unknown). */
    public double maxUs() {
        return maxUs;
    }

    /** P(latency &lt; x) for x up to the censoring edge (beyond it: the known part only). */
    public double cdf(double xUs) {
        if (samples == 0) {
            return Double.NaN;
        }
        double pos = xUs / bucketWidthUs;
        int last = cum.length - 1;
        if (pos <= 0) {
            return 0;
        }
        if (pos >= last) {
            return (double) cum[last] / samples;
        }
        int b = (int) Math.floor(pos);
        double frac = pos - b;
        return (cum[b] + frac * (cum[b + 1] - cum[b])) / samples;
    }

    /** P(latency ≥ x), the CCDF. */
    public double ccdf(double xUs) {
        return 1 - cdf(xUs);
    }

    /**
     * The p-quantile in µs, interpolated linearly within its bucket; NaN when the rank {@code p·n} falls among
     * censored samples. p = 0 gives the lower edge of the first non-empty bucket, p = 1 the upper edge of the
     * last one.
     */
    public double quantileUs(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0,1]: " + p);
        }
        int last = cum.length - 1;
        if (samples == 0 || cum[last] == 0) {
            return Double.NaN;
        }
        double rank = p * samples;
        if (rank > cum[last] + 1e-9 * samples) {
            return Double.NaN;
        }
        if (rank <= 0) {
            int b = 0;
            while (cum[b + 1] == 0) {
                b++;
            }
            return b * bucketWidthUs;
        }
        // first edge index e with cum[e] >= rank: the quantile lies in bucket e-1
        int e = Arrays.binarySearch(cum, (long) Math.ceil(rank - 1e-9 * samples));
        if (e < 0) {
            e = -e - 1;
        } else {
            while (e > 0 && cum[e - 1] == cum[e]) {
                e--;
            }
        }
        e = Math.max(1, Math.min(e, last));
        int b = e - 1;
        long inBucket = cum[e] - cum[b];
        double frac = inBucket == 0 ? 1 : Math.min(1, Math.max(0, (rank - cum[b]) / inBucket));
        return (b + frac) * bucketWidthUs;
    }

    /** CCDF points (x, P(latency ≥ x)) at each non-empty bucket's lower edge, for charts. */
    public double[][] ccdfPoints() {
        int last = cum.length - 1;
        int k = 0;
        double[] xs = new double[last + 2];
        double[] ps = new double[last + 2];
        for (int b = 0; b < last; b++) {
            if (cum[b + 1] > cum[b]) {
                xs[k] = b * bucketWidthUs;
                ps[k++] = (double) (samples - cum[b]) / samples;
            }
        }
        if (overflows > 0) {
            xs[k] = censoredFromUs();
            ps[k++] = (double) overflows / samples;
        }
        return new double[][] {Arrays.copyOf(xs, k), Arrays.copyOf(ps, k)};
    }

    @Override
    public String toString() {
        return "LatencyCdf[" + label + ", " + samples + " samples, " + overflows + " censored from "
                + censoredFromUs() + " us]";
    }
}
