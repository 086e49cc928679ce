package org.rtvsim.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import umontreal.ssj.probdist.ExponentialDist;
import umontreal.ssj.probdist.LognormalDist;
import umontreal.ssj.probdist.NormalDist;
import umontreal.ssj.randvar.ExponentialGen;
import umontreal.ssj.randvar.LognormalGen;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;

/**
 * The faster generators give the numbers of SSJ's: {@link Mrg32k3aStream} bit for bit (streams and
 * substreams), {@link NormalQuantile} within a few ulps of {@code NormalDist.inverseF01}, and the lognormal and
 * exponential samplers pass a Kolmogorov–Smirnov test against their closed-form CDFs.
 */
class FastVariatesTest {

    private static final long[] SEED = {12345, 67890, 13579, 24680, 11223, 44556};

    private static MRG32k3a ssj() {
        MRG32k3a s = new MRG32k3a();
        s.setSeed(SEED);
        return s;
    }

    @Test
    void mrg32k3a_drawsExactlySsjsNumbers_acrossSubstreamsAndResets() {
        MRG32k3a ref = ssj();
        Mrg32k3aStream fast = new Mrg32k3aStream(SEED);
        for (int i = 0; i < 1_000_000; i++) {
            assertEquals(ref.nextDouble(), fast.nextDouble(), 0.0, "draw " + i);
        }
        for (Runnable[] step : new Runnable[][] {
            {ref::resetNextSubstream, fast::resetNextSubstream},
            {ref::resetNextSubstream, fast::resetNextSubstream},
            {ref::resetStartSubstream, fast::resetStartSubstream},
            {ref::resetStartStream, fast::resetStartStream},
            {ref::resetNextSubstream, fast::resetNextSubstream}}) {
            step[0].run();
            step[1].run();
            for (int i = 0; i < 10_000; i++) {
                assertEquals(ref.nextDouble(), fast.nextDouble(), 0.0);
            }
            assertEquals(ref.nextInt(3, 17), fast.nextInt(3, 17));
        }
    }

    /** The division-free residues at the extremes of the state: every value at m - 1, at 0 (one non-zero), mixed. */
    @Test
    void mrg32k3a_extremeStates_giveSsjsNumbers() {
        long m1 = StreamRegistry.M1 - 1;
        long m2 = StreamRegistry.M2 - 1;
        long[][] seeds = {
            {m1, m1, m1, m2, m2, m2},
            {0, 0, 1, 0, 0, 1},
            {m1, 0, m1, 0, m2, 0},
            {0, m1, 0, m2, 0, m2},
            {1, 0, 0, 1, 0, 0}};
        for (long[] seed : seeds) {
            MRG32k3a ref = new MRG32k3a();
            ref.setSeed(seed);
            Mrg32k3aStream fast = new Mrg32k3aStream(seed);
            for (int i = 0; i < 1_000; i++) {
                assertEquals(ref.nextDouble(), fast.nextDouble(), 0.0, Arrays.toString(seed) + " draw " + i);
            }
        }
    }

    @Test
    void mrg32k3a_clone_continuesIndependently() {
        Mrg32k3aStream a = new Mrg32k3aStream(SEED);
        a.nextDouble();
        Mrg32k3aStream b = a.clone();
        assertEquals(a.nextDouble(), b.nextDouble(), 0.0);
        b.resetNextSubstream();
        a.resetStartSubstream();
        Mrg32k3aStream c = new Mrg32k3aStream(SEED);
        assertArrayEquals(c.state(), a.state());
    }

    @Test
    void normalQuantile_agreesWithSsjToAFewUlpsOverTheWholeRange() {
        double worst = 0;
        for (int k = 1; k < 200_000; k++) {
            double p = k / 200_000.0;
            worst = Math.max(worst, Math.abs(NormalQuantile.of(p) - NormalDist.inverseF01(p)));
        }
        for (double p = 1e-300; p < 1e-3; p *= 1.7) {
            worst = Math.max(worst, Math.abs(NormalQuantile.of(p) - NormalDist.inverseF01(p)) / Math.abs(NormalDist.inverseF01(p)));
        }
        for (double p = 1e-15; p < 1e-3; p *= 1.7) {
            worst = Math.max(worst, Math.abs(NormalQuantile.of(1 - p) - NormalDist.inverseF01(1 - p))
                    / Math.abs(NormalDist.inverseF01(1 - p)));
        }
        assertTrue(worst < 1e-13, "largest difference " + worst);
        assertEquals(Double.NEGATIVE_INFINITY, NormalQuantile.of(0), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, NormalQuantile.of(1), 0.0);
        assertEquals(0.0, NormalQuantile.of(0.5), 0.0);
    }

    @Test
    void lognormalSampler_matchesSsjsInversionDrawForDraw() {
        RandomStream s1 = new Mrg32k3aStream(SEED);
        Sampler fast = Samplers.of(new DistSpec.Lognormal(3_000, 0.6, 0), s1);
        LognormalGen ref = new LognormalGen(ssj(), Math.log(3_000), 0.6);
        long differentNs = 0;
        for (int i = 0; i < 200_000; i++) {
            double a = fast.sample();
            double b = ref.nextDouble();
            assertEquals(b, a, Math.ulp(b) * 64, "draw " + i);
            if (Math.round(a) != Math.round(b)) {
                differentNs++;
            }
        }
        assertEquals(0, differentNs, "draws whose whole nanoseconds differ");
    }

    @Test
    void exponentialSampler_isSsjsInversionExactly() {
        Sampler fast = Samplers.of(new DistSpec.Exponential(5_000), new Mrg32k3aStream(SEED));
        ExponentialGen ref = new ExponentialGen(ssj(), 1 / 5_000.0);
        for (int i = 0; i < 200_000; i++) {
            assertEquals(ref.nextDouble(), fast.sample(), 0.0);
        }
    }

    @Test
    void lognormalAndExponential_passKolmogorovSmirnov() {
        int n = 50_000;
        Sampler ln = Samplers.of(new DistSpec.Lognormal(3_000, 0.8, 0), new Mrg32k3aStream(SEED));
        LognormalDist lnd = new LognormalDist(Math.log(3_000), 0.8);
        assertKs(ln, lnd::cdf, n);
        Sampler ex = Samplers.of(new DistSpec.Exponential(2_000), new Mrg32k3aStream(SEED));
        ExponentialDist exd = new ExponentialDist(1 / 2_000.0);
        assertKs(ex, exd::cdf, n);
    }

    /** D_n below the 0.1 % critical value 1.949/sqrt(n). */
    private static void assertKs(Sampler s, java.util.function.DoubleUnaryOperator cdf, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = s.sample();
        }
        Arrays.sort(x);
        double d = 0;
        for (int i = 0; i < n; i++) {
            double f = cdf.applyAsDouble(x[i]);
            d = Math.max(d, Math.max((i + 1.0) / n - f, f - (double) i / n));
        }
        assertTrue(d < 1.949 / Math.sqrt(n), "KS distance " + d);
    }
}
