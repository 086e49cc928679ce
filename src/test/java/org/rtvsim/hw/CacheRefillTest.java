package org.rtvsim.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.rtvsim.engine.StreamRegistry;

/**
 * The refill as a random variable: binomial evicted lines, a DRAM latency with an exponential queueing
 * delay, bursty neighbours, and the private L2 that CAT does not partition.
 */
class CacheRefillTest {
    private static final long MIB = 1L << 20;
    private static final long LOW = Cache.allWays(6);
    private static final long HIGH = Cache.allWays(20) & ~LOW;

    /** CPU 0 uses all ways; CPU 1 (CAT) ways 0-5 only. 30 MiB, 20 ways, 200 lines, mlp 2, L2 256 KiB, hit 20 ns. */
    private static Cache cache(long seed) {
        return new Cache(30 * MIB, 20, new long[] {Cache.allWays(20), LOW}, 85, 200, 2, 256 << 10, 20, 0,
                new StreamRegistry(seed, 0));
    }

    @Test
    void binomial_byInversion_hasTheExactPmf() {
        int n = 200;
        for (double p : new double[] {0.03, 0.3, 0.5, 0.8, 0.999}) {
            int grid = 400_000;
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < grid; i++) {
                int k = Cache.binomial(n, p, (i + 0.5) / grid);
                mean += k;
                sq += (double) k * k;
            }
            mean /= grid;
            double var = sq / grid - mean * mean;
            assertEquals(n * p, mean, 1e-3 * n, "mean, p=" + p);
            assertEquals(n * p * (1 - p), var, 0.01 * n * p * (1 - p) + 1e-3, "variance, p=" + p);
        }
        assertEquals(0, Cache.binomial(200, 0, 0.7));
        assertEquals(200, Cache.binomial(200, 1, 0.7));
    }

    @Test
    void refill_hasTheMeanAndVarianceOfBinomialLinesTimesTheLoadedLatency() {
        // 20 GB/s all the time over 30 MiB, 1 ms asleep: a line is evicted with q = 1 - exp(-20e6 / S).
        // DRAM lines X ~ Bin(200, q); latency L = 85 + m·Exp(1), m = 14·20/68 ns; refill = X·L / 2,
        // X and L independent: E = E[X]E[L]/2, E[R²] = E[X²]E[L²]/4.
        Cache c = cache(7);
        c.addStreamer(Cache.allWays(20), 20e9);
        Object task = new Object();
        double q = 1 - Math.exp(-20e9 * 1e-3 / (30.0 * MIB));
        double m = 14.0 * 20 / 68;
        double ex = 200 * q;
        double ex2 = 200 * q * (1 - q) + ex * ex;
        double el = 85 + m;
        double el2 = 85.0 * 85 + 2 * 85 * m + 2 * m * m;
        double mean = ex * el / 2;
        double var = ex2 * el2 / 4 - mean * mean;
        int draws = 40_000;
        double s = 0;
        double s2 = 0;
        for (int i = 1; i <= draws; i++) {
            long now = i * 2_000_000L;
            double r = c.refillNs(0, task, now - 1_000_000, now);
            s += r;
            s2 += r * r;
        }
        double mu = s / draws;
        double v = s2 / draws - mu * mu;
        assertEquals(mean, mu, 4 * Math.sqrt(var / draws) + 0.5, "mean refill (ns)");
        assertEquals(var, v, 0.05 * var, "variance of the refill (ns²)");
        // not a constant: the spread is that of the binomial and the queueing delay
        assertTrue(Math.sqrt(v) > 100, "sd " + Math.sqrt(v));
    }

    @Test
    void burstyNeighbour_longSleepsCostMore_shortSleepsOnlySometimes() {
        // 60 GB/s in bursts of mean 1 ms, on half the time. A 100 µs sleep is often entirely off;
        // a 20 ms sleep practically never is.
        Cache c = cache(3);
        c.addStreamer(Cache.allWays(20), 60e9, 0.5, 1_000_000, "test.hog");
        Object task = new Object();
        int draws = 4000;
        double shortSum = 0;
        double longSum = 0;
        int shortZero = 0;
        int longZero = 0;
        for (int i = 1; i <= draws; i++) {
            long now = i * 50_000_000L;
            long rs = c.refillNs(0, task, now - 20_000_000 - 100_000, now - 20_000_000);
            long rl = c.refillNs(0, task, now - 20_000_000, now);
            shortSum += rs;
            longSum += rl;
            shortZero += rs == 0 ? 1 : 0;
            longZero += rl == 0 ? 1 : 0;
        }
        assertTrue(longSum > 2 * shortSum, "long " + longSum / draws + " vs short " + shortSum / draws);
        // at least P(off for the whole 100 µs) = 0.5 · exp(-0.1) ≈ 0.45, at most 1 − P(on throughout) ≈ 0.55
        // (100 µs on evicts 6 MB of 30 MiB: no line surviving is certain)
        double zero = (double) shortZero / draws;
        assertTrue(zero > 0.5 * Math.exp(-0.1) - 0.03 && zero < 1 - 0.5 * Math.exp(-0.1) + 0.03,
                "short sleeps without a refill: " + zero);
        assertTrue(longZero < draws / 100, "long sleeps without a refill: " + longZero);
        assertTrue(shortSum > 0, "a short sleep sometimes pays");
    }

    @Test
    void streamer_isOnItsDutyOfTheTime_andTheSameForTheSameSeed() {
        Cache a = cache(5);
        Cache b = cache(5);
        CacheStreamer sa = a.addStreamer(HIGH, 1e9, 0.3, 2_000_000, "test.hog");
        CacheStreamer sb = b.addStreamer(HIGH, 1e9, 0.3, 2_000_000, "test.hog");
        long horizon = 60_000_000_000L; // 60 s: 9000 bursts, more than the history kept
        double on = 0;
        long step = 7_777_777;
        for (long t = 0; t < horizon; t += step) { // simulated time only moves forward
            assertEquals(sa.onAt(t), sb.onAt(t));
            assertEquals(sa.nextSwitchAfter(t), sb.nextSwitchAfter(t));
            on += sa.onNs(t, t + step);
        }
        assertEquals(0.3, on / horizon, 0.02);
        long t = horizon - 5_000_000;
        assertEquals(sa.onNs(t, horizon), sb.onNs(t, horizon), 0.0);
        assertTrue(sa.nextSwitchAfter(t) > t);
    }

    @Test
    void cat_removesTheLlcRefill_butNotTheL2RefillOfACoRunner() {
        // The hog streams 20 GB/s through ways 6-19 (CAT), and its task on CPU 1 runs there for 1 ms while
        // the RT task sleeps: 20 MB through a 256 KiB L2 evicts every line (e^-76), none from the LLC
        // ways 0-5. Each line is an LLC hit: 200 · 20 ns / 2 = 2000 ns, exactly.
        Cache c = cache(11);
        c.addStreamer(HIGH, 20e9);
        Object hog = new Object();
        Object rt = new Object();
        c.addPrivateFiller(hog, 20e9);
        c.ran(1, rt, 0, 1_000_000);
        c.ran(1, hog, 1_000_000, 2_000_000);
        assertEquals(2000, c.refillNs(1, rt, 1_000_000, 2_000_000));
        // the hog on another CPU instead: its L2 is not CPU 1's, and CAT keeps the LLC: no refill
        c.ran(1, rt, 2_000_000, 3_000_000);
        c.ran(0, hog, 3_000_000, 4_000_000);
        assertEquals(0, c.refillNs(1, rt, 3_000_000, 4_000_000));
        // without CAT (CPU 0 shares the hog's ways) the same co-runner costs DRAM lines as well
        c.ran(0, rt, 4_000_000, 5_000_000);
        c.ran(0, hog, 5_000_000, 6_000_000);
        long off = c.refillNs(0, rt, 5_000_000, 6_000_000);
        assertTrue(off > 2000 + 1000, "CAT off: " + off);
        // a task that moved to another CPU finds that L2 cold
        c.ran(0, rt, 6_000_000, 7_000_000);
        assertEquals(2000, c.refillNs(1, rt, 7_000_000, 7_000_001));
    }

    @Test
    void aVaryingFootprint_addsItsOwnVariance() {
        // CAT keeps the LLC (ways 0-5 vs a hog in 6-19); a co-runner streams L2 · ln 2 bytes through CPU 1's
        // L2 between two runs, so each line misses the L2 with q = 1/2 and costs 20 ns (mlp 1). With the
        // footprint n ~ uniform[100, 300]: E[Y] = E[n]·q, Var[Y] = E[n]·q(1 − q) + q²·Var[n].
        Cache c = new Cache(30 * MIB, 20, new long[] {Cache.allWays(20), LOW}, 85,
                new org.rtvsim.engine.DistSpec.Uniform(100, 300), new org.rtvsim.engine.DistSpec.Fixed(1),
                256 << 10, 20, 0, new StreamRegistry(13, 0));
        c.addStreamer(HIGH, 20e9);
        Object hog = new Object();
        Object rt = new Object();
        c.addPrivateFiller(hog, (256 << 10) * Math.log(2) * 1e3); // L2 · ln 2 per ms
        int draws = 40_000;
        double s = 0;
        double s2 = 0;
        for (int i = 0; i < draws; i++) {
            long t = i * 3_000_000L;
            c.ran(1, rt, t, t + 1_000_000);
            c.ran(1, hog, t + 1_000_000, t + 2_000_000);
            double y = c.refillNs(1, rt, t + 1_000_000, t + 2_000_000) / 20.0;
            s += y;
            s2 += y * y;
        }
        double mean = s / draws;
        double var = s2 / draws - mean * mean;
        double expectedVar = 200 * 0.25 + 0.25 * (200.0 * 200 / 12 + 1.0 / 12);
        assertEquals(100, mean, 4 * Math.sqrt(expectedVar / draws));
        assertEquals(expectedVar, var, 0.04 * expectedVar);
    }
}
