package org.rtvsim.measure;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * What one measuring (cyclictest) thread measured over a run, latencies in nanoseconds: the
 * cyclictest histogram and footer values, percentiles, and the attribution of the maximum and of
 * the tail.
 *
 * <p>{@code histogram[b]} counts samples with {@code latencyNs / bucketNs == b}; samples beyond the
 * last bucket are {@code overflows}, of which the first {@code histogram.length} cycle numbers
 * (0-based loop indices) are in {@code overflowCycles}. {@code sumUsTrunc} is the sum of the samples
 * each truncated to whole microseconds, as cyclictest sums them. {@code maxSample} and {@code tail}
 * are null when attribution was off. {@code latencyOverTime} holds the maximum per window of intended
 * wake-up time, in time order, only windows with samples. {@code batches} are the samples in consecutive batches
 * ({@link SampleBatches}: coarse histograms, not to be modified) for the percentile intervals of pooled groups.
 * {@code timerlat} is the IRQ/thread split of rtla's timerlat view (null in hand-made results).
 * Arrays and the HdrHistogram are copied in and out, so the record is immutable; use {@link #count(int)} to read
 * buckets without copying.
 */
public record ThreadResult(String thread, int index, int cpu, int priority, long intervalNs, long samples,
                           long minNs, long maxNs, long sumNs, long sumUsTrunc, long bucketNs, long[] histogram,
                           long overflows, long[] overflowCycles, List<Percentile> percentiles,
                           Attribution maxSample, TailAttribution tail, Histogram hdr,
                           List<WindowMax> latencyOverTime,
                           List<org.HdrHistogram.AbstractHistogram> batches, TimerlatStats timerlat) {

    /** A result without the timerlat view (hand-made results, tests). */
    public ThreadResult(String thread, int index, int cpu, int priority, long intervalNs, long samples,
                        long minNs, long maxNs, long sumNs, long sumUsTrunc, long bucketNs, long[] histogram,
                        long overflows, long[] overflowCycles, List<Percentile> percentiles,
                        Attribution maxSample, TailAttribution tail, Histogram hdr,
                        List<WindowMax> latencyOverTime, List<org.HdrHistogram.AbstractHistogram> batches) {
        this(thread, index, cpu, priority, intervalNs, samples, minNs, maxNs, sumNs, sumUsTrunc, bucketNs, histogram,
                overflows, overflowCycles, percentiles, maxSample, tail, hdr, latencyOverTime, batches, null);
    }

    public ThreadResult {
        histogram = histogram.clone();
        overflowCycles = overflowCycles.clone();
        percentiles = List.copyOf(percentiles);
        hdr = hdr.copy();
        latencyOverTime = List.copyOf(latencyOverTime);
        batches = List.copyOf(batches);
    }

    /** A copy of the per-bucket counts. */
    @Override
    public long[] histogram() {
        return histogram.clone();
    }

    /** A copy of the recorded overflow cycle numbers. */
    @Override
    public long[] overflowCycles() {
        return overflowCycles.clone();
    }

    /** A copy of the high-resolution histogram (ns, 3 significant digits), e.g. for pooling. */
    @Override
    public Histogram hdr() {
        return hdr.copy();
    }

    /** The number of histogram buckets (cyclictest's {@code -h N}). */
    public int buckets() {
        return histogram.length;
    }

    /** The count of bucket {@code b}, without copying the histogram. */
    public long count(int b) {
        return histogram[b];
    }

    /** Samples that went into buckets (cyclictest's {@code # Total:}), i.e. all but the overflows. */
    public long inHistogram() {
        return samples - overflows;
    }

    /** cyclictest's printed Min: the minimum in whole microseconds, truncated. */
    public long minUsTrunc() {
        return minNs / 1000;
    }

    /** cyclictest's printed Max: the maximum in whole microseconds, truncated. */
    public long maxUsTrunc() {
        return maxNs / 1000;
    }

    /**
     * cyclictest's printed Avg: {@code (long)(sum / cycles)} where the sum of truncated
     * microseconds is a C double, as in {@code print_hist()}; 0 without samples.
     */
    public long avgUsTrunc() {
        return samples == 0 ? 0 : (long) ((double) sumUsTrunc / (double) samples);
    }

    /** The exact mean in nanoseconds (0 without samples). */
    public double avgNs() {
        return samples == 0 ? 0.0 : (double) sumNs / samples;
    }
}
