package org.rtvsim.calibrate;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The curvature of the calibration objective at the optimum and the uncertainty it implies, in normalised
 * coordinates. The Hessian is taken by central finite differences with step {@code h} (2n² evaluations plus
 * the centre), the stencil shifted inwards so it stays in [0, 1]. The half-width of parameter i is
 * sqrt(2·Δ·(H⁻¹)ᵢᵢ): how far the parameter can move, the others re-adjusting, before the objective's quadratic
 * model rises by Δ, the noise floor (the objective between two independent simulations of the fitted scenario).
 * When H is not positive definite the diagonal alone is used, and a parameter whose own curvature is not
 * positive is not identified (half-width NaN).
 */
final class Curvature {
    private Curvature() {
    }

    /** The stencil's centre: {@code x} moved at least {@code h} inside [0, 1]. */
    static double[] centre(double[] x, double h) {
        double[] c = x.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] = Math.min(1 - h, Math.max(h, c[i]));
        }
        return c;
    }

    /** The central-difference Hessian of {@code f} at {@code c} (already inside by {@code h}). */
    static double[][] hessian(ToDoubleFunction<double[]> f, double[] c, double h) {
        int n = c.length;
        double f0 = f.applyAsDouble(c);
        double[][] hs = new double[n][n];
        for (int i = 0; i < n; i++) {
            double plus = f.applyAsDouble(shift(c, i, h, -1, 0));
            double minus = f.applyAsDouble(shift(c, i, -h, -1, 0));
            hs[i][i] = (plus - 2 * f0 + minus) / (h * h);
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double pp = f.applyAsDouble(shift(c, i, h, j, h));
                double pm = f.applyAsDouble(shift(c, i, h, j, -h));
                double mp = f.applyAsDouble(shift(c, i, -h, j, h));
                double mm = f.applyAsDouble(shift(c, i, -h, j, -h));
                hs[i][j] = (pp - pm - mp + mm) / (4 * h * h);
                hs[j][i] = hs[i][j];
            }
        }
        return hs;
    }

    private static double[] shift(double[] c, int i, double di, int j, double dj) {
        double[] x = c.clone();
        x[i] += di;
        if (j >= 0) {
            x[j] += dj;
        }
        return x;
    }

    /** Half-widths sqrt(2·noise·(H⁻¹)ᵢᵢ) in normalised coordinates; NaN where not identified. */
    static double[] halfWidths(double[][] h, double noise) {
        int n = h.length;
        double[] out = new double[n];
        RealMatrix m = new Array2DRowRealMatrix(h);
        try {
            RealMatrix inv = new CholeskyDecomposition(m, 1e-12, 1e-15).getSolver().getInverse();
            for (int i = 0; i < n; i++) {
                out[i] = Math.sqrt(2 * noise * inv.getEntry(i, i));
            }
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            for (int i = 0; i < n; i++) {
                out[i] = h[i][i] > 0 ? Math.sqrt(2 * noise / h[i][i]) : Double.NaN;
            }
        }
        return out;
    }
}
