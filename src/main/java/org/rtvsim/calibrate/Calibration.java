package org.rtvsim.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Fits scenario parameters to a measured latency distribution: minimises {@link Distances#objective()} over
 * the parameters' ranges in normalised coordinates [0, 1]ⁿ with Commons Math's BOBYQA (a derivative-free
 * trust-region method that models the objective as a quadratic; Brent's method for one parameter), starting at
 * the centre. Every evaluation is a simulation with the same seed and replication 0, so components draw the
 * same random numbers at every point (common random numbers) and the objective changes smoothly with the
 * parameters instead of jumping with sampling noise.
 *
 * <p>The wall-time budget is split: the search stops at 75 % of it (keeping the best point evaluated so far);
 * the curvature for the uncertainty ({@link Curvature}) and the noise floor may use the rest, and are reported
 * missing if they do not fit. Evaluations are cached, so the stencil reuses points the search visited.
 */
public final class Calibration {
    /** The share of the budget the search may use; the rest is for the uncertainty. */
    static final double SEARCH_SHARE = 0.75;

    /** Runs the scenario with {@code sets} overrides as replication {@code replication}. */
    @FunctionalInterface
    public interface Simulator {
        LatencyCdf run(List<String> sets, int replication);
    }

    /** Told after every evaluation (from the calling thread). */
    @FunctionalInterface
    public interface Listener {
        void evaluated(int evaluations, double objective, double best, String phase);
    }

    /**
     * @param budgetNs        wall time for the whole calibration
     * @param maxEvaluations  the most evaluations the search may make
     * @param curvatureStep   finite-difference step of the Hessian, normalised
     */
    public record Options(long budgetNs, int maxEvaluations, double curvatureStep) {
        public static Options budget(long budgetNs) {
            return new Options(budgetNs, 150, 0.05);
        }
    }

    /** One evaluated point: normalised coordinates, the values as scenario text, the objective. */
    public record Evaluation(double[] x, List<String> values, double objective) {
        public Evaluation {
            x = x.clone();
            values = List.copyOf(values);
        }

        @Override
        public double[] x() {
            return x.clone();
        }
    }

    /** Thrown inside the optimiser when the budget is used up. */
    private static final class OutOfBudget extends RuntimeException {
        OutOfBudget() {
            super("budget", null, false, false);
        }
    }

    private final LatencyCdf measured;
    private final List<FitParameter> params;
    private final Simulator sim;
    private final Options options;
    private final Listener listener;
    private final LongSupplier clockNs;
    private final long startNs;
    private final Map<String, Double> cache = new HashMap<>();
    private final List<Evaluation> history = new ArrayList<>();
    private long limitNs;
    private String phase = "search";
    private double[] bestX;
    private double bestObjective = Double.POSITIVE_INFINITY;
    private LatencyCdf bestSimulated;

    private Calibration(LatencyCdf measured, List<FitParameter> params, Simulator sim, Options options,
            Listener listener, LongSupplier clockNs) {
        this.measured = measured;
        this.params = List.copyOf(params);
        this.sim = sim;
        this.options = options;
        this.listener = listener == null ? (n, o, b, p) -> { } : listener;
        this.clockNs = clockNs;
        this.startNs = clockNs.getAsLong();
    }

    /** Fits {@code params} so the simulation matches {@code measured}; {@code clockNs} measures the budget. */
    public static FitResult fit(LatencyCdf measured, List<FitParameter> params, Simulator sim, Options options,
            Listener listener, LongSupplier clockNs) {
        if (params.isEmpty()) {
            throw new IllegalArgumentException("nothing to fit: give at least one --fit PATH=LO..HI");
        }
        return new Calibration(measured, params, sim, options, listener, clockNs).run();
    }

    private FitResult run() {
        int n = params.size();
        limitNs = (long) (options.budgetNs() * SEARCH_SHARE);
        String stop = "converged";
        try {
            search(n);
        } catch (OutOfBudget e) {
            stop = "budget";
        } catch (TooManyEvaluationsException e) {
            stop = "max-evaluations";
        }
        if (bestX == null) { // not even one evaluation fitted the budget: evaluate the centre anyway
            limitNs = Long.MAX_VALUE;
            cache.clear();
            double[] c = new double[n];
            Arrays.fill(c, 0.5);
            objective(c);
        }
        double[] x = bestX.clone();
        List<String> sets = sets(x);
        LatencyCdf simulated = bestSimulated;
        Distances d = Distances.between(measured, simulated);
        limitNs = options.budgetNs();
        phase = "uncertainty";
        double[] half = new double[n];
        Arrays.fill(half, Double.NaN);
        double noise = Double.NaN;
        String method;
        try {
            double h = options.curvatureStep();
            double[][] hess = Curvature.hessian(this::objective, Curvature.centre(x, h), h);
            checkBudget();
            noise = Distances.between(simulated, sim.run(sets, 1)).objective();
            double[] norm = Curvature.halfWidths(hess, noise);
            for (int i = 0; i < n; i++) {
                half[i] = norm[i] * (params.get(i).hi() - params.get(i).lo());
            }
            method = "curvature";
        } catch (OutOfBudget e) {
            method = "not computed: the budget ran out";
        }
        return new FitResult(params, x, d, simulated, half, noise, method, history.size(), stop, history);
    }

    private void search(int n) {
        if (n == 1) {
            new BrentOptimizer(1e-3, 1e-3).optimize(new MaxEval(options.maxEvaluations()),
                    new UnivariateObjectiveFunction(v -> objective(new double[] {v})), GoalType.MINIMIZE,
                    new SearchInterval(0, 1, 0.5));
            return;
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        double[] x0 = new double[n];
        Arrays.fill(hi, 1);
        Arrays.fill(x0, 0.5);
        new BOBYQAOptimizer(2 * n + 1, 0.25, 2e-3).optimize(new MaxEval(options.maxEvaluations()),
                new ObjectiveFunction(this::objective), GoalType.MINIMIZE, new InitialGuess(x0),
                new SimpleBounds(lo, hi));
    }

    /** The objective at normalised {@code x}, simulated once per distinct point. */
    double objective(double[] x) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            c[i] = Math.min(1, Math.max(0, x[i]));
        }
        List<String> sets = sets(c);
        String key = String.join(";", sets);
        Double cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        checkBudget();
        LatencyCdf simulated = sim.run(sets, 0);
        double v = Distances.between(measured, simulated).objective();
        cache.put(key, v);
        history.add(new Evaluation(c, values(c), v));
        if (v < bestObjective && "search".equals(phase)) {
            bestObjective = v;
            bestX = c;
            bestSimulated = simulated;
        }
        listener.evaluated(history.size(), v, bestObjective, phase);
        return v;
    }

    private void checkBudget() {
        if (clockNs.getAsLong() - startNs > limitNs) {
            throw new OutOfBudget();
        }
    }

    private List<String> sets(double[] x) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            out.add(params.get(i).set(x[i]));
        }
        return out;
    }

    private List<String> values(double[] x) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            out.add(params.get(i).text(x[i]));
        }
        return out;
    }
}
