package org.rtvsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import umontreal.ssj.probdist.NormalDist;
import umontreal.ssj.rng.RandomStream;

/**
 * Statistical checks use n draws from a fixed seed and accept an estimate within Z standard
 * errors of the closed form (Z = 5: a correct sampler fails with probability below 1e-6 for any
 * seed, while a wrong parameter order or rate/mean mix-up misses by hundreds of standard errors).
 */
class SamplersTest {

    private static final long SEED = 7L;
    private static final int N = 100_000;
    private static final double Z = 5.0;

    private static RandomStream stream(String path) {
        return new StreamRegistry(SEED, 0).stream(path);
    }

    private static Sampler sampler(DistSpec spec) {
        return Samplers.of(spec, stream("test.sampler"));
    }

    private static void assertProportion(double p, long count, String what) {
        double tol = Z * Math.sqrt(p * (1 - p) / N);
        double got = (double) count / N;
        assertTrue(Math.abs(got - p) <= tol,
                what + ": expected " + p + " ± " + tol + ", got " + got);
    }

    private static void assertMean(double mean, double sd, double sum, String what) {
        double tol = Z * sd / Math.sqrt(N);
        double got = sum / N;
        assertTrue(Math.abs(got - mean) <= tol,
                what + ": expected " + mean + " ± " + tol + ", got " + got);
    }

    @Test
    void fixed_returnsValueAndDrawsNothing() {
        RandomStream s = stream("fixed");
        Sampler f = Samplers.of(DistSpec.fixed(2_000), s);
        for (int i = 0; i < 10; i++) {
            assertEquals(2_000.0, f.sample());
            assertEquals(2_000L, f.sampleNs());
        }
        assertEquals(stream("fixed").nextDouble(), s.nextDouble());
    }

    @Test
    void sampleNs_roundsToNearestAndNeverNegative() {
        assertEquals(3L, sampler(DistSpec.fixed(2.5)).sampleNs());
        assertEquals(2L, sampler(DistSpec.fixed(2.49)).sampleNs());
        assertEquals(0L, sampler(DistSpec.fixed(-3)).sampleNs());
        Sampler u = sampler(new DistSpec.Uniform(-10, 0.4));
        for (int i = 0; i < 1_000; i++) {
            assertEquals(0L, u.sampleNs());
        }
    }

    @Test
    void uniform_staysInRangeWithMeanAndQuartile() {
        double lo = 1_000;
        double hi = 4_000;
        Sampler u = sampler(new DistSpec.Uniform(lo, hi));
        double sum = 0;
        long belowQuartile = 0;
        for (int i = 0; i < N; i++) {
            double x = u.sample();
            assertTrue(x >= lo && x <= hi, "out of range: " + x);
            sum += x;
            belowQuartile += x <= lo + (hi - lo) / 4 ? 1 : 0;
        }
        assertMean((lo + hi) / 2, (hi - lo) / Math.sqrt(12), sum, "uniform mean");
        assertProportion(0.25, belowQuartile, "uniform P(X <= q1)");
    }

    @Test
    void exponential_hasMeanAndTail() {
        double mean = 5_000;
        Sampler e = sampler(new DistSpec.Exponential(mean));
        double sum = 0;
        long aboveMean = 0;
        for (int i = 0; i < N; i++) {
            double x = e.sample();
            sum += x;
            aboveMean += x > mean ? 1 : 0;
        }
        assertMean(mean, mean, sum, "exponential mean");
        assertProportion(Math.exp(-1), aboveMean, "exponential P(X > mean)");
    }

    @Test
    void lognormal_hasMedianAndOneSigmaQuantile() {
        double median = 3_000;
        double sigma = 0.6;
        Sampler l = sampler(new DistSpec.Lognormal(median, sigma, 0));
        long belowMedian = 0;
        long belowOneSigma = 0;
        for (int i = 0; i < N; i++) {
            double x = l.sample();
            belowMedian += x <= median ? 1 : 0;
            belowOneSigma += x <= median * Math.exp(sigma) ? 1 : 0;
        }
        assertProportion(0.5, belowMedian, "lognormal P(X <= median)");
        assertProportion(NormalDist.cdf01(1.0), belowOneSigma, "lognormal P(X <= median e^sigma)");
    }

    @Test
    void lognormal_withCap_neverExceedsCap() {
        double cap = 6_000;
        Sampler l = sampler(new DistSpec.Lognormal(3_000, 0.6, cap));
        long atCap = 0;
        for (int i = 0; i < N; i++) {
            double x = l.sample();
            assertTrue(x <= cap);
            atCap += x == cap ? 1 : 0;
        }
        double pAbove = 1 - NormalDist.cdf01(Math.log(2) / 0.6);
        assertProportion(pAbove, atCap, "lognormal P(X = cap)");
    }

    @Test
    void pareto_hasTailProbabilityOfClosedForm() {
        double scale = 20_000;
        double alpha = 1.5;
        Sampler p = sampler(new DistSpec.Pareto(scale, alpha, 0));
        long above2 = 0;
        long above10 = 0;
        for (int i = 0; i < N; i++) {
            double x = p.sample();
            assertTrue(x >= scale, "below scale: " + x);
            above2 += x > 2 * scale ? 1 : 0;
            above10 += x > 10 * scale ? 1 : 0;
        }
        assertProportion(Math.pow(0.5, alpha), above2, "pareto P(X > 2 scale)");
        assertProportion(Math.pow(0.1, alpha), above10, "pareto P(X > 10 scale)");
    }

    @Test
    void pareto_withCap_truncatesTailToCap() {
        double scale = 20_000;
        double alpha = 1.5;
        double cap = 1_000_000;
        Sampler p = sampler(new DistSpec.Pareto(scale, alpha, cap));
        long atCap = 0;
        double max = 0;
        for (int i = 0; i < N; i++) {
            double x = p.sample();
            max = Math.max(max, x);
            atCap += x == cap ? 1 : 0;
        }
        assertTrue(max <= cap);
        assertProportion(Math.pow(scale / cap, alpha), atCap, "pareto P(X = cap)");
    }

    @Test
    void empirical_drawsValuesWithWeightFrequencies() {
        List<Double> values = List.of(3_000.0, 1_000.0, 99_000.0, 2_000.0);
        List<Double> weights = List.of(1.0, 2.0, 0.0, 7.0);
        Sampler e = sampler(new DistSpec.Empirical("inline", values, weights));
        long[] counts = new long[4];
        for (int i = 0; i < N; i++) {
            double x = e.sample();
            int k = values.indexOf(x);
            assertTrue(k >= 0, "not an observed value: " + x);
            counts[k]++;
        }
        assertEquals(0, counts[2], "zero-weight value drawn");
        assertProportion(0.1, counts[0], "P(3us)");
        assertProportion(0.2, counts[1], "P(1us)");
        assertProportion(0.7, counts[3], "P(2us)");
    }

    @Test
    void mixture_drawsRareComponentWithProbabilityP() {
        double p = 0.05;
        Sampler m = sampler(new DistSpec.Mixture(new DistSpec.Uniform(0, 1_000),
                new DistSpec.Uniform(100_000, 101_000), p));
        long rare = 0;
        for (int i = 0; i < N; i++) {
            rare += m.sample() > 50_000 ? 1 : 0;
        }
        assertProportion(p, rare, "mixture P(rare)");
    }

    static Stream<DistSpec> specs() {
        return Stream.of(
                DistSpec.fixed(5),
                new DistSpec.Uniform(1, 4),
                new DistSpec.Uniform(3, 3),
                new DistSpec.Exponential(5),
                new DistSpec.Lognormal(3, 0.6, 0),
                new DistSpec.Lognormal(3, 0, 0),
                new DistSpec.Lognormal(3, 0.6, 4),
                new DistSpec.Pareto(20, 1.5, 0),
                new DistSpec.Pareto(20, 1.5, 100),
                new DistSpec.Empirical("inline", List.of(1.0, 2.0), List.of(1.0, 3.0)),
                new DistSpec.Mixture(DistSpec.fixed(1), new DistSpec.Pareto(20, 1.5, 0), 0.3),
                new DistSpec.Mixture(new DistSpec.Exponential(5),
                        new DistSpec.Mixture(DistSpec.fixed(1), new DistSpec.Uniform(0, 1), 0.5),
                        0.4));
    }

    @ParameterizedTest
    @MethodSource("specs")
    void everyDraw_consumesExactlyUniformsPerDraw(DistSpec spec) {
        RandomStream s = stream("count");
        RandomStream twin = stream("count");
        Sampler sampler = Samplers.of(spec, s);
        for (int draws = 0; draws < 200; draws++) {
            sampler.sample();
            for (int i = 0; i < sampler.uniformsPerDraw(); i++) {
                twin.nextDouble();
            }
            assertEquals(twin.nextDouble(), s.nextDouble(), "after draw " + draws);
        }
    }

    @Test
    void mixture_ofTwoOneUniformComponents_usesTwoUniforms() {
        Sampler m = sampler(new DistSpec.Mixture(new DistSpec.Exponential(5),
                new DistSpec.Pareto(20, 1.5, 0), 0.1));
        assertEquals(2, m.uniformsPerDraw());
        assertEquals(2, sampler(new DistSpec.Mixture(DistSpec.fixed(1),
                new DistSpec.Pareto(20, 1.5, 0), 0.1)).uniformsPerDraw());
    }

    @Test
    void commonRandomNumbers_doubledMean_doublesEveryDraw() {
        Sampler a = Samplers.of(new DistSpec.Exponential(5_000), stream("crn"));
        Sampler b = Samplers.of(new DistSpec.Exponential(10_000), stream("crn"));
        for (int i = 0; i < 1_000; i++) {
            double x = a.sample();
            assertEquals(2 * x, b.sample(), 1e-9 * x);
        }
    }

    @Test
    void of_outOfRangeParameters_rejected() {
        List<DistSpec> bad = List.of(
                new DistSpec.Uniform(4, 1),
                new DistSpec.Exponential(0),
                new DistSpec.Lognormal(0, 0.5, 0),
                new DistSpec.Lognormal(3, -1, 0),
                new DistSpec.Pareto(20, 0, 0),
                new DistSpec.Pareto(20, 1.5, 10),
                new DistSpec.Lognormal(3, 0.5, -1),
                new DistSpec.Empirical("e", List.of(), List.of()),
                new DistSpec.Empirical("e", List.of(1.0), List.of(0.0)),
                new DistSpec.Empirical("e", List.of(1.0, 2.0), List.of(1.0)),
                new DistSpec.Mixture(DistSpec.fixed(1), DistSpec.fixed(2), 1.5),
                DistSpec.fixed(Double.NaN));
        for (DistSpec spec : bad) {
            assertThrows(IllegalArgumentException.class, () -> sampler(spec), spec.toString());
        }
    }

    @Test
    void draws_allocateNothing() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
        Sampler[] samplers = specs().map(SamplersTest::sampler).toArray(Sampler[]::new);
        long sink = 0;
        for (Sampler s : samplers) {
            for (int i = 0; i < 20_000; i++) {
                sink += s.sampleNs();
            }
        }
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (Sampler s : samplers) {
            for (int i = 0; i < 20_000; i++) {
                sink += s.sampleNs();
            }
        }
        long allocated = mx.getThreadAllocatedBytes(tid) - before;
        // one object per draw would be >= 16 bytes x 240,000 draws; allow measurement noise only
        assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes (sink " + sink + ")");
    }
}
