package org.rtvsim.tail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class TailFitTest {

    /** {@code n} draws of GPD(ξ, σ) located at {@code loc}, by inversion. */
    static double[] gpd(long seed, int n, double xi, double sigma, double loc) {
        Random r = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double u = 1 - r.nextDouble(); // (0, 1]
            x[i] = loc + (xi == 0 ? -sigma * Math.log(u) : sigma / xi * (Math.pow(u, -xi) - 1));
        }
        return x;
    }

    /** Threshold stability: over u the exceedances of GPD(ξ, σ) at loc are GPD(ξ, σ + ξ(u − loc)). */
    private static double sigmaAt(double xi, double sigma, double loc, double u) {
        return sigma + xi * (u - loc);
    }

    @Test
    void gpdSample_recoversShapeAndScale_ciCoversTruth() {
        double xi = 0.2;
        double sigma = 2000;
        double loc = 10_000;
        TailFit f = TailFit.fit(TailData.ofValues(gpd(1, 400_000, xi, sigma, loc)));
        double sigmaU = sigmaAt(xi, sigma, loc, f.threshold());
        assertEquals(4000, f.exceedances(), 1);
        assertEquals(0.01, f.zeta(), 1e-4);
        assertTrue(f.seXi() > 0.005 && f.seXi() < 0.05, "se xi " + f.seXi());
        assertEquals(xi, f.xi(), 3 * f.seXi());
        assertEquals(sigmaU, f.sigma(), 3 * f.seSigma());
        assertTrue(f.xiLower() <= xi && xi <= f.xiUpper(), f.describe());
        assertTrue(f.credible(), f.warnings().toString());
        assertEquals(3, f.returnLevels().size());
        // the return level's CI covers the true x_p of the generating GPD for p = 1e-6
        double p = 1e-6;
        double truth = loc + sigma / xi * (Math.pow(p, -xi) - 1);
        TailFit.ReturnLevel rl = f.returnLevels().get(0);
        assertTrue(rl.lowerNs() <= truth && truth <= rl.upperNs(), rl + " vs " + truth);
    }

    @Test
    void ciOfXi_coversTruth_inMostReplications() {
        int covered = 0;
        int reps = 40;
        for (int s = 0; s < reps; s++) {
            TailFit f = TailFit.fit(TailData.ofValues(gpd(100 + s, 50_000, 0.1, 1000, 0)));
            if (f.xiLower() <= 0.1 && 0.1 <= f.xiUpper()) {
                covered++;
            }
        }
        // 95 % nominal; 40 binomial draws at 0.95 give >= 33 with probability > 0.99
        assertTrue(covered >= 33, "covered " + covered + " of " + reps);
    }

    @Test
    void exponentialData_giveXiNearZero() {
        TailFit f = TailFit.fit(TailData.ofValues(gpd(2, 400_000, 0, 1500, 5000)));
        assertEquals(0, f.xi(), 3 * f.seXi());
        assertTrue(Math.abs(f.xi()) < 0.06, "xi " + f.xi());
        assertEquals(1500, f.sigma(), 3 * f.seSigma());
        assertTrue(f.xiLower() <= 0 && 0 <= f.xiUpper());
    }

    @Test
    void returnLevel_matchesClosedForm() {
        TailFit f = TailFit.fit(TailData.ofValues(gpd(3, 100_000, 0.25, 800, 0)));
        for (double p : new double[] {1e-4, 1e-6, 1e-9, 1e-12}) {
            double closed = f.threshold() + f.sigma() / f.xi() * (Math.pow(p / f.zeta(), -f.xi()) - 1);
            assertEquals(closed, f.returnLevel(p), 1e-9 * closed);
        }
        TailFit.ReturnLevel r = f.returnLevelWithCi(1e-9);
        assertTrue(r.lowerNs() < r.valueNs() && r.valueNs() < r.upperNs());
        assertTrue(Double.isNaN(f.returnLevel(0.5)), "p above zeta has no return level");
    }

    @Test
    void returnLevel_exponentialLimit_isContinuous() {
        TailFit f = TailFit.fit(TailData.ofValues(gpd(4, 100_000, 0, 1000, 0)));
        // the xi -> 0 limit u + sigma ln(zeta/p) and the general formula agree at the fitted (tiny) xi
        double p = 1e-9;
        double l = Math.log(f.zeta() / p);
        double general = f.threshold() + f.sigma() / f.xi() * (Math.pow(p / f.zeta(), -f.xi()) - 1);
        assertEquals(general, f.returnLevel(p), 1e-6 * general);
        double limit = f.threshold() + f.sigma() * l;
        assertEquals(limit, f.returnLevel(p), Math.abs(f.xi()) * f.sigma() * l * l); // first-order term
    }

    @Test
    void censoredTail_stillRecoversXi() {
        double xi = 0.2;
        double[] x = gpd(5, 400_000, xi, 2000, 10_000);
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double c = sorted[(int) (0.9985 * sorted.length)]; // the top 0.15 % known only as >= c
        List<TailData.Bin> bins = new ArrayList<>();
        long censored = 0;
        for (double v : x) {
            if (v >= c) {
                censored++;
            } else {
                bins.add(new TailData.Bin(v, 1));
            }
        }
        TailData d = TailData.of(bins, List.of(new TailData.Censored(c, censored)));
        TailFit f = TailFit.fit(d);
        assertEquals(censored, f.censoredExceedances());
        assertEquals(4000, f.exceedances(), 1);
        assertEquals(xi, f.xi(), 3 * f.seXi(), f.describe());
        assertTrue(f.xiLower() <= xi && xi <= f.xiUpper(), f.describe());
        assertEquals(sigmaAt(xi, 2000, 10_000, f.threshold()), f.sigma(), 3 * f.seSigma());
    }

    @Test
    void hdrHistogram_midpoints_recoverXi() {
        Histogram h = new Histogram(3);
        for (double v : gpd(6, 400_000, 0.15, 3000, 20_000)) {
            h.recordValue(Math.round(v));
        }
        TailFit f = TailFit.fit(TailData.ofHistogram(h));
        assertEquals(0.15, f.xi(), 3 * f.seXi(), f.describe());
        assertEquals(400_000, f.total());
    }

    @Test
    void tooFewExceedances_warn() {
        TailFit f = TailFit.fit(TailData.ofValues(gpd(7, 2000, 0.1, 1000, 0)));
        assertEquals(20, f.exceedances());
        assertTrue(f.warnings().stream().anyMatch(w -> w.contains("fewer than 50")), f.warnings().toString());
        assertTrue(!f.credible());
        assertThrows(IllegalArgumentException.class, () -> TailFit.fit(TailData.ofValues(gpd(8, 300, 0.1, 1000, 0))));
    }

    @Test
    void heavyTail_warns() {
        TailFit f = TailFit.fit(TailData.ofValues(gpd(9, 200_000, 0.9, 1000, 0)));
        assertTrue(f.xi() > 0.5);
        assertTrue(f.warnings().stream().anyMatch(w -> w.contains("> 0.5")), f.warnings().toString());
        assertTrue(f.warnings().stream().anyMatch(w -> w.contains("observed maximum")), f.warnings().toString());
    }

    @Test
    void boundedTail_givesNegativeXi() {
        TailFit f = TailFit.fit(TailData.ofValues(gpd(10, 200_000, -0.3, 1000, 0)));
        assertEquals(-0.3, f.xi(), 3 * f.seXi(), f.describe());
        assertTrue(f.returnLevel(1e-12) <= f.threshold() + f.sigma() / -f.xi() + 1e-6);
    }

    @Test
    void explicitThreshold_isUsed() {
        TailFit f = TailFit.fit(TailData.ofValues(gpd(11, 50_000, 0.1, 1000, 0)),
                TailFit.Options.defaults().withThresholdNs(2000));
        assertEquals(2000, f.threshold());
        assertEquals(0.1, f.xi(), 3 * f.seXi());
        assertEquals(1000 + 0.1 * 2000, f.sigma(), 3 * f.seSigma());
    }
}
