package org.rtvsim.tail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Peaks over threshold: a generalised Pareto distribution (GPD) fitted by maximum likelihood to the
 * exceedances {@code y = x − u} of a weighted latency sample over a threshold {@code u}, with
 * right-censored samples (known only to be {@code ≥ c}) contributing {@code log S(c − u)}.
 *
 * <p>GPD: {@code S(y) = (1 + ξ y/σ)^(−1/ξ)}, exponential {@code exp(−y/σ)} for {@code ξ = 0}. Standard
 * errors of ξ and σ come from the observed information (the numerical Hessian of the log-likelihood at
 * the MLE; Wald intervals). Return level for a per-wake-up exceedance probability {@code p < ζ}:
 * {@code x_p = u + σ/ξ·((p/ζ)^(−ξ) − 1)}, {@code u + σ·ln(ζ/p)} for {@code ξ → 0}, with {@code ζ = n_u/n};
 * its interval is the profile-likelihood interval ({@link GpdProfile}), raised to the observed maximum
 * where the data alone put the level above it, with a parametric bootstrap ({@link GpdBootstrap}) beside
 * it when {@link Options#bootstrap()} asks for one. {@link #warnings()} says when the fit is not credible
 * ({@link TailCredibility}).
 */
public final class TailFit {
    /** The default per-wake-up probabilities of the return levels. */
    public static final double[] DEFAULT_PROBABILITIES = {1e-6, 1e-9, 1e-12};
    /** Below this many exceedances no fit is attempted at all. */
    public static final int MIN_TO_FIT = 5;

    /**
     * How to fit: the threshold as an empirical percentile of the data (or, when {@code thresholdNs}
     * is not NaN, that value), the exceedances a credible fit needs, the confidence level of every
     * interval and the return-level probabilities.
     */
    public record Options(double thresholdPercentile, double thresholdNs, int minExceedances, double confidence,
                          double[] probabilities, int bootstrap) {
        public Options {
            if (!(thresholdPercentile > 0 && thresholdPercentile < 100)) {
                throw new IllegalArgumentException("threshold percentile must be in (0, 100): " + thresholdPercentile);
            }
            if (!(confidence > 0 && confidence < 1)) {
                throw new IllegalArgumentException("confidence must be in (0, 1): " + confidence);
            }
            if (bootstrap < 0) {
                throw new IllegalArgumentException("bootstrap replications must be >= 0: " + bootstrap);
            }
            probabilities = probabilities.clone();
        }

        /** p99 threshold, 50 exceedances, 95 % intervals, p = 1e-6, 1e-9, 1e-12, no bootstrap. */
        public static Options defaults() {
            return new Options(99, Double.NaN, 50, 0.95, DEFAULT_PROBABILITIES, 0);
        }

        /** With {@code b} parametric bootstrap replications (0: none). */
        public Options withBootstrap(int b) {
            return new Options(thresholdPercentile, thresholdNs, minExceedances, confidence, probabilities, b);
        }

        public Options withProbabilities(double... p) {
            return new Options(thresholdPercentile, thresholdNs, minExceedances, confidence, p, bootstrap);
        }

        public Options withThresholdPercentile(double p) {
            return new Options(p, Double.NaN, minExceedances, confidence, probabilities, bootstrap);
        }

        public Options withThresholdNs(double u) {
            return new Options(thresholdPercentile, u, minExceedances, confidence, probabilities, bootstrap);
        }

        public Options withMinExceedances(int n) {
            return new Options(thresholdPercentile, thresholdNs, n, confidence, probabilities, bootstrap);
        }

        public Options withConfidence(double c) {
            return new Options(thresholdPercentile, thresholdNs, minExceedances, c, probabilities, bootstrap);
        }

        @Override
        public double[] probabilities() {
            return probabilities.clone();
        }
    }

    /**
     * The latency {@code valueNs} exceeded with probability {@code p} per wake-up, with its profile-likelihood
     * interval {@code [lowerNs, upperNs]} (upper +∞ when the data do not bound it) and the parametric
     * bootstrap's percentile interval {@code [bootLowerNs, bootUpperNs]} (NaN without a bootstrap).
     * {@code atLeastMax}: the data put this level above the observed maximum (at least {@code 1 − α/2}
     * probability), so every bound was raised to it. {@code profileUpperNs}: the upper end before that.
     */
    public record ReturnLevel(double p, double valueNs, double lowerNs, double upperNs, double bootLowerNs,
                              double bootUpperNs, boolean atLeastMax, double profileUpperNs) {
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
    private final double[][] y;
    private final double[][] cy;
    private final double[] lattice;
    private final GpdProfile profile;
    private final GpdBootstrap.Result boot;
    private final double[] bootProbabilities;
    private final List<ReturnLevel> returnLevels;
    private final TailCredibility.Diagnostics diagnostics;
    private final List<String> warnings;

    private TailFit(ThresholdFit c, TailData data, Options o, List<String> pre) {
        this.xi = c.best()[0];
        this.sigma = c.best()[1];
        this.threshold = c.u();
        this.exceedances = c.nu();
        this.censoredExceedances = c.nCens();
        this.total = data.total();
        this.observedMax = data.max();
        this.y = c.y();
        this.cy = c.cy();
        this.cov = c.cov();
        this.confidence = o.confidence();
        this.z = new NormalDistribution().inverseCumulativeProbability(0.5 + o.confidence() / 2);
        this.lattice = GpdBootstrap.lattice(c.y());
        double ll = GpdLikelihood.logLik(y, cy, xi, sigma);
        double cut = new ChiSquaredDistribution(1).inverseCumulativeProbability(o.confidence());
        double lHat = ll;
        if (zeta() < 1) {
            // the profile at the estimate may find a slightly better optimum than the simplex did
            double p0 = new GpdProfile(y, cy, ll, cut).profile(returnLevel(zeta() / 10) - threshold, Math.log(10));
            lHat = Math.max(ll, p0);
        }
        this.logLikelihood = lHat;
        this.profile = new GpdProfile(y, cy, lHat, cut);
        this.bootProbabilities = o.probabilities();
        this.boot = o.bootstrap() > 0 ? bootstrap(o.bootstrap()) : null;
        List<ReturnLevel> levels = new ArrayList<>();
        for (int k = 0; k < bootProbabilities.length; k++) {
            levels.add(level(bootProbabilities[k], k));
        }
        this.returnLevels = List.copyOf(levels);
        this.diagnostics = TailCredibility.diagnose(this, data, o);
        this.warnings = List.copyOf(TailCredibility.warnings(this, o, pre));
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
        for (TailData.Censored c : data.censored()) {
            if (c.atNs() <= u) {
                pre.add(String.format(Locale.ROOT, "%d censored samples (>= %.0f ns) lie at or below the threshold "
                        + "%.0f ns; they are taken as exceedances with unknown excess", c.count(), c.atNs(), u));
            }
        }
        return new TailFit(ThresholdFit.fit(data, u), data, o, pre);
    }

    private GpdBootstrap.Result bootstrap(int b) {
        double censorAt = Double.POSITIVE_INFINITY;
        for (double[] c : cy) {
            censorAt = Math.min(censorAt, c[0]);
        }
        double[] ls = new double[bootProbabilities.length];
        for (int k = 0; k < ls.length; k++) {
            ls[k] = bootProbabilities[k] < zeta() ? Math.log(zeta() / bootProbabilities[k]) : Double.NaN;
        }
        return GpdBootstrap.run(threshold, xi, sigma, (int) Math.min(Integer.MAX_VALUE, exceedances), censorAt,
                lattice, ls, b);
    }

    /** {@code expm1(ξL)/ξ}, stable near ξ = 0 (the excess of the return level per unit σ). */
    static double expm1Over(double xi, double l) {
        double t = xi * l;
        if (Math.abs(t) < 1e-5) {
            return l * (1 + t / 2 + t * t / 6);
        }
        return Math.expm1(t) / xi;
    }

    /** The return level for probability {@code p} per wake-up; NaN unless {@code 0 < p < ζ}. */
    public double returnLevel(double p) {
        double zeta = zeta();
        if (!(p > 0 && p < zeta)) {
            return Double.NaN;
        }
        return threshold + sigma * expm1Over(xi, Math.log(zeta / p));
    }

    /** The return level with its profile-likelihood interval (no bootstrap), raised to the observed maximum where due. */
    public ReturnLevel returnLevelWithCi(double p) {
        return level(p, -1);
    }

    private ReturnLevel level(double p, int bootIndex) {
        double x = returnLevel(p);
        if (Double.isNaN(x)) {
            return new ReturnLevel(p, x, Double.NaN, Double.NaN, Double.NaN, Double.NaN, false, Double.NaN);
        }
        double l = Math.log(zeta() / p);
        double[] d = profile.interval(x - threshold, l);
        double lo = threshold + d[0];
        double hi = threshold + d[1];
        double bLo = Double.NaN;
        double bHi = Double.NaN;
        if (boot != null && bootIndex >= 0) {
            bLo = boot.levelQuantile(bootIndex, (1 - confidence) / 2);
            bHi = boot.levelQuantile(bootIndex, 1 - (1 - confidence) / 2);
        }
        boolean atLeastMax = maxBelowLevel(p);
        double profileHi = hi;
        if (atLeastMax) {
            lo = Math.max(lo, observedMax);
            hi = Math.max(hi, observedMax);
            bLo = Double.isNaN(bLo) ? bLo : Math.max(bLo, observedMax);
            bHi = Double.isNaN(bHi) ? bHi : Math.max(bHi, observedMax);
        }
        return new ReturnLevel(p, x, lo, hi, bLo, bHi, atLeastMax, profileHi);
    }

    /**
     * True when the observed maximum is itself a lower confidence bound of {@code x_p}: all {@code n}
     * samples stay below {@code x_p} with probability {@code (1 − p)^n}, so the maximum exceeds the level
     * with probability {@code 1 − (1 − p)^n}; that must be at most {@code α/2}.
     */
    boolean maxBelowLevel(double p) {
        return -Math.expm1(total * Math.log1p(-p)) <= (1 - confidence) / 2;
    }

    /** The profile-likelihood interval of the return level at {@code p} without the observed-maximum floor. */
    double[] profileInterval(double p) {
        double x = returnLevel(p);
        double[] d = profile.interval(x - threshold, Math.log(zeta() / p));
        return new double[] {threshold + d[0], threshold + d[1]};
    }

    /** The exceedances {@code {excess, weight}} (descending) and censored groups, for the diagnostics. */
    double[][] exceedanceData() {
        return y;
    }

    /** {@code {first excess, spacing}} of the data's lattice, or null. */
    double[] latticeOf() {
        return lattice;
    }

    /** The bootstrap, or null. */
    GpdBootstrap.Result bootstrapResult() {
        return boot;
    }

    /** Threshold stability, goodness of fit and the observed points against the fit. */
    public TailCredibility.Diagnostics diagnostics() {
        return diagnostics;
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

    /** A few lines for a terminal: parameters with CIs, return levels with intervals, diagnostics, warnings. */
    public String describe() {
        return TailText.describe(this);
    }
}
