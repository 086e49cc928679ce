package org.rtvsim.tail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Peaks over threshold: a generalised Pareto distribution (GPD) fitted by maximum likelihood to the
 * exceedances {@code y = x − u} of a weighted latency sample over a threshold {@code u}, with
 * right-censored samples (known only to be {@code ≥ c}) contributing {@code log S(c − u)}.
 *
 * <p>GPD: {@code S(y) = (1 + ξ y/σ)^(−1/ξ)}, exponential {@code exp(−y/σ)} for {@code ξ = 0}. Standard
 * errors come from the observed information (the numerical Hessian of the log-likelihood at the MLE);
 * every confidence interval is a Wald / delta-method interval. Return level for a per-wake-up
 * exceedance probability {@code p < ζ}: {@code x_p = u + σ/ξ·((p/ζ)^(−ξ) − 1)}, {@code u + σ·ln(ζ/p)}
 * for {@code ξ → 0}, with {@code ζ = n_u/n}. {@link #warnings()} says when the fit is not credible.
 */
public final class TailFit {
    /** The default per-wake-up probabilities of the return levels. */
    public static final double[] DEFAULT_PROBABILITIES = {1e-6, 1e-9, 1e-12};
    /** Below this many exceedances no fit is attempted at all. */
    public static final int MIN_TO_FIT = 5;
    /** ξ's CI half-width above which the shape is called poorly determined. */
    public static final double WIDE_XI_HALF_WIDTH = 0.3;
    /** A return level beyond this multiple of the observed maximum is called not credible. */
    public static final double MAX_EXTRAPOLATION = 1000;

    /**
     * How to fit: the threshold as an empirical percentile of the data (or, when {@code thresholdNs}
     * is not NaN, that value), the exceedances a credible fit needs, the confidence level of every
     * interval and the return-level probabilities.
     */
    public record Options(double thresholdPercentile, double thresholdNs, int minExceedances, double confidence,
                          double[] probabilities) {
        public Options {
            if (!(thresholdPercentile > 0 && thresholdPercentile < 100)) {
                throw new IllegalArgumentException("threshold percentile must be in (0, 100): " + thresholdPercentile);
            }
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
            }
            probabilities = probabilities.clone();
        }

        /** p99 threshold, 50 exceedances, 95 % intervals, p = 1e-6, 1e-9, 1e-12. */
        public static Options defaults() {
            return new Options(99, Double.NaN, 50, 0.95, DEFAULT_PROBABILITIES);
        }

        public Options withThresholdPercentile(double p) {
            return new Options(p, Double.NaN, minExceedances, confidence, probabilities);
        }

        public Options withThresholdNs(double u) {
            return new Options(thresholdPercentile, u, minExceedances, confidence, probabilities);
        }

        public Options withMinExceedances(int n) {
            return new Options(thresholdPercentile, thresholdNs, n, confidence, probabilities);
        }

        public Options withConfidence(double c) {
            return new Options(thresholdPercentile, thresholdNs, minExceedances, c, probabilities);
        }

        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }
    }

    /** The latency {@code valueNs} exceeded with probability {@code p} per wake-up, with its CI (delta method). */
    public record ReturnLevel(double p, double valueNs, double lowerNs, double upperNs) {
    }

    private final double xi;
    private final double sigma;
    private final double threshold;
    private final long exceedances;
    private final long censoredExceedances;
    private final long total;
    private final double observedMax;
    private final double logLikelihood;
    /** Covariance of (ξ, σ); null when the information matrix could not be inverted. */
    private final double[][] cov;
    private final double confidence;
    private final double z;
    private final List<ReturnLevel> returnLevels;
    private final List<String> warnings;

    private TailFit(double xi, double sigma, double threshold, long exceedances, long censoredExceedances, long total,
                    double observedMax, double logLikelihood, double[][] cov, Options o, List<String> pre) {
        this.xi = xi;
        this.sigma = sigma;
        this.threshold = threshold;
        this.exceedances = exceedances;
        this.censoredExceedances = censoredExceedances;
        this.total = total;
        this.observedMax = observedMax;
        this.logLikelihood = logLikelihood;
        this.cov = cov;
        this.confidence = o.confidence();
        this.z = new NormalDistribution().inverseCumulativeProbability(0.5 + o.confidence() / 2);
        List<ReturnLevel> levels = new ArrayList<>();
        for (double p : o.probabilities()) {
            levels.add(returnLevelWithCi(p));
        }
        this.returnLevels = List.copyOf(levels);
        this.warnings = List.copyOf(credibility(o, pre));
    }

    /** Fits with {@link Options#defaults()}. */
    public static TailFit fit(TailData data) {
        return fit(data, Options.defaults());
    }

    /**
     * Fits the GPD above the threshold {@code o} asks for.
     *
     * @throws IllegalArgumentException when fewer than {@link #MIN_TO_FIT} samples exceed the threshold
     */
    public static TailFit fit(TailData data, Options o) {
        double u = Double.isNaN(o.thresholdNs()) ? data.quantile(o.thresholdPercentile()) : o.thresholdNs();
        long nu = data.countAbove(u);
        if (data.total() == 0 || nu < MIN_TO_FIT) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "only %d of %d samples exceed the threshold "
                    + "%.0f ns; a tail fit needs at least %d (and %d to be credible)", nu, data.total(), u,
                    MIN_TO_FIT, o.minExceedances()));
        }
        List<String> pre = new ArrayList<>();
        // exceedances
        List<double[]> ex = new ArrayList<>(); // {y, weight}
        for (int i = data.size() - 1; i >= 0 && data.value(i) > u; i--) {
            ex.add(new double[] {data.value(i) - u, data.count(i)});
        }
        List<double[]> cens = new ArrayList<>();
        long nCens = 0;
        for (TailData.Censored c : data.censored()) {
            cens.add(new double[] {Math.max(0, c.atNs() - u), c.count()});
            nCens += c.count();
            if (c.atNs() <= u) {
                pre.add(String.format(Locale.ROOT, "%d censored samples (>= %.0f ns) lie at or below the threshold "
                        + "%.0f ns; they are taken as exceedances with unknown excess", c.count(), c.atNs(), u));
            }
        }
        double[][] y = ex.toArray(new double[0][]);
        double[][] cy = cens.toArray(new double[0][]);
        double[] best = GpdLikelihood.maximise(y, cy);
        double bestValue = GpdLikelihood.logLik(y, cy, best[0], best[1]);
        double[][] cov = GpdLikelihood.covariance(y, cy, best[0], best[1]);
        return new TailFit(best[0], best[1], u, nu, nCens, data.total(), data.max(), bestValue, cov, o, pre);
    }

    /** {@code expm1(ξL)/ξ} and its derivative in ξ, stable near ξ = 0. */
    private static double[] g(double xi, double l) {
        double t = xi * l;
        if (Math.abs(t) < 1e-5) {
            return new double[] {l * (1 + t / 2 + t * t / 6), l * l * (0.5 + t / 3)};
        }
        double val = Math.expm1(t) / xi;
        double der = (l * Math.exp(t) * xi - Math.expm1(t)) / (xi * xi);
        return new double[] {val, der};
    }

    /** The return level for probability {@code p} per wake-up; NaN unless {@code 0 < p < ζ}. */
    public double returnLevel(double p) {
        double zeta = zeta();
        if (!(p > 0 && p < zeta)) {
            return Double.NaN;
        }
        return threshold + sigma * g(xi, Math.log(zeta / p))[0];
    }

    /**
     * The return level with its delta-method CI: the gradient in (ζ, ξ, σ) against the covariance of
     * (ξ, σ) from the observed information plus {@code Var ζ = ζ(1−ζ)/n} (independent).
     */
    public ReturnLevel returnLevelWithCi(double p) {
        double x = returnLevel(p);
        double se = returnLevelSe(p);
        return new ReturnLevel(p, x, x - z * se, x + z * se);
    }

    /** Delta-method standard error of the return level; NaN when unavailable. */
    public double returnLevelSe(double p) {
        double zeta = zeta();
        if (cov == null || !(p > 0 && p < zeta)) {
            return Double.NaN;
        }
        double l = Math.log(zeta / p);
        double[] gl = g(xi, l);
        double dSigma = gl[0];
        double dXi = sigma * gl[1];
        // d/dζ of σ·expm1(ξ ln(ζ/p))/ξ = σ·exp(ξL)/ζ
        double dZeta = sigma * Math.exp(xi * l) / zeta;
        double var = dXi * dXi * cov[0][0] + 2 * dXi * dSigma * cov[0][1] + dSigma * dSigma * cov[1][1]
                + dZeta * dZeta * zeta * (1 - zeta) / total;
        return Math.sqrt(var);
    }

    private List<String> credibility(Options o, List<String> pre) {
        List<String> w = new ArrayList<>();
        if (exceedances < o.minExceedances()) {
            w.add(String.format(Locale.ROOT, "only %d exceedances over the threshold (fewer than %d): the fit is "
                    + "not credible", exceedances, o.minExceedances()));
        }
        if (xi > 0.5) {
            w.add(String.format(Locale.ROOT, "shape xi = %.3f > 0.5: an extremely heavy tail (infinite variance); "
                    + "extrapolated return levels are not credible", xi));
        }
        if (xi < -0.5) {
            w.add(String.format(Locale.ROOT, "shape xi = %.3f < -0.5: the maximum-likelihood estimate is irregular "
                    + "(a hard bound right at the data); the fit is not credible", xi));
        }
        if (cov == null) {
            w.add("the observed information is not positive definite: no standard errors or intervals; "
                    + "the fit is not credible");
        } else if (z * seXi() > WIDE_XI_HALF_WIDTH) {
            w.add(String.format(Locale.ROOT, "the %.0f%% CI of xi [%.3f, %.3f] is wide (half-width > %.1f): the "
                    + "tail shape is poorly determined", 100 * confidence, xiLower(), xiUpper(), WIDE_XI_HALF_WIDTH));
        }
        for (ReturnLevel r : returnLevels) {
            if (Double.isNaN(r.valueNs())) {
                w.add(String.format(Locale.ROOT, "p = %.0e is not below the exceedance rate zeta = %.3g: no return "
                        + "level (lower the threshold)", r.p(), zeta()));
            } else if (r.valueNs() > MAX_EXTRAPOLATION * observedMax) {
                w.add(String.format(Locale.ROOT, "the return level for p = %.0e (%.4g ns) is more than %.0fx the "
                        + "observed maximum (%.0f ns): not credible", r.p(), r.valueNs(), MAX_EXTRAPOLATION,
                        observedMax));
            }
        }
        w.addAll(pre);
        return w;
    }

    /** Shape ξ. */
    public double xi() {
        return xi;
    }

    /** Scale σ in ns. */
    public double sigma() {
        return sigma;
    }

    /** Threshold u in ns. */
    public double threshold() {
        return threshold;
    }

    /** Exceedance rate ζ = n_u / n. */
    public double zeta() {
        return (double) exceedances / total;
    }

    /** n_u: samples above the threshold, censored ones included. */
    public long exceedances() {
        return exceedances;
    }

    /** Censored samples among the exceedances. */
    public long censoredExceedances() {
        return censoredExceedances;
    }

    /** n: all samples. */
    public long total() {
        return total;
    }

    /** The largest value seen (a censoring point counts), ns. */
    public double observedMax() {
        return observedMax;
    }

    /** Maximised log-likelihood. */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** The confidence level of the intervals. */
    public double confidence() {
        return confidence;
    }

    /** Standard error of ξ (observed information); NaN when unavailable. */
    public double seXi() {
        return cov == null ? Double.NaN : Math.sqrt(cov[0][0]);
    }

    /** Standard error of σ in ns; NaN when unavailable. */
    public double seSigma() {
        return cov == null ? Double.NaN : Math.sqrt(cov[1][1]);
    }

    /** Covariance of (ξ, σ) from the observed information, or null. */
    public double[][] covariance() {
        return cov == null ? null : new double[][] {cov[0].clone(), cov[1].clone()};
    }

    /** Standard error of ζ, binomial. */
    public double seZeta() {
        double zeta = zeta();
        return Math.sqrt(zeta * (1 - zeta) / total);
    }

    public double xiLower() {
        return xi - z * seXi();
    }

    public double xiUpper() {
        return xi + z * seXi();
    }

    public double sigmaLower() {
        return sigma - z * seSigma();
    }

    public double sigmaUpper() {
        return sigma + z * seSigma();
    }

    /** Return levels at the probabilities of the options, with CIs. */
    public List<ReturnLevel> returnLevels() {
        return returnLevels;
    }

    /** Why the fit is not credible; empty when nothing speaks against it. */
    public List<String> warnings() {
        return warnings;
    }

    /** True when there are no warnings. */
    public boolean credible() {
        return warnings.isEmpty();
    }

    /** A few lines for a terminal: parameters with CIs, return levels, warnings. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        int pc = (int) Math.round(100 * confidence);
        sb.append(String.format(Locale.ROOT, "GPD tail fit (peaks over threshold, maximum likelihood; %d%% CIs by "
                + "the delta method)%n", pc));
        sb.append(String.format(Locale.ROOT, "  threshold u     %.3f us%n", threshold / 1000));
        sb.append(String.format(Locale.ROOT, "  exceedances     %d of %d (zeta = %.4g +- %.2g)%s%n", exceedances,
                total, zeta(), seZeta(), censoredExceedances > 0 ? ", " + censoredExceedances + " censored" : ""));
        sb.append(String.format(Locale.ROOT, "  shape xi        %.4f  (se %.4f, CI [%.4f, %.4f])%n", xi, seXi(),
                xiLower(), xiUpper()));
        sb.append(String.format(Locale.ROOT, "  scale sigma     %.3f us  (se %.3f, CI [%.3f, %.3f])%n", sigma / 1000,
                seSigma() / 1000, sigmaLower() / 1000, sigmaUpper() / 1000));
        sb.append(String.format(Locale.ROOT, "  observed max    %.3f us%n", observedMax / 1000));
        if (xi < 0) {
            sb.append(String.format(Locale.ROOT, "  upper endpoint  %.3f us (u + sigma/|xi|)%n",
                    (threshold + sigma / -xi) / 1000));
        }
        sb.append("Return levels (latency exceeded with probability p per wake-up):\n");
        for (ReturnLevel r : returnLevels) {
            sb.append(String.format(Locale.ROOT, "  p = %.0e   %12.3f us   CI [%.3f, %.3f] us%n", r.p(),
                    r.valueNs() / 1000, r.lowerNs() / 1000, r.upperNs() / 1000));
        }
        if (warnings.isEmpty()) {
            sb.append("Credibility: no warnings\n");
        } else {
            sb.append("Warnings (the fit is not credible):\n");
            for (String w : warnings) {
                sb.append("  - ").append(w).append('\n');
            }
        }
        return sb.toString();
    }
}
