package org.rtvsim.tail;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The data of the two tail diagnostics: the mean-excess (mean residual life) plot and the
 * return-level plot. Values in ns.
 */
public final class TailDiagnostics {
    /** Mean excess {@code e(t) = E[X − t | X > t]} over {@code n} exceedances, with a normal CI. */
    public record MeanExcess(double thresholdNs, double meanExcessNs, double lowerNs, double upperNs, long n) {
    }

    /** A point of the model's return-level curve with its profile-likelihood CI (upper +∞ when unbounded). */
    public record ModelPoint(double p, double levelNs, double lowerNs, double upperNs) {
    }

    /** An observed value and its empirical per-wake-up exceedance probability {@code P(X ≥ value)}. */
    public record Empirical(double p, double valueNs) {
    }

    private TailDiagnostics() {
    }

    /**
     * The mean excess at up to {@code points} thresholds, from the median up to the value that leaves
     * {@code minN} samples above (log-spaced in exceedance fraction). A censored sample counts with its
     * censoring point, so with censoring the mean excess is a lower bound.
     */
    public static List<MeanExcess> meanExcess(TailData d, int points, int minN, double confidence) {
        double z = new NormalDistribution().inverseCumulativeProbability(0.5 + confidence / 2);
        List<MeanExcess> out = new ArrayList<>();
        long n = d.total();
        if (n == 0 || n <= minN) {
            return out;
        }
        double hi = Math.log(0.5);
        double lo = Math.log((double) minN / n);
        double last = Double.NaN;
        for (int k = 0; k < points; k++) {
            double frac = Math.exp(hi + (lo - hi) * k / Math.max(1, points - 1));
            double t = d.quantile(100 * (1 - frac));
            if (t == last) {
                continue;
            }
            last = t;
            double w = 0;
            double s = 0;
            double s2 = 0;
            for (int i = d.size() - 1; i >= 0 && d.value(i) > t; i--) {
                double e = d.value(i) - t;
                w += d.count(i);
                s += d.count(i) * e;
                s2 += d.count(i) * e * e;
            }
            for (TailData.Censored c : d.censored()) {
                double e = Math.max(0, c.atNs() - t);
                w += c.count();
                s += c.count() * e;
                s2 += c.count() * e * e;
            }
            if (w < minN) {
                break;
            }
            double m = s / w;
            double sd = Math.sqrt(Math.max(0, s2 / w - m * m) * w / Math.max(1, w - 1));
            double half = z * sd / Math.sqrt(w);
            out.add(new MeanExcess(t, m, m - half, m + half, (long) w));
        }
        return out;
    }

    /** The model's return levels from p = ζ down to {@code pMin}, {@code points} log-spaced. */
    public static List<ModelPoint> returnLevels(TailFit f, double pMin, int points) {
        List<ModelPoint> out = new ArrayList<>();
        double hi = Math.log10(f.zeta());
        double lo = Math.log10(pMin);
        for (int k = 1; k <= points; k++) {
            double p = Math.pow(10, hi + (lo - hi) * k / points);
            TailFit.ReturnLevel r = f.returnLevelWithCi(p);
            if (!Double.isNaN(r.valueNs())) {
                out.add(new ModelPoint(p, r.valueNs(), r.lowerNs(), r.upperNs()));
            }
        }
        return out;
    }

    /** The observed values above the threshold with their empirical exceedance probability {@code P(X ≥ v)}. */
    public static List<Empirical> empirical(TailData d, double thresholdNs) {
        List<Empirical> out = new ArrayList<>();
        double n = d.total();
        long above = d.censoredCount();
        for (int i = d.size() - 1; i >= 0 && d.value(i) > thresholdNs; i--) {
            above += d.count(i);
            out.add(new Empirical(above / n, d.value(i)));
        }
        return out;
    }
}
