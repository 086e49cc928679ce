package org.rtvsim.tail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;

/**
 * Why a {@link TailFit} is not credible: the fixed rules on the estimate (too few exceedances, extreme or
 * poorly determined shape, extrapolation far beyond the data) and three diagnostics — threshold
 * stability (ξ refitted above higher thresholds), goodness of fit (Anderson–Darling on the exceedances,
 * p-value from the parametric bootstrap) and the largest observed values against the fit. Every rule
 * that applies is one warning; none is suppressed by another.
 */
public final class TailCredibility {
    /** ξ's CI half-width above which the shape is called poorly determined. */
    public static final double WIDE_XI_HALF_WIDTH = 0.3;
    /** A return level beyond this multiple of the observed maximum is called not credible. */
    public static final double MAX_EXTRAPOLATION = 1000;
    /** Higher thresholds are refitted only while they leave at least this many exceedances. */
    public static final int MIN_STABILITY_EXCEEDANCES = 25;
    /** How many of the largest distinct observed values are checked against the fit. */
    public static final int POINTS_CHECKED = 20;

    /** ξ refitted above a higher threshold, with its Wald interval. */
    public record Stability(double thresholdNs, long exceedances, double xi, double xiLower, double xiUpper) {
    }

    /**
     * The diagnostics: ξ above higher thresholds; the Anderson–Darling statistic A² of the exceedances
     * against the fit and its bootstrap p-value (NaN without a bootstrap); of the {@code pointsChecked}
     * largest observed values, those whose count of samples at or above them is improbable under the fit.
     */
    public record Diagnostics(List<Stability> stability, double andersonDarling, double adPValue, int pointsChecked,
                              List<Double> inconsistentPointsNs) {
    }

    private TailCredibility() {
    }

    static Diagnostics diagnose(TailFit f, TailData data, TailFit.Options o) {
        double z = new NormalDistribution().inverseCumulativeProbability(0.5 + o.confidence() / 2);
        List<Stability> st = new ArrayList<>();
        for (long keep = f.exceedances() / 2; keep >= MIN_STABILITY_EXCEEDANCES; keep /= 2) {
            double u = data.quantile(100.0 * (1 - (double) keep / f.total()));
            if (!(u > f.threshold()) || data.countAbove(u) < MIN_STABILITY_EXCEEDANCES) {
                break;
            }
            // above a higher threshold the GPD keeps ξ and has σ + ξ(u' − u) (threshold stability)
            ThresholdFit c = ThresholdFit.fit(data, u,
                    new double[] {f.xi(), Math.max(f.sigma() + f.xi() * (u - f.threshold()), 1e-3 * f.sigma())});
            double se = c.cov() == null ? Double.NaN : Math.sqrt(c.cov()[0][0]);
            st.add(new Stability(u, c.nu(), c.best()[0], c.best()[0] - z * se, c.best()[0] + z * se));
            if (st.size() == 3) {
                break;
            }
        }
        double ad = GpdLikelihood.andersonDarling(f.exceedanceData(), f.xi(), f.sigma());
        GpdBootstrap.Result boot = f.bootstrapResult();
        double adP = boot == null || Double.isNaN(ad) ? Double.NaN : boot.adPValue(ad);
        return new Diagnostics(List.copyOf(st), ad, adP, checked(f), inconsistent(f, data, o.confidence()));
    }

    private static int checked(TailFit f) {
        return Math.min(POINTS_CHECKED, f.exceedanceData().length);
    }

    /**
     * The largest observed values whose count K of samples at or above them is improbable under the fit:
     * K ~ Poisson(n·ζ·S(v − w/2 − u)) (w: the data's bucket width, 0 for exact values), two-sided at
     * α/m each over the m values checked (Bonferroni).
     */
    private static List<Double> inconsistent(TailFit f, TailData data, double confidence) {
        int m = checked(f);
        List<Double> out = new ArrayList<>();
        if (m == 0) {
            return out;
        }
        double half = f.latticeOf() == null ? 0 : f.latticeOf()[1] / 2;
        double level = (1 - confidence) / (2 * m);
        long above = data.censoredCount();
        int seen = 0;
        for (int i = data.size() - 1; i >= 0 && data.value(i) > f.threshold() && seen < m; i--, seen++) {
            above += data.count(i);
            double ex = Math.max(0, data.value(i) - half - f.threshold());
            double mean = f.total() * f.zeta() * Math.exp(GpdLikelihood.logSurvival(ex, f.xi(), f.sigma()));
            if (!(mean > 0)) {
                out.add(data.value(i));
                continue;
            }
            PoissonDistribution pd = new PoissonDistribution(null, mean, PoissonDistribution.DEFAULT_EPSILON,
                    PoissonDistribution.DEFAULT_MAX_ITERATIONS);
            int k = (int) Math.min(Integer.MAX_VALUE, above);
            double upperTail = 1 - pd.cumulativeProbability(k - 1);
            double lowerTail = pd.cumulativeProbability(k);
            if (upperTail < level || lowerTail < level) {
                out.add(data.value(i));
            }
        }
        return out;
    }

    static List<String> warnings(TailFit f, TailFit.Options o, List<String> pre) {
        List<String> w = new ArrayList<>();
        int pc = (int) Math.round(100 * o.confidence());
        if (f.exceedances() < o.minExceedances()) {
            w.add(String.format(Locale.ROOT, "only %d exceedances over the threshold (fewer than %d): the fit is "
                    + "not credible", f.exceedances(), o.minExceedances()));
        }
        if (f.xi() > 0.5) {
            w.add(String.format(Locale.ROOT, "shape xi = %.3f > 0.5: an extremely heavy tail (infinite variance); "
                    + "extrapolated return levels are not credible", f.xi()));
        }
        if (f.xi() < -0.5) {
            w.add(String.format(Locale.ROOT, "shape xi = %.3f < -0.5: the maximum-likelihood estimate is irregular "
                    + "(a hard bound right at the data); the fit is not credible", f.xi()));
        }
        if (f.covariance() == null) {
            w.add("the observed information is not positive definite: no standard errors for xi and sigma; "
                    + "the fit is not credible");
        } else if (f.xiUpper() - f.xi() > WIDE_XI_HALF_WIDTH) {
            w.add(String.format(Locale.ROOT, "the %d%% CI of xi [%.3f, %.3f] is wide (half-width > %.1f): the "
                    + "tail shape is poorly determined", pc, f.xiLower(), f.xiUpper(), WIDE_XI_HALF_WIDTH));
        }
        for (TailFit.ReturnLevel r : f.returnLevels()) {
            if (Double.isNaN(r.valueNs())) {
                w.add(String.format(Locale.ROOT, "p = %.0e is not below the exceedance rate zeta = %.3g: no return "
                        + "level (lower the threshold)", r.p(), f.zeta()));
                continue;
            }
            if (r.valueNs() > MAX_EXTRAPOLATION * f.observedMax()) {
                w.add(String.format(Locale.ROOT, "the return level for p = %.0e (%.4g ns) is more than %.0fx the "
                        + "observed maximum (%.0f ns): not credible", r.p(), r.valueNs(), MAX_EXTRAPOLATION,
                        f.observedMax()));
            }
            if (Double.isInfinite(r.upperNs())) {
                w.add(String.format(Locale.ROOT, "the %d%% interval for p = %.0e has no upper bound: the data do not "
                        + "limit this level", pc, r.p()));
            } else if (r.atLeastMax() && r.profileUpperNs() < f.observedMax()) {
                w.add(String.format(Locale.ROOT, "for p = %.0e the fit's upper bound (%.3f us) lies below the observed "
                        + "maximum (%.3f us), which a level this rare should exceed: the fit misses the largest "
                        + "samples", r.p(), r.profileUpperNs() / 1000, f.observedMax() / 1000));
            }
        }
        Diagnostics d = f.diagnostics();
        for (Stability s : d.stability()) {
            if (f.xi() < s.xiLower() || f.xi() > s.xiUpper()) {
                w.add(String.format(Locale.ROOT, "threshold stability: above %.3f us (%d exceedances) xi = %.3f, "
                        + "CI [%.3f, %.3f], excludes xi = %.3f at the chosen threshold: the tail is not yet GPD "
                        + "there (raise --threshold-percentile)", s.thresholdNs() / 1000, s.exceedances(), s.xi(),
                        s.xiLower(), s.xiUpper(), f.xi()));
            }
        }
        if (d.adPValue() < 1 - o.confidence()) {
            w.add(String.format(Locale.ROOT, "goodness of fit: Anderson-Darling A2 = %.3f, bootstrap p = %.3f < %.2f: "
                    + "the GPD does not describe the exceedances", d.andersonDarling(), d.adPValue(),
                    1 - o.confidence()));
        }
        if (!d.inconsistentPointsNs().isEmpty()) {
            w.add(String.format(Locale.ROOT, "%d of the %d largest observed values (largest %.3f us) are improbable "
                    + "under the fit (Poisson count test at %.2g each): the model misses the tail's shape",
                    d.inconsistentPointsNs().size(), d.pointsChecked(), d.inconsistentPointsNs().get(0) / 1000,
                    (1 - o.confidence()) / d.pointsChecked()));
        }
        w.addAll(pre);
        return w;
    }
}
