package org.rtvsim.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/** Verdicts on constructed intervals, and the sample and replication estimates against their formulas. */
class VerdictTest {
    private static final long LIMIT = 12_000;

    @Test
    void quantile_intervalBelowAboveOrAcrossTheLimit() {
        assertEquals(Verdict.Kind.MEETS, Verdict.ofQuantile(10_000, 9_000, 11_999, LIMIT, 99.9, 30_000, 0.95).kind());
        assertEquals(Verdict.Kind.MISSES, Verdict.ofQuantile(13_000, 12_000, 14_000, LIMIT, 99.9, 30_000, 0.95).kind());
        Verdict across = Verdict.ofQuantile(11_500, 10_500, 12_300, LIMIT, 99.9, 30_000, 0.95);
        assertEquals(Verdict.Kind.INCONCLUSIVE, across.kind());
        assertTrue(across.describe(0).startsWith("inconclusive: run longer or more replications (estimated "),
                across.describe(0));
    }

    @Test
    void quantile_inconclusive_neededSamplesShrinkTheWidthToTheDistance() {
        // estimate 11.5 us, upper end 12.3 us: w = 800 ns on the limit's side, d = 500 ns; n (w/d)^2 = 30,000 x 2.56
        Verdict v = Verdict.ofQuantile(11_500, 10_500, 12_300, LIMIT, 99.9, 30_000, 0.95);
        assertEquals(76_800, v.needed());
        assertFalse(v.atLeast());
        // above the limit: w is the lower side, 13,000 - 11,000 = 2,000 over d = 1,000: 4 x
        assertEquals(40_000, Verdict.ofQuantile(13_000, 11_000, 13_500, LIMIT, 99.9, 10_000, 0.95).needed());
        // at 1,000 samples per second: 76.8 s
        assertTrue(v.describe(1000).endsWith("76,800 samples, about 1.3 min simulated)"), v.describe(1000));
    }

    @Test
    void quantile_noUpperBound_needsAtLeastTheBoundedCount() {
        Verdict v = Verdict.ofQuantile(9_000, 8_000, Double.POSITIVE_INFINITY, LIMIT, 99.99, 20_000, 0.95);
        assertEquals(Verdict.Kind.INCONCLUSIVE, v.kind());
        assertTrue(v.atLeast());
        assertEquals(Verdict.samplesForUpperBound(99.99, 0.95), v.needed());
        assertTrue(v.describe(0).contains("at least"), v.describe(0));
    }

    @Test
    void quantile_estimateOnTheLimit_noEstimate() {
        Verdict v = Verdict.ofQuantile(LIMIT, 11_000, 13_000, LIMIT, 99, 1000, 0.95);
        assertEquals(-1, v.needed());
        assertTrue(v.describe(0).contains("no run length decides it"), v.describe(0));
    }

    @Test
    void samplesForUpperBound_isTheFirstNWhoseUpperRankFits() {
        double z = Verdict.z(0.95);
        assertEquals(1.959963984540054, z, 1e-12);
        for (double p : new double[] {50, 90, 99, 99.9, 99.99, 99.999}) {
            long n = Verdict.samplesForUpperBound(p, 0.95);
            double q = p / 100;
            assertTrue(Math.ceil(n * q + z * Math.sqrt(n * q * (1 - q))) + 1 <= n, "p" + p + " n " + n);
            assertFalse(Math.ceil((n - 1) * q + z * Math.sqrt((n - 1) * q * (1 - q))) + 1 <= n - 1, "p" + p);
            // closed form: m = n(1-q) above the percentile solves m - z sqrt(m q) = 1 + rounding (0..1 more)
            double x1 = (z * Math.sqrt(q) + Math.sqrt(z * z * q + 4)) / 2;
            double x2 = (z * Math.sqrt(q) + Math.sqrt(z * z * q + 8)) / 2;
            assertTrue(n >= x1 * x1 / (1 - q) - 1 && n <= x2 * x2 / (1 - q) + 1, "p" + p + " n " + n);
        }
        // p99.99 at 95 %: m - 1.96 sqrt(m) = 1 gives m = 5.66 samples expected above it, so 56,6xx samples
        long n = Verdict.samplesForUpperBound(99.99, 0.95);
        assertTrue(n > 56_000 && n < 57_500, "n " + n);
        assertTrue(Verdict.samplesForUpperBound(99.99, 0.99) > n);
    }

    @Test
    void replications_inconclusive_estimatesTheReplicationsThatNarrowTheTInterval() {
        // 3 replications, mean 11.4 us, interval [10.5, 12.3]: s = 900 sqrt(3) / t(2); the limit is 600 ns away
        Verdict v = Verdict.ofReplications(11_400, 10_500, 12_300, LIMIT, 3, 0.95);
        assertEquals(Verdict.Kind.INCONCLUSIVE, v.kind());
        double s = 900 * Math.sqrt(3) / new TDistribution(2).inverseCumulativeProbability(0.975);
        long r = v.needed();
        assertTrue(new TDistribution(r - 1).inverseCumulativeProbability(0.975) * s / Math.sqrt(r) < 600);
        assertTrue(new TDistribution(r - 2).inverseCumulativeProbability(0.975) * s / Math.sqrt(r - 1) >= 600);
        assertTrue(v.describe(0).endsWith("(estimated " + r + " replications)"), v.describe(0));
        assertEquals(Verdict.Kind.MEETS, Verdict.ofReplications(11_000, 10_000, 11_900, LIMIT, 3, 0.95).kind());
        assertEquals(Verdict.Kind.MISSES, Verdict.ofReplications(13_000, 12_000, 14_000, LIMIT, 3, 0.95).kind());
    }

    @Test
    void value_withoutInterval_decidesOnTheValue() {
        assertEquals(Verdict.Kind.MEETS, Verdict.ofValue(11_999, LIMIT).kind());
        assertEquals(Verdict.Kind.MISSES, Verdict.ofValue(12_000, LIMIT).kind());
        assertEquals("misses", Verdict.ofQuantile(11_500, 10_500, 12_300, LIMIT, 99.9, 30_000, 0.95).missed()
                .describe(0));
    }
}
