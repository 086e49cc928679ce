package org.rtvsim.measured;

import java.util.List;

/**
 * Measured latency histograms read from one file: one {@link ThreadHistogram} per cyclictest thread (or per CPU
 * for rtla's {@code Thr-NNN} columns). For {@code rtla timerlat hist} the IRQ columns are kept apart in
 * {@link #irqThreads()} and are not part of {@link #pooled()}.
 */
public final class MeasuredHistogram {

    /** Input formats {@link MeasuredReader} recognises. */
    public enum Format {
        CYCLICTEST_HISTOGRAM, CYCLICTEST_VERBOSE, CYCLICTEST_JSON, RTLA_TIMERLAT_HIST, CSV, XENOMAI_LATENCY
    }

    private final String source;
    private final Format format;
    private final List<ThreadHistogram> threads;
    private final List<ThreadHistogram> irqThreads;
    private final boolean overflowsKnown;

    /**
     * @param overflowsKnown false when the file carries no overflow information (e.g. a CSV without footer): the
     *     overflow counts are then 0 but samples beyond the last bucket may have been dropped
     */
    public MeasuredHistogram(String source, Format format, List<ThreadHistogram> threads,
            List<ThreadHistogram> irqThreads, boolean overflowsKnown) {
        this.overflowsKnown = overflowsKnown;
        if (threads.isEmpty()) {
            throw new IllegalArgumentException("no thread histograms");
        }
        this.source = source;
        this.format = format;
        this.threads = List.copyOf(threads);
        this.irqThreads = List.copyOf(irqThreads);
    }

    public String source() {
        return source;
    }

    /** Whether the file reported overflow counts (otherwise samples past the last bucket may be missing). */
    public boolean overflowsKnown() {
        return overflowsKnown;
    }

    public Format format() {
        return format;
    }

    public List<ThreadHistogram> threads() {
        return threads;
    }

    public ThreadHistogram thread(int i) {
        return threads.get(i);
    }

    /** rtla timerlat IRQ-context columns; empty for other formats. */
    public List<ThreadHistogram> irqThreads() {
        return irqThreads;
    }

    /** All threads summed (min = min of mins, max = max of maxima; avg is not reported for the pool). */
    public ThreadHistogram pooled() {
        return threads.size() == 1 ? threads.get(0) : ThreadHistogram.sum("pooled", threads);
    }

    /** All samples of all threads, overflows included. */
    public long samples() {
        long s = 0;
        for (ThreadHistogram t : threads) {
            s += t.samples();
        }
        return s;
    }

    public long overflows() {
        long s = 0;
        for (ThreadHistogram t : threads) {
            s += t.overflows();
        }
        return s;
    }

    public boolean censored() {
        return overflows() > 0;
    }

    /** Pooled p-quantile in µs; NaN when the rank falls among the (censored) overflows. */
    public double quantileUs(double p) {
        return pooled().quantileUs(p);
    }

    /** Pooled p-quantile with its censoring flag. */
    public Quantile quantile(double p) {
        return pooled().quantile(p);
    }

    /** Pooled CCDF points. */
    public List<CcdfPoint> ccdf() {
        return pooled().ccdf();
    }

    @Override
    public String toString() {
        return "MeasuredHistogram[" + source + ", " + format + ", threads=" + threads.size() + ", samples="
                + samples() + ", overflows=" + overflows() + "]";
    }
}
