package org.rtvsim.measured;

import java.util.Arrays;

/**
 * One measured latency histogram (one cyclictest thread / CPU, or a pool of them).
 *
 * <p>Bucket {@code b} counts samples with latency in {@code [b·w, (b+1)·w)} µs, {@code w = bucketWidthUs}.
 * {@code overflows} samples are censored: only known to be ≥ {@link #overflowEdgeUs()} (and ≤ {@code maxUs}
 * when the maximum is reported). {@code minUs/avgUs/maxUs} are the values the tool reported (NaN when unknown);
 * cyclictest's avg and max include the overflow samples.
 */
public record ThreadHistogram(String label, double bucketWidthUs, long[] counts, long overflows,
        double minUs, double avgUs, double maxUs) {

    public ThreadHistogram {
        counts = counts.clone();
        if (bucketWidthUs <= 0 || overflows < 0) {
            throw new IllegalArgumentException("bucket width must be > 0 and overflows ≥ 0");
        }
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    public int buckets() {
        return counts.length;
    }

    public long count(int bucket) {
        return bucket < counts.length ? counts[bucket] : 0;
    }

    /** Samples that went into buckets (cyclictest's {@code # Total}). */
    public long inHistogram() {
        long s = 0;
        for (long c : counts) {
            s += c;
        }
        return s;
    }

    /** All samples: in-histogram plus overflows (cyclictest's cycle count). */
    public long samples() {
        return inHistogram() + overflows;
    }

    /** Upper edge of the last bucket: overflow samples are ≥ this. */
    public double overflowEdgeUs() {
        return counts.length * bucketWidthUs;
    }

    public boolean censored() {
        return overflows > 0;
    }

    /** Lowest non-empty bucket's lower edge, NaN if no bucket is populated. */
    public double histogramMinUs() {
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] > 0) {
                return b * bucketWidthUs;
            }
        }
        return Double.NaN;
    }

    /** Highest non-empty bucket's lower edge, NaN if no bucket is populated. */
    public double histogramMaxUs() {
        for (int b = counts.length - 1; b >= 0; b--) {
            if (counts[b] > 0) {
                return b * bucketWidthUs;
            }
        }
        return Double.NaN;
    }

    /** Mean of the in-histogram samples using bucket lower edges (exact for cyclictest's truncated µs). */
    public double histogramMeanUs() {
        double s = 0;
        long n = 0;
        for (int b = 0; b < counts.length; b++) {
            s += counts[b] * (b * bucketWidthUs);
            n += counts[b];
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /**
     * The p-quantile over all samples (overflows included): the lower edge of the bucket holding the sample of
     * rank {@code ceil(p·n)}. If that rank falls among the overflows the result is censored (value NaN, lower bound
     * = overflow edge), except for the very last sample when the maximum is known.
     */
    public Quantile quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0,1]: " + p);
        }
        long n = samples();
        if (n == 0) {
            return new Quantile(p, Double.NaN, false, Double.NaN);
        }
        long rank = Math.max(1, (long) Math.ceil(p * n - 1e-9 * n));
        long cum = 0;
        for (int b = 0; b < counts.length; b++) {
            cum += counts[b];
            if (cum >= rank) {
                double v = b * bucketWidthUs;
                return new Quantile(p, v, false, v);
            }
        }
        if (rank == n && !Double.isNaN(maxUs)) {
            return new Quantile(p, maxUs, false, maxUs);
        }
        return new Quantile(p, Double.NaN, true, overflowEdgeUs());
    }

    public double quantileUs(double p) {
        return quantile(p).valueUs();
    }

    /**
     * Complementary CDF points {@code (x, P(latency ≥ x))} at each non-empty bucket's lower edge, then at the
     * overflow edge (the censored tail mass) and, when known and beyond the edge, at the reported max ({@code 1/n}).
     */
    public java.util.List<CcdfPoint> ccdf() {
        java.util.List<CcdfPoint> pts = new java.util.ArrayList<>();
        long n = samples();
        if (n == 0) {
            return pts;
        }
        long above = n;
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] > 0) {
                pts.add(new CcdfPoint(b * bucketWidthUs, (double) above / n, false));
                above -= counts[b];
            }
        }
        if (overflows > 0) {
            pts.add(new CcdfPoint(overflowEdgeUs(), (double) overflows / n, true));
            if (!Double.isNaN(maxUs) && maxUs > overflowEdgeUs()) {
                pts.add(new CcdfPoint(maxUs, 1.0 / n, true));
            }
        }
        return java.util.List.copyOf(pts);
    }

    /** Sums histograms of the same bucket width (shorter ones padded with zero buckets). */
    static ThreadHistogram sum(String label, java.util.List<ThreadHistogram> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to pool");
        }
        double w = parts.get(0).bucketWidthUs;
        int len = 0;
        for (ThreadHistogram t : parts) {
            if (Math.abs(t.bucketWidthUs - w) > 1e-12) {
                throw new IllegalArgumentException("cannot pool different bucket widths");
            }
            len = Math.max(len, t.counts.length);
        }
        long[] c = new long[len];
        long over = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        boolean minKnown = true;
        boolean maxKnown = true;
        for (ThreadHistogram t : parts) {
            for (int b = 0; b < t.counts.length; b++) {
                c[b] += t.counts[b];
            }
            // a shorter thread's overflows stay overflows of the pool only if beyond the pooled edge; they cannot be
            // placed into buckets, so keep them as overflows (conservative: still ≥ their own edge)
            over += t.overflows;
            if (Double.isNaN(t.minUs)) {
                minKnown = false;
            } else {
                min = Math.min(min, t.minUs);
            }
            if (Double.isNaN(t.maxUs)) {
                maxKnown = false;
            } else {
                max = Math.max(max, t.maxUs);
            }
        }
        return new ThreadHistogram(label, w, c, over, minKnown ? min : Double.NaN, Double.NaN,
                maxKnown ? max : Double.NaN);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ThreadHistogram t && label.equals(t.label) && bucketWidthUs == t.bucketWidthUs
                && Arrays.equals(counts, t.counts) && overflows == t.overflows
                && Double.compare(minUs, t.minUs) == 0 && Double.compare(avgUs, t.avgUs) == 0
                && Double.compare(maxUs, t.maxUs) == 0;
    }

    @Override
    public int hashCode() {
        return label.hashCode() * 31 + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "ThreadHistogram[" + label + ", " + counts.length + "×" + bucketWidthUs + "µs, in=" + inHistogram()
                + ", overflows=" + overflows + ", min=" + minUs + ", avg=" + avgUs + ", max=" + maxUs + "]";
    }
}
