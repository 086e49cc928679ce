package org.rtvsim.tail;

import java.util.Arrays;
import org.rtvsim.engine.StreamRegistry;
import umontreal.ssj.rng.RandomStream;

/**
 * Parametric bootstrap of a GPD fit (Davison and Hinkley 1997, §2.2; Coles 2001, §4.3.3 mentions it as
 * the alternative to the profile likelihood): {@code B} samples of the same number of exceedances are
 * drawn from the fitted GPD by inversion, discretised on the data's lattice when the data lie on one
 * (histogram buckets) and censored at the data's smallest censoring point, each is refitted by maximum
 * likelihood, and gives a return level per probability and its Anderson–Darling statistic against its
 * own refit. ζ is held at its estimate, as in the profile. Draws come from the stream
 * {@value #STREAM} of scenario seed {@value #SEED}, so the result is the same on every run.
 */
final class GpdBootstrap {
    static final String STREAM = "tail/bootstrap";
    static final long SEED = 1;

    /** Bootstrap return levels {@code levels[k][b]} (ns, NaN for a failed refit) and statistics {@code ad[b]}. */
    record Result(double[][] levels, double[] ad) {
        /** The {@code q}-quantile (0..1) of the finite bootstrap levels of probability index {@code k}. */
        double levelQuantile(int k, double q) {
            double[] v = Arrays.stream(levels[k]).filter(Double::isFinite).sorted().toArray();
            if (v.length == 0) {
                return Double.NaN;
            }
            double pos = q * (v.length - 1);
            int i = (int) Math.floor(pos);
            return i + 1 < v.length ? v[i] + (pos - i) * (v[i + 1] - v[i]) : v[i];
        }

        /** (1 + #{A*² ≥ a}) / (1 + B*): the bootstrap p-value of an observed statistic. */
        double adPValue(double a) {
            long finite = Arrays.stream(ad).filter(Double::isFinite).count();
            long above = Arrays.stream(ad).filter(v -> Double.isFinite(v) && v >= a).count();
            return (1.0 + above) / (1.0 + finite);
        }
    }

    private GpdBootstrap() {
    }

    /**
     * @param n        exceedances per sample (exact and censored together)
     * @param censorAt the smallest censoring excess of the data, or +∞ without censoring
     * @param lattice  {@code {first excess, spacing}} of the data's value lattice, or null
     * @param ls       {@code ln(ζ/p)} per return-level probability
     */
    static Result run(double threshold, double xi, double sigma, int n, double censorAt, double[] lattice,
                      double[] ls, int b) {
        RandomStream s = new StreamRegistry(SEED, 0).stream(STREAM);
        double[][] levels = new double[ls.length][b];
        double[] ad = new double[b];
        double[] draws = new double[n];
        for (int r = 0; r < b; r++) {
            int censored = 0;
            int m = 0;
            for (int i = 0; i < n; i++) {
                double u = 1 - s.nextDouble(); // (0, 1)
                double yv = Math.abs(xi) < 1e-12 ? -sigma * Math.log(u) : sigma / xi * Math.expm1(-xi * Math.log(u));
                if (lattice != null) {
                    yv = lattice[0] + Math.max(0, Math.round((yv - lattice[0]) / lattice[1])) * lattice[1];
                }
                if (yv >= censorAt) {
                    censored++;
                } else {
                    draws[m++] = yv;
                }
            }
            double[][] y = weighted(Arrays.copyOf(draws, m));
            double[][] cy = censored > 0 ? new double[][] {{censorAt, censored}} : new double[0][];
            double[] fit = y.length >= 2 ? GpdLikelihood.maximiseFrom(y, cy, xi, sigma) : null;
            for (int k = 0; k < ls.length; k++) {
                levels[k][r] = fit == null ? Double.NaN : threshold + fit[1] * TailFit.expm1Over(fit[0], ls[k]);
            }
            ad[r] = fit == null ? Double.NaN : GpdLikelihood.andersonDarling(y, fit[0], fit[1]);
        }
        return new Result(levels, ad);
    }

    /** {@code {first excess, spacing}} when the exact excesses lie on a lattice (histogram buckets), else null. */
    static double[] lattice(double[][] y) {
        if (y.length < 3) {
            return null;
        }
        double gap = Double.POSITIVE_INFINITY;
        double[] v = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            v[i] = y[i][0];
        }
        java.util.Arrays.sort(v);
        double lo = v[0];
        for (int i = 1; i < v.length; i++) {
            gap = Math.min(gap, v[i] - v[i - 1]);
        }
        if (!(gap > 0)) {
            return null;
        }
        for (double x : v) {
            double k = (x - lo) / gap;
            if (Math.abs(k - Math.rint(k)) > 1e-6 * Math.max(1, k)) {
                return null;
            }
        }
        return new double[] {lo, gap};
    }

    /** Sorted distinct values with their counts, {@code {value, weight}}. */
    static double[][] weighted(double[] v) {
        Arrays.sort(v);
        double[][] out = new double[v.length][];
        int k = 0;
        for (double x : v) {
            if (k > 0 && out[k - 1][0] == x) {
                out[k - 1][1]++;
            } else {
                out[k++] = new double[] {x, 1};
            }
        }
        return Arrays.copyOf(out, k);
    }
}
