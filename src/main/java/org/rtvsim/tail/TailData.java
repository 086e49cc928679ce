package org.rtvsim.tail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.rtvsim.measure.ThreadResult;

/**
 * A weighted latency sample for {@link TailFit}: distinct values in nanoseconds with their counts
 * (a histogram bucket is its midpoint) plus right-censored groups — samples known only to be
 * {@code ≥ atNs}, such as cyclictest's overflow bucket. Immutable; values are kept sorted.
 */
public final class TailData {
    /** {@code count} samples of value {@code valueNs}. */
    public record Bin(double valueNs, long count) {
        public Bin {
            if (!(valueNs >= 0) || count < 0) {
                throw new IllegalArgumentException("bin needs a value >= 0 and a count >= 0: " + valueNs + ", " + count);
            }
        }
    }

    /** {@code count} samples known only to be at least {@code atNs} (right-censored). */
    public record Censored(double atNs, long count) {
        public Censored {
            if (!(atNs >= 0) || count < 0) {
                throw new IllegalArgumentException("censored group needs a value >= 0 and a count >= 0: " + atNs
                        + ", " + count);
            }
        }
    }

    private final double[] values;
    private final long[] counts;
    private final List<Censored> censored;
    private final long total;

    private TailData(List<Bin> bins, List<Censored> censored) {
        List<Bin> sorted = bins.stream().filter(b -> b.count() > 0)
                .sorted((a, b) -> Double.compare(a.valueNs(), b.valueNs())).toList();
        // merge equal values
        List<Bin> merged = new ArrayList<>();
        for (Bin b : sorted) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1).valueNs() == b.valueNs()) {
                Bin last = merged.remove(merged.size() - 1);
                merged.add(new Bin(b.valueNs(), last.count() + b.count()));
            } else {
                merged.add(b);
            }
        }
        values = merged.stream().mapToDouble(Bin::valueNs).toArray();
        counts = merged.stream().mapToLong(Bin::count).toArray();
        this.censored = censored.stream().filter(c -> c.count() > 0)
                .sorted((a, b) -> Double.compare(a.atNs(), b.atNs())).toList();
        total = Arrays.stream(counts).sum() + this.censored.stream().mapToLong(Censored::count).sum();
    }

    /**
     * HOOK for measured data ({@code --measured FILE}): (valueNs, count) pairs plus censored groups,
     * e.g. a cyclictest histogram (bucket midpoints) with its overflows censored at the histogram's end.
     */
    public static TailData of(List<Bin> bins, List<Censored> censored) {
        return new TailData(bins, censored);
    }

    /** Unweighted exact values (each with count 1), e.g. synthetic samples. */
    public static TailData ofValues(double... valuesNs) {
        List<Bin> bins = new ArrayList<>(valuesNs.length);
        for (double v : valuesNs) {
            bins.add(new Bin(v, 1));
        }
        return new TailData(bins, List.of());
    }

    /** The buckets of an HdrHistogram, each at the midpoint of its equivalent-value range. */
    public static TailData ofHistogram(Histogram h) {
        List<Bin> bins = new ArrayList<>();
        for (HistogramIterationValue v : h.recordedValues()) {
            long at = v.getValueIteratedTo();
            double mid = (h.lowestEquivalentValue(at) + h.highestEquivalentValue(at)) / 2.0;
            bins.add(new Bin(mid, v.getCountAtValueIteratedTo()));
        }
        return new TailData(bins, List.of());
    }

    /** All threads' samples pooled (their HdrHistograms merged). */
    public static TailData pooled(List<ThreadResult> threads) {
        if (threads.isEmpty()) {
            return new TailData(List.of(), List.of());
        }
        Histogram all = threads.get(0).hdr();
        for (int i = 1; i < threads.size(); i++) {
            all.add(threads.get(i).hdr());
        }
        return ofHistogram(all);
    }

    /** Number of samples, censored ones included. */
    public long total() {
        return total;
    }

    /** Number of distinct exactly known values. */
    public int size() {
        return values.length;
    }

    public double value(int i) {
        return values[i];
    }

    public long count(int i) {
        return counts[i];
    }

    /** Censored groups, sorted by censoring point. */
    public List<Censored> censored() {
        return censored;
    }

    /** Number of censored samples. */
    public long censoredCount() {
        return censored.stream().mapToLong(Censored::count).sum();
    }

    /** The largest exactly known value, or the largest censoring point if larger; NaN when empty. */
    public double max() {
        double m = values.length == 0 ? Double.NaN : values[values.length - 1];
        for (Censored c : censored) {
            m = Double.isNaN(m) ? c.atNs() : Math.max(m, c.atNs());
        }
        return m;
    }

    /**
     * The empirical {@code percentile} (0–100): the smallest value with at least that share of the
     * samples at or below it; censored samples rank above every known value.
     */
    public double quantile(double percentile) {
        if (total == 0) {
            return Double.NaN;
        }
        double need = percentile / 100.0 * total;
        long cum = 0;
        for (int i = 0; i < values.length; i++) {
            cum += counts[i];
            if (cum >= need) {
                return values[i];
            }
        }
        return censored.isEmpty() ? values[values.length - 1] : censored.get(0).atNs();
    }

    /** Samples strictly above {@code u} (censored groups count as above). */
    public long countAbove(double u) {
        long n = censoredCount();
        for (int i = values.length - 1; i >= 0 && values[i] > u; i--) {
            n += counts[i];
        }
        return n;
    }
}
