package org.rtvsim.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Coverage of the single-run percentile intervals ({@link QuantileInterval}) over many seeds, on samples whose
 * true quantile is known: independent exponential samples (the binomial order-statistic interval alone must
 * cover in about 95 % of runs), and the same values each repeated in runs of 20 consecutive samples, as
 * autocorrelated latencies come (the independent-sample interval then covers far less often; batch means
 * must bring it back near 95 %).
 */
class QuantileIntervalTest {
    private static final int SEEDS = 400;
    private static final double MEAN_NS = 10_000;

    /** The run's samples: exponential, each value repeated {@code run} times. */
    private static long[] samples(long seed, int n, int run) {
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] out = new long[n];
        for (int i = 0; i < n; i += run) {
            long v = (long) (-MEAN_NS * Math.log(1 - rnd.nextDouble()));
            for (int j = i; j < Math.min(n, i + run); j++) {
                out[j] = v;
            }
        }
        return out;
    }

    /** The fraction of seeds whose interval for percentile {@code p} covers the true quantile. */
    private static double coverage(double p, int n, int run, boolean batches) {
        double truth = -MEAN_NS * Math.log(1 - p / 100);
        int covered = 0;
        for (int s = 0; s < SEEDS; s++) {
            Histogram all = new Histogram(3);
            SampleBatches b = new SampleBatches();
            long min = Long.MAX_VALUE;
            long max = 0;
            for (long v : samples(s, n, run)) {
                all.recordValue(v);
                b.record(v);
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            Percentile pc = Percentiles.of(all, List.of(p), min, max, batches ? b.snapshot() : List.of()).get(0);
            assertTrue(pc.ciLowNs() <= pc.valueNs(), "low " + pc.ciLowNs() + " > value " + pc.valueNs());
            assertTrue(pc.ciHighNs() == QuantileInterval.UNBOUNDED || pc.ciHighNs() >= pc.valueNs(), pc.toString());
            assertTrue(pc.ciLowNs() >= min, pc.toString());
            boolean high = pc.ciHighNs() == QuantileInterval.UNBOUNDED || pc.ciHighNs() >= truth;
            // HdrHistogram reports a bucket's top (3 significant digits): allow that resolution below
            if (pc.ciLowNs() <= truth * 1.001 && high) {
                covered++;
            }
        }
        return (double) covered / SEEDS;
    }

    @Test
    void independentSamples_cover95PercentOfTheTime() {
        for (double p : new double[] {50, 99, 99.9}) {
            double c = coverage(p, 20_000, 1, true);
            assertTrue(c >= 0.90 && c <= 0.99, "p" + p + ": coverage " + c);
        }
    }

    @Test
    void autocorrelatedSamples_batchMeansRestoreTheCoverage() {
        double naive = coverage(99, 20_000, 20, false);
        double batched = coverage(99, 20_000, 20, true);
        assertTrue(naive < 0.6, "the independent-sample interval undercovers: " + naive);
        assertTrue(batched >= 0.85 && batched <= 0.99, "with batch means: " + batched);
    }

    @Test
    void beyondTheLargestSample_theUpperBoundIsNotClaimed() {
        Histogram all = new Histogram(3);
        for (long v = 1; v <= 1000; v++) {
            all.recordValue(v * 1000);
        }
        Percentile p = Percentiles.of(all, List.of(99.99), 1000, 1_000_000, List.of()).get(0);
        assertEquals(QuantileInterval.UNBOUNDED, p.ciHighNs());
        assertTrue(p.ciLowNs() > 990_000 && p.ciLowNs() <= 1_000_000, p.toString());
    }

    @Test
    void batches_stayBounded_andKeepEverySample() {
        SampleBatches b = new SampleBatches();
        for (long i = 0; i < 1_000_003; i++) {
            b.record(i % 977);
        }
        List<org.HdrHistogram.AbstractHistogram> s = b.snapshot();
        assertTrue(s.size() >= SampleBatches.MAX / 2 && s.size() <= SampleBatches.MAX + 1, "batches " + s.size());
        assertEquals(1_000_003, s.stream().mapToLong(org.HdrHistogram.AbstractHistogram::getTotalCount).sum());
    }
}
