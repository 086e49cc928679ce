package org.rtvsim.calibrate;

import java.util.List;
import org.rtvsim.measured.LatencyCdf;

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
public record FitResult(List<FitParameter> parameters, double[] x, double objective, List<ConditionFit> conditions,
        double[] halfWidths, double noiseFloor, String uncertainty, int evaluations, String stop,
        List<Calibration.Evaluation> history, List<Identification> identification) {

    /** One measured condition at the fit: its distances and the simulated distribution. */
    public record ConditionFit(String name, Distances distances, LatencyCdf simulated) {
    }

    /**
     * Whether the data identify a parameter; when not, why ({@code reason}), and the unmeasured condition whose
     * prediction moves most with it ({@code suggestion}, null if none was offered or none moves) and by how much
     * (the tail-weighted log RMS between its predictions at the range's two ends).
     */
    public record Identification(boolean identified, String reason, String suggestion, double movement) {
    }

    public FitResult {
        parameters = List.copyOf(parameters);
        x = x.clone();
        conditions = List.copyOf(conditions);
        halfWidths = halfWidths.clone();
        history = List.copyOf(history);
        identification = List.copyOf(identification);
    }

    /**
     * The fit is flagged as a misfit when its data objective exceeds this many noise floors: the distance to the
     * data is more than twice (√4) the distance between two simulations of the same parameters.
     */
    public static final double MISFIT_RATIO = 4;

    /**
     * The data objective (mean over the conditions of the tail-weighted distance, without prior penalties) over
     * the noise floor; NaN when the noise floor was not computed or is zero.
     */
    public double misfitRatio() {
        if (!(noiseFloor > 0)) {
            return Double.NaN;
        }
        double sum = 0;
        for (ConditionFit c : conditions) {
            sum += c.distances().objective();
        }
        return sum / conditions.size() / noiseFloor;
    }

    /**
     * Whether no parameter values inside the ranges make the model match the data within sampling noise: then
     * the fitted values absorb structure the model lacks, and predictions from them are not to be trusted.
     */
    public boolean misfit() {
        return misfitRatio() > MISFIT_RATIO;
    }

    /** The first condition's distances (the only one of a one-condition fit). */
    public Distances distances() {
        return conditions.get(0).distances();
    }

    /** The first condition's simulated distribution at the fit. */
    public LatencyCdf simulated() {
        return conditions.get(0).simulated();
    }

    @Override
    public double[] x() {
        return x.clone();
    }

    @Override
    public double[] halfWidths() {
        return halfWidths.clone();
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
