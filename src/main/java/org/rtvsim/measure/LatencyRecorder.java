package org.rtvsim.measure;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * Records the wakeup latencies of one measuring thread (one cyclictest thread) in nanoseconds,
 * in memory that does not grow with simulated time.
 *
 * <p>It keeps what cyclictest keeps ({@code -h N}: N buckets of {@code bucketNs}, overflow count
 * and the cycle numbers of the first N overflows, min, max, sum) plus an HdrHistogram in ns with
 * 3 significant digits for percentiles and, when attribution is on, the attribution of the maximum
 * sample and the nanoseconds per blame label per latency class for the tail, and the maximum per
 * window of intended wake-up time ({@link WindowMax}, at most 512 windows that widen as the run
 * goes on) for a latency-over-time view.
 *
 * <p>The simulator calls {@link #record} once per wakeup; it does not allocate except when a new
 * blame id, a longer attribution list or a new latency class first appears. Not thread-safe.
 *
 * @see <a href="https://git.kernel.org/pub/scm/utils/rt-tests/rt-tests.git/tree/src/cyclictest/cyclictest.c">cyclictest.c</a>
 */
public final class LatencyRecorder {
    private final String threadName;
    private final int threadIndex;
    private final int cpu;
    private final int priority;
    private final long intervalNs;
    private final long bucketNs;
    private final int buckets;
    private final boolean attribution;
    private final BlameRegistry blames;

    private final long[] histogram;
    private long[] overflowCycles = new long[16];
    private long overflows;
    private long samples;
    private long minNs;
    private long maxNs;
    private long sumNs;
    private long sumUsTrunc;
    private final Histogram hdr = new Histogram(3);
    private final SampleBatches batches = new SampleBatches();

    private int[] maxIds = new int[8];
    private long[] maxParts = new long[8];
    private int maxCount;
    private final TailAccumulator tail;
    private final LatencyOverTime overTime;

    // the timerlat view (TimerlatStats): IRQ latency per sample, both latencies per truncated microsecond
    private final MicrosecondCounts irqUs = new MicrosecondCounts();
    private final MicrosecondCounts threadUs = new MicrosecondCounts();
    private long irqCount;
    private long irqCurNs;
    private long irqMinNs;
    private long irqMaxNs;
    private long irqSumUs;
    private long threadCurNs;
    private long maxIrqNs = -1;
    private long maxCallbackNs;
    private int[] maxPreIds = new int[8];
    private long[] maxPreParts = new long[8];
    private int maxPreCount;
    private SampleSink sink;

    public LatencyRecorder(String threadName, int threadIndex, int cpu, int priority, long intervalNs,
                           long bucketNs, int buckets, boolean attribution, BlameRegistry blames) {
        if (bucketNs <= 0) {
            throw new IllegalArgumentException("bucketNs must be positive, got " + bucketNs);
        }
        if (buckets <= 0) {
            throw new IllegalArgumentException("buckets must be positive, got " + buckets);
        }
        this.threadName = Objects.requireNonNull(threadName, "threadName");
        this.threadIndex = threadIndex;
        this.cpu = cpu;
        this.priority = priority;
        this.intervalNs = intervalNs;
        this.bucketNs = bucketNs;
        this.buckets = buckets;
        this.attribution = attribution;
        this.blames = Objects.requireNonNull(blames, "blames");
        this.histogram = new long[buckets];
        this.tail = attribution ? new TailAccumulator(blames) : null;
        this.overTime = new LatencyOverTime(blames);
    }

    /** The measuring thread's wake-up interval in ns (0 when it has none). */
    public long intervalNs() {
        return intervalNs;
    }

    /**
     * Records one sample as {@link #record(long, long, long, int[], long[], int)} does, taking its
     * intended wake-up time to be {@code cycle × intervalNs}.
     */
    public void record(long latencyNs, long cycle, int[] blameIds, long[] blameNs, int n) {
        record(latencyNs, cycle, cycle * intervalNs, blameIds, blameNs, n);
    }

    /**
     * Records one sample of {@code latencyNs} taken at loop index {@code cycle} (0-based) whose
     * intended wake-up time was {@code intendedNs} (simulated time), and whose attribution is the
     * first {@code n} pairs ({@code blameIds[i]}, {@code blameNs[i]}).
     *
     * @throws IllegalStateException if attribution is on (or {@code n > 0}) and the pairs do not
     *         sum exactly to {@code latencyNs}: a broken model invariant
     * @throws IllegalArgumentException if {@code latencyNs} is negative
     */
    public void record(long latencyNs, long cycle, long intendedNs, int[] blameIds, long[] blameNs, int n) {
        record(latencyNs, cycle, intendedNs, blameIds, blameNs, n, -1, 0, blameIds, blameNs, 0);
    }

    /**
     * Records one sample as {@link #record(long, long, long, int[], long[], int)} does, with its split at the
     * wake-up for the timerlat view ({@link TimerlatStats}): {@code irqNs} from the intended time until the
     * thread's hrtimer callback started (negative: no wake-up was observed, the thread never slept),
     * {@code callbackNs} the callback's own time, and the first {@code preN} pairs ({@code preIds[i]},
     * {@code preNs[i]}) the attribution of the sample up to the callback's end.
     */
    public void record(long latencyNs, long cycle, long intendedNs, int[] blameIds, long[] blameNs, int n,
                       long irqNs, long callbackNs, int[] preIds, long[] preNs, int preN) {
        if (latencyNs < 0) {
            throw new IllegalArgumentException(threadName + ": negative latency " + latencyNs + " ns at cycle " + cycle);
        }
        if (attribution || n > 0) {
            long attributed = 0;
            for (int i = 0; i < n; i++) {
                attributed += blameNs[i];
            }
            if (attributed != latencyNs) {
                throw new IllegalStateException(threadName + " cycle " + cycle + ": attribution sums to "
                        + attributed + " ns but the latency is " + latencyNs + " ns");
            }
        }
        long bucket = latencyNs / bucketNs;
        if (bucket < buckets) {
            histogram[(int) bucket]++;
        } else {
            rememberOverflow(cycle);
        }
        if (samples == 0 || latencyNs < minNs) {
            minNs = latencyNs;
        }
        boolean newMax = samples == 0 || latencyNs > maxNs;
        if (newMax) {
            maxNs = latencyNs;
        }
        samples++;
        sumNs += latencyNs;
        sumUsTrunc += latencyNs / 1000;
        hdr.recordValue(latencyNs);
        batches.record(latencyNs);
        if (attribution) {
            if (newMax) {
                copyMaxAttribution(blameIds, blameNs, n);
            }
            tail.add(latencyNs, blameIds, blameNs, n);
        }
        overTime.add(latencyNs, intendedNs, blameIds, blameNs, attribution ? n : 0);
        threadUs.addNs(latencyNs);
        threadCurNs = latencyNs;
        if (irqNs >= 0) {
            if (irqCount == 0 || irqNs < irqMinNs) {
                irqMinNs = irqNs;
            }
            irqMaxNs = Math.max(irqMaxNs, irqNs);
            irqCount++;
            irqSumUs += irqNs / 1000;
            irqCurNs = irqNs;
            irqUs.addNs(irqNs);
        }
        if (newMax) {
            maxIrqNs = irqNs;
            maxCallbackNs = callbackNs;
            if (preN > maxPreIds.length) {
                maxPreIds = Arrays.copyOf(maxPreIds, Math.max(preN, 2 * maxPreIds.length));
                maxPreParts = Arrays.copyOf(maxPreParts, maxPreIds.length);
            }
            System.arraycopy(preIds, 0, maxPreIds, 0, preN);
            System.arraycopy(preNs, 0, maxPreParts, 0, preN);
            maxPreCount = preN;
        }
        if (sink != null) {
            sink.sample(threadName, cpu, intendedNs, latencyNs, irqNs, attribution ? topLabel(blameIds, blameNs, n) : null);
        }
    }

    /** Sends every sample recorded from now on to {@code sink} as well (null: none). */
    public void sampleSink(SampleSink sink) {
        this.sink = sink;
    }

    /** The label of the largest of the first {@code n} pairs; of equal ones, the label that sorts first. */
    private String topLabel(int[] ids, long[] ns, int n) {
        String best = null;
        long bestNs = -1;
        for (int i = 0; i < n; i++) {
            String label = blames.label(ids[i]);
            if (ns[i] > bestNs || ns[i] == bestNs && label.compareTo(best) < 0) {
                best = label;
                bestNs = ns[i];
            }
        }
        return best;
    }

    private void rememberOverflow(long cycle) {
        if (overflows < buckets) {
            if (overflows == overflowCycles.length) {
                overflowCycles = Arrays.copyOf(overflowCycles, (int) Math.min(buckets, 2L * overflowCycles.length));
            }
            overflowCycles[(int) overflows] = cycle;
        }
        overflows++;
    }

    private void copyMaxAttribution(int[] blameIds, long[] blameNs, int n) {
        if (n > maxIds.length) {
            maxIds = Arrays.copyOf(maxIds, Math.max(n, 2 * maxIds.length));
            maxParts = Arrays.copyOf(maxParts, maxIds.length);
        }
        System.arraycopy(blameIds, 0, maxIds, 0, n);
        System.arraycopy(blameNs, 0, maxParts, 0, n);
        maxCount = n;
    }

    /** Samples recorded so far. */
    public long samples() {
        return samples;
    }

    /**
     * The immutable result: the given percentiles (in percent, e.g. 99.99) and, when attribution is
     * on, the tail attribution over the samples at or above percentile {@code tailPercentile}.
     */
    public ThreadResult result(List<Double> percentiles, double tailPercentile) {
        Attribution max = null;
        TailAttribution tailResult = null;
        if (attribution) {
            long[] byId = new long[blames.size()];
            for (int i = 0; i < maxCount; i++) {
                byId[maxIds[i]] += maxParts[i];
            }
            max = new Attribution(maxNs, Attribution.components(byId, byId.length, blames));
            tailResult = tail.result(tailPercentile);
        }
        TimerlatStats.MaxSplit split = null;
        if (attribution && samples > 0) {
            long[] before = new long[blames.size()];
            long[] after = new long[blames.size()];
            for (int i = 0; i < maxCount; i++) {
                after[maxIds[i]] += maxParts[i];
            }
            for (int i = 0; i < maxPreCount; i++) {
                before[maxPreIds[i]] += maxPreParts[i];
                after[maxPreIds[i]] -= maxPreParts[i];
            }
            long beforeNs = 0;
            for (long b : before) {
                beforeNs += b;
            }
            split = new TimerlatStats.MaxSplit(maxNs, maxIrqNs, maxCallbackNs,
                    new Attribution(beforeNs, Attribution.components(before, before.length, blames)),
                    new Attribution(maxNs - beforeNs, Attribution.components(after, after.length, blames)));
        }
        TimerlatStats timerlat = new TimerlatStats(irqCount, irqCurNs, irqMinNs, irqMaxNs, irqSumUs, threadCurNs,
                irqUs, threadUs, split);
        long listed = Math.min(overflows, buckets);
        List<org.HdrHistogram.AbstractHistogram> sampleBatches = batches.snapshot();
        return new ThreadResult(threadName, threadIndex, cpu, priority, intervalNs, samples, minNs, maxNs,
                sumNs, sumUsTrunc, bucketNs, histogram, overflows, Arrays.copyOf(overflowCycles, (int) listed),
                Percentiles.of(hdr, percentiles, minNs, maxNs, sampleBatches), max, tailResult, hdr,
                overTime.result(), sampleBatches, timerlat);
    }
}
