package org.rtvsim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.rtvsim.measured.LatencyCdf;

/** Distances between hand-made histograms whose values can be worked out on paper. */
class DistancesTest {

    private static LatencyCdf cdf(double w, long[] counts, long overflows) {
        return LatencyCdf.ofBuckets("h", w, counts, overflows, Double.NaN);
    }

    @Test
    void quantile_interpolatesWithinBuckets() {
        // F(2)=0, F(3)=1/4, F(4)=3/4, F(5)=1
        LatencyCdf c = cdf(1, new long[] {0, 0, 1, 2, 1}, 0);
        assertEquals(3.5, c.quantileUs(0.5), 1e-12);
        assertEquals(4.6, c.quantileUs(0.9), 1e-12);
        assertEquals(2.0, c.quantileUs(0), 1e-12);
        assertEquals(5.0, c.quantileUs(1), 1e-12);
        assertEquals(0.5, c.cdf(3.5), 1e-12);
        assertEquals(0.0625, c.ccdf(4.75), 1e-12); // 1 − (3 + 0.75·1)/4
    }

    @Test
    void quantile_amongOverflows_isCensored() {
        // 4 samples in [1,3), 1 overflow: F(3) = 0.8 is the last known point
        LatencyCdf c = cdf(1, new long[] {0, 2, 2}, 1);
        assertEquals(3.0, c.censoredFromUs());
        assertEquals(3.0, c.quantileUs(0.8), 1e-12);
        assertTrue(Double.isNaN(c.quantileUs(0.9)));
    }

    @Test
    void simulated_isTruncatedIntoMicrosecondBuckets() {
        Histogram h = new Histogram(3);
        h.recordValueWithCount(5_900, 3);
        h.recordValue(7_100);
        LatencyCdf c = LatencyCdf.ofSimulated("sim", h, 1.0, 7_100);
        // buckets 5: 3 samples, 7: 1 sample → median at 5 + 2/3
        assertEquals(5 + 2.0 / 3, c.quantileUs(0.5), 1e-9);
        assertEquals(4, c.samples());
        assertEquals(7.1, c.maxUs(), 1e-9);
    }

    @Test
    void shiftByOneBucket_givesOneMicrosecondQuantileErrors() {
        LatencyCdf m = cdf(1, new long[] {0, 0, 1, 2, 1}, 0);
        LatencyCdf s = cdf(1, new long[] {0, 0, 0, 1, 2, 1}, 0);
        Distances d = Distances.between(m, s);
        assertEquals("p50", d.quantiles().get(0).name());
        assertEquals(3.5, d.quantiles().get(0).measuredUs(), 1e-12);
        assertEquals(1.0, d.quantiles().get(0).errorUs(), 1e-12);
        assertEquals(1.0, d.quantiles().get(1).errorUs(), 1e-12);
        assertFalse(d.quantiles().get(4).supported()); // p99.99 of 4 samples
    }

    @Test
    void ks_isTheLargestCdfGap() {
        // F_m: 0 at 1, 1/2 at 2, 1 at 3; F_s: 0 at 2, 1/2 at 3, 1 at 4 → largest gap 1/2 (at 2 and at 3)
        assertEquals(0.5, Distances.ks(cdf(1, new long[] {0, 2, 2}, 0), cdf(1, new long[] {0, 0, 2, 2}, 0)), 1e-12);
        assertEquals(1.0, Distances.ks(cdf(1, new long[] {0, 4}, 0), cdf(1, new long[] {0, 0, 4}, 0)), 1e-12);
    }

    @Test
    void tailLog_ofADistributionTwiceAsLate_isLn2() {
        // measured uniform on [10, 20), simulated uniform on [20, 40): every quantile doubles
        LatencyCdf m = cdf(10, new long[] {0, 1000}, 0);
        LatencyCdf s = cdf(20, new long[] {0, 1000}, 0);
        Distances d = Distances.between(m, s);
        assertEquals(Math.log(2), d.tailLogRms(), 1e-12);
        assertEquals(Math.log(2) * Math.log(2), d.objective(), 1e-12);
        assertEquals(1.0, d.ks(), 1e-12); // F_m(20) = 1, F_s(20) = 0
        assertEquals(15.0, d.quantiles().get(0).measuredUs(), 1e-12);
        assertEquals(15.0, d.quantiles().get(0).errorUs(), 1e-12);
        assertEquals(1.0, d.quantiles().get(0).relative(), 1e-12);
        // 1/2 to 10/1000 is log10(50) = 1.70 decades at 20 levels per decade: 34 steps, 35 levels
        assertEquals(35, d.tailLevels());
        assertEquals(1e-2, d.tailRarestExceedance(), 1e-15);
    }

    @Test
    void censoredTail_isConsistentWhenTheSimulationExceedsTheEdge() {
        // measured: 90 samples in [10, 11), 10 overflows (≥ 11 µs)
        long[] mc = new long[11];
        mc[10] = 90;
        LatencyCdf m = cdf(1, mc, 10);
        long[] above = new long[31];
        above[10] = 90;
        above[30] = 10;
        Distances same = Distances.between(m, cdf(1, above, 0));
        assertEquals(0, same.tailLogRms(), 1e-12);
        assertEquals(0, same.ks(), 1e-12);
        Distances.QuantileError p99 = same.quantiles().get(2);
        assertTrue(p99.censored());
        assertEquals(11.0, p99.measuredUs());
        assertEquals(0.0, p99.errorUs());
        // the same 10 samples below the edge contradict the measurement: a positive distance
        long[] below = new long[11];
        below[10] = 100;
        Distances short_ = Distances.between(m, cdf(1, below, 0));
        assertTrue(short_.tailLogRms() > 0);
        assertTrue(short_.quantiles().get(2).errorUs() < 0);
        assertEquals(0.1, short_.ks(), 1e-12); // F_m(11) = 0.9, F_s(11) = 1
    }

    @Test
    void max_comparesTruncatedMicroseconds() {
        LatencyCdf m = LatencyCdf.ofBuckets("m", 1, new long[] {0, 1}, 0, 27);
        LatencyCdf s = LatencyCdf.ofBuckets("s", 1, new long[] {0, 1}, 0, 30.9);
        assertEquals(3.0, Distances.maxError(m, s).errorUs(), 1e-12);
    }
}
