package org.rtvsim.tail;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

/**
 * Profile-likelihood interval of a GPD return level (Coles 2001, §2.6.6 and §4.3.3): the GPD is
 * reparametrised by the excess {@code d = x_p − u} of the return level, {@code σ = d / g(ξ, L)} with
 * {@code g(ξ, L) = expm1(ξL)/ξ} and {@code L = ln(ζ/p)}; the profile log-likelihood
 * {@code ℓ_p(d) = max_ξ ℓ(ξ, d/g(ξ, L))} is maximised over ξ on a grid in (−1, {@value #XI_MAX}] refined
 * by Brent's method, and the interval is {@code {d : 2(ℓ̂ − ℓ_p(d)) ≤ χ²₁(conf)}}, found by bisection
 * below the estimate (after halving to bracket it) and by doubling then bisection above it, to a relative
 * precision of 10⁻⁴. ζ is held at its estimate (Coles
 * §4.4.1: its uncertainty is small beside that of ξ and σ). The interval need not be symmetric, and
 * every level in it lies above the threshold, so it is never negative.
 */
final class GpdProfile {
    /** The largest shape the profile considers; a fit beyond it is flagged anyway (ξ > 0.5). */
    static final double XI_MAX = 3;
    private static final double XI_MIN = -0.999;
    private static final int GRID = 24;
    /** Doublings of the excess above the estimate before the upper end is called unbounded. */
    private static final int MAX_DOUBLINGS = 40;
    private static final double REL_TOL = 1e-4;

    private final double[][] y;
    private final double[][] cy;
    private final double maxLogLik;
    private final double cut;

    /**
     * @param maxLogLik the maximised log-likelihood ℓ̂ (raised to the profile's own maximum if the
     *                  profile finds a better point)
     * @param cut       the χ²₁ quantile at the confidence level, e.g. 3.841 for 95 %
     */
    GpdProfile(double[][] y, double[][] cy, double maxLogLik, double cut) {
        this.y = y;
        this.cy = cy;
        this.maxLogLik = maxLogLik;
        this.cut = cut;
    }

    /** ℓ_p(d): the log-likelihood maximised over ξ with σ = d/g(ξ, L). */
    double profile(double d, double l) {
        double bestXi = Double.NaN;
        double best = Double.NEGATIVE_INFINITY;
        double step = (XI_MAX - XI_MIN) / GRID;
        for (int k = 0; k <= GRID; k++) {
            double xi = XI_MIN + k * step;
            double v = at(d, l, xi);
            if (v > best) {
                best = v;
                bestXi = xi;
            }
        }
        if (Double.isNaN(bestXi)) {
            return Double.NEGATIVE_INFINITY;
        }
        double lo = Math.max(XI_MIN, bestXi - step);
        double hi = Math.min(XI_MAX, bestXi + step);
        UnivariatePointValuePair r = new BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(200), GoalType.MAXIMIZE,
                new UnivariateObjectiveFunction(xi -> {
                    double v = at(d, l, xi);
                    return Double.isFinite(v) ? v : -1e300;
                }), new SearchInterval(lo, hi, bestXi));
        return Math.max(best, r.getValue());
    }

    private double at(double d, double l, double xi) {
        double sigma = d / TailFit.expm1Over(xi, l);
        return GpdLikelihood.logLik(y, cy, xi, sigma);
    }

    /** The deviance 2(ℓ̂ − ℓ_p(d)), at least 0. */
    double deviance(double d, double l) {
        return Math.max(0, 2 * (maxLogLik - profile(d, l)));
    }

    /**
     * The interval {@code {lower, upper}} of the excess d = x_p − u around the estimate {@code dHat};
     * the upper end is +∞ when the deviance stays under the cut up to 2^{@value #MAX_DOUBLINGS}·d̂.
     */
    double[] interval(double dHat, double l) {
        // lower: the deviance tends to infinity as d -> 0 (σ -> 0 or the support excludes the data)
        double a = 0;
        double b = dHat;
        for (double t = dHat / 2; t > 1e-9 * dHat; t /= 2) {
            if (deviance(t, l) > cut) {
                a = t;
                break;
            }
            b = t;
        }
        while (b - a > REL_TOL * dHat) {
            double m = 0.5 * (a + b);
            if (deviance(m, l) > cut) {
                a = m;
            } else {
                b = m;
            }
        }
        double lower = 0.5 * (a + b);
        double upper = Double.POSITIVE_INFINITY;
        double lo = dHat;
        double hi = dHat;
        for (int k = 0; k < MAX_DOUBLINGS; k++) {
            hi = 2 * hi;
            if (deviance(hi, l) > cut) {
                while (hi - lo > REL_TOL * lo) {
                    double m = 0.5 * (lo + hi);
                    if (deviance(m, l) > cut) {
                        hi = m;
                    } else {
                        lo = m;
                    }
                }
                upper = 0.5 * (lo + hi);
                break;
            }
            lo = hi;
        }
        return new double[] {lower, upper};
    }
}
