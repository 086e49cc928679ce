package org.rtvsim.report.charts;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.jfree.data.xy.XYSeries;
import org.rtvsim.measure.ThreadResult;

/**
 * Builds the plotted curves from result records, latencies in microseconds: histogram counts per
 * bucket and exceedance probabilities P(latency &gt; x).
 */
final class Curves {
    private Curves() {
    }

    /**
     * A thread's legend name: {@code T0 (cpu 0)}; a guest's thread keeps its guest prefix,
     * {@code rt#1/T0 (cpu 2)}, since the copies of a guest (and different guests) number their
     * threads from 0 on the same guest CPUs and a chart needs distinct series names.
     */
    static String threadName(ThreadResult t) {
        String name = t.thread().contains("/") ? t.thread() : "T" + t.index();
        return name + " (cpu " + t.cpu() + ")";
    }

    /**
     * The legend names of {@code threads}, in order: {@link #threadName}, with a second and later thread of the
     * same name (two cyclictest workloads on one CPU) told apart by its position, {@code T0 (cpu 0) #2}.
     */
    static java.util.List<String> threadNames(java.util.List<ThreadResult> threads) {
        java.util.List<String> out = new java.util.ArrayList<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (ThreadResult t : threads) {
            String n = threadName(t);
            int k = seen.merge(n, 1, Integer::sum);
            out.add(k == 1 ? n : n + " #" + k);
        }
        return out;
    }

    /**
     * The non-empty bucket counts of {@code counts} at x = bucket lower bound in µs, or the bucket
     * centre if {@code centres}; an empty bucket between two non-empty ones is a gap (null), so the
     * line breaks instead of bridging it.
     */
    static XYSeries histogram(String name, long[] counts, long bucketNs, boolean centres) {
        double shift = centres ? 0.5 : 0;
        XYSeries s = new XYSeries(name, false, true);
        int last = -2;
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] == 0) {
                continue;
            }
            if (last >= 0 && b > last + 1) {
                s.add((last + 1 + shift) * bucketNs / 1000.0, null);
            }
            s.add((b + shift) * bucketNs / 1000.0, counts[b]);
            last = b;
        }
        return s;
    }

    /** The lower bound (µs) of the bucket holding the median of {@code counts}. */
    static double medianUs(long[] counts, long bucketNs) {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        long seen = 0;
        for (int b = 0; b < counts.length; b++) {
            seen += counts[b];
            if (2 * seen >= total && total > 0) {
                return b * bucketNs / 1000.0;
            }
        }
        return 0;
    }

    /** The bucket counts of several threads summed; the threads must share a bucket layout. */
    static long[] pooledCounts(List<ThreadResult> threads) {
        int n = threads.stream().mapToInt(ThreadResult::buckets).max().orElse(0);
        long[] sum = new long[n];
        for (ThreadResult t : threads) {
            for (int b = 0; b < t.buckets(); b++) {
                sum[b] += t.count(b);
            }
        }
        return sum;
    }

    /** The HdrHistograms of several threads added together (ns). */
    static Histogram pooled(List<ThreadResult> threads) {
        Histogram h = new Histogram(3);
        for (ThreadResult t : threads) {
            h.add(t.hdr());
        }
        return h;
    }

    /**
     * P(latency &gt; x) as a step curve over x in µs, from 1 at the smallest recorded value down to
     * 1/N just before the largest, where the curve ends (it is 0 beyond, which a log axis cannot
     * show). Values are HdrHistogram bucket values (3 significant digits); above P = 10⁻² steps
     * closer than 0.5 % in x are merged (invisible at chart size), below it every step is kept.
     */
    static XYSeries ccdf(String name, Histogram h) {
        XYSeries s = new XYSeries(name, false, true);
        long total = h.getTotalCount();
        if (total == 0) {
            return s;
        }
        long below = 0;
        double drawn = 1.0;
        double lastX = -1;
        for (HistogramIterationValue v : h.recordedValues()) {
            double xUs = h.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0;
            below += v.getCountAtValueIteratedTo();
            double p = (double) (total - below) / total;
            if (p >= 1e-2 && lastX >= 0 && xUs < lastX * 1.005) {
                continue;
            }
            s.add(xUs, drawn);
            if (p > 0) {
                s.add(xUs, p);
            }
            drawn = p;
            lastX = xUs;
        }
        return s;
    }

    /** The smallest positive exceedance probability a curve over {@code samples} samples reaches. */
    static double floor(long samples) {
        return samples == 0 ? 1 : 1.0 / samples;
    }
}
