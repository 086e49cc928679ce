package org.rtvsim.tail;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * The generalised Pareto likelihood behind {@link TailFit}: the log-likelihood of weighted exceedances
 * {@code {excess, weight}} (ns) and right-censored groups {@code {excess lower bound, weight}}, its
 * maximisation over (ξ, σ), and the inverse observed information at the optimum.
 */
final class GpdLikelihood {
    private GpdLikelihood() {
    }

    /**
     * The maximum-likelihood (ξ, σ): Nelder–Mead from the moments start and from ξ = 0.1, −0.1, 0.4,
     * keeping the best.
     */
    static double[] maximise(double[][] y, double[][] cy) {
        double[] start = startValues(y);
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (double xi0 : new double[] {start[0], 0.1, -0.1, 0.4}) {
            double s0 = xi0 == start[0] ? start[1] : start[1] * (1 + Math.max(xi0, 0));
            double[] p = maximise(y, cy, xi0, s0);
            double v = logLik(y, cy, p[0], p[1]);
            if (v > bestValue) {
                bestValue = v;
                best = p;
            }
        }
        return best;
    }

    /** The maximum-likelihood (ξ, σ) from one start (a bootstrap refit starts at the fit it was drawn from). */
    static double[] maximiseFrom(double[][] y, double[][] cy, double xi0, double sigma0) {
        return maximise(y, cy, xi0, sigma0);
    }

    /**
     * The Anderson–Darling statistic (Stephens 1974) of weighted exceedances {@code {excess, weight}} against
     * GPD(ξ, σ): {@code A² = −n − (1/n) Σ_i [(2i−1) ln F(y_(i)) + (2(n−i)+1) ln(1 − F(y_(i)))]} over the
     * ranks i of the sorted sample, the ranks of a tied value summed in closed form. Censored samples are
     * left out (the bootstrap that calibrates it censors the same way). NaN for an empty sample.
     */
    static double andersonDarling(double[][] y, double xi, double sigma) {
        double[][] v = y.clone();
        java.util.Arrays.sort(v, (a, b) -> Double.compare(a[0], b[0]));
        double n = 0;
        for (double[] e : v) {
            n += e[1];
        }
        if (!(n > 0)) {
            return Double.NaN;
        }
        double sum = 0;
        double before = 0; // ranks 1..before are used
        for (double[] e : v) {
            double a = before + 1;
            double b = before + e[1];
            double logS = Math.max(logSurvival(e[0], xi, sigma), -745);
            double logF = Math.log(Math.max(-Math.expm1(logS), 1e-300));
            double sumLow = b * b - (a - 1) * (a - 1); // Σ (2i − 1)
            double sumHigh = e[1] * (2 * n + 1) - (b * (b + 1) - (a - 1) * a); // Σ (2(n − i) + 1)
            sum += sumLow * logF + sumHigh * logS;
            before = b;
        }
        return -n - sum / n;
    }

    /** Method-of-moments starting values (ξ, σ), clamped into a sane range. */
    private static double[] startValues(double[][] y) {
        double w = 0;
        double s = 0;
        double s2 = 0;
        for (double[] e : y) {
            w += e[1];
            s += e[1] * e[0];
            s2 += e[1] * e[0] * e[0];
        }
        double m = s / w;
        double var = Math.max(s2 / w - m * m, 1e-12);
        if (!(m > 0)) {
            return new double[] {0, 1};
        }
        double xi = Math.max(-0.4, Math.min(0.45, 0.5 * (1 - m * m / var)));
        double sigma = m * (1 - xi);
        return new double[] {xi, sigma};
    }

    /** Nelder–Mead on (ξ, ln σ) from one start, restarted from its optimum. */
    private static double[] maximise(double[][] y, double[][] cy, double xi0, double sigma0) {
        SimplexOptimizer opt = new SimplexOptimizer(1e-13, 1e-13);
        double[] x = {xi0, Math.log(sigma0)};
        for (int round = 0; round < 3; round++) {
            PointValuePair r = opt.optimize(new MaxEval(20000),
                    new ObjectiveFunction(t -> {
                        double v = logLik(y, cy, t[0], Math.exp(t[1]));
                        return Double.isFinite(v) ? v : -1e300;
                    }),
                    GoalType.MAXIMIZE, new InitialGuess(x), new NelderMeadSimplex(new double[] {0.1, 0.2}));
            x = r.getPoint();
        }
        return new double[] {x[0], Math.exp(x[1])};
    }

    /**
     * The GPD log-likelihood of weighted exceedances {@code y[i] = {excess, weight}} and censored
     * groups {@code cy[i] = {excess lower bound, weight}}; −∞ outside the support or for ξ ≤ −1.
     */
    static double logLik(double[][] y, double[][] cy, double xi, double sigma) {
        if (!(sigma > 0) || !(xi > -1)) {
            return Double.NEGATIVE_INFINITY;
        }
        double ll = 0;
        double logSigma = Math.log(sigma);
        boolean exponential = Math.abs(xi) < 1e-12;
        for (double[] e : y) {
            if (exponential) {
                ll += e[1] * (-logSigma - e[0] / sigma);
                continue;
            }
            double zz = xi * e[0] / sigma;
            if (zz <= -1) {
                return Double.NEGATIVE_INFINITY;
            }
            ll += e[1] * (-logSigma - (1 + 1 / xi) * Math.log1p(zz));
        }
        for (double[] c : cy) {
            ll += c[1] * logSurvival(c[0], xi, sigma);
        }
        return ll;
    }

    /** ln S(y) of the GPD. */
    static double logSurvival(double y, double xi, double sigma) {
        if (Math.abs(xi) < 1e-12) {
            return -y / sigma;
        }
        double zz = xi * y / sigma;
        return zz <= -1 ? Double.NEGATIVE_INFINITY : -Math.log1p(zz) / xi;
    }

    /** Inverse of the observed information in (ξ, σ), by central differences; null if not positive definite. */
    static double[][] covariance(double[][] y, double[][] cy, double xi, double sigma) {
        double hx = 1e-4 * Math.max(1, Math.abs(xi));
        double hs = 1e-4 * sigma;
        double f0 = logLik(y, cy, xi, sigma);
        double fxx = (logLik(y, cy, xi + hx, sigma) - 2 * f0 + logLik(y, cy, xi - hx, sigma)) / (hx * hx);
        double fss = (logLik(y, cy, xi, sigma + hs) - 2 * f0 + logLik(y, cy, xi, sigma - hs)) / (hs * hs);
        double fxs = (logLik(y, cy, xi + hx, sigma + hs) - logLik(y, cy, xi + hx, sigma - hs)
                - logLik(y, cy, xi - hx, sigma + hs) + logLik(y, cy, xi - hx, sigma - hs)) / (4 * hx * hs);
        double a = -fxx;
        double b = -fxs;
        double d = -fss;
        double det = a * d - b * b;
        if (!(a > 0 && d > 0 && det > 0) || !Double.isFinite(det)) {
            return null;
        }
        RealMatrix inv = new LUDecomposition(new Array2DRowRealMatrix(new double[][] {{a, b}, {b, d}}))
                .getSolver().getInverse();
        return inv.getData();
    }
}
