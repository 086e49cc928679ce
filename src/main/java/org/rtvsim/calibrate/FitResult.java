package org.rtvsim.calibrate;

import java.util.List;

/**
 * The outcome of a calibration: the best evaluated point (normalised {@code x} and the parameters' values), its
 * objective and distances, the simulated distribution there, and the uncertainty of each parameter in its own
 * unit ({@code halfWidths}: NaN when not identified or not computed, see {@link Curvature}).
 *
 * @param stop        why the search ended: {@code converged}, {@code budget} or {@code max-evaluations}
 * @param noiseFloor  the objective between two independent simulations (replications 0 and 1) of the fit
 * @param uncertainty how the half-widths were obtained, or why they are missing
 * @param history     every evaluation in order
 */
public record FitResult(List<FitParameter> parameters, double[] x, Distances distances, LatencyCdf simulated,
        double[] halfWidths, double noiseFloor, String uncertainty, int evaluations, String stop,
        List<Calibration.Evaluation> history) {

    public FitResult {
        parameters = List.copyOf(parameters);
        x = x.clone();
        halfWidths = halfWidths.clone();
        history = List.copyOf(history);
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] halfWidths() {
        return halfWidths.clone();
    }

    /** The objective at the fit. */
    public double objective() {
        return distances.objective();
    }

    /** Parameter {@code i}'s fitted value in its unit. */
    public double value(int i) {
        return parameters.get(i).value(x[i]);
    }

    /** The fitted overrides, {@code path=value}. */
    public List<String> sets() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            out.add(parameters.get(i).set(x[i]));
        }
        return out;
    }

    /** Whether the fit lies on the edge of parameter {@code i}'s range (the range may be too narrow). */
    public boolean atBound(int i) {
        return x[i] <= 1e-3 || x[i] >= 1 - 1e-3;
    }
}
