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
import org.rtvsim.measured.LatencyCdf;

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

    /** One measured condition: its name (shown in reports), the measurement and the simulator of that condition. */
    public record Condition(String name, LatencyCdf measured, Simulator sim) {
    }

    /**
     * A condition that was not measured, offered as a suggestion: when a parameter is not identified, the probe
     * whose prediction moves most between the parameter's range ends is the measurement that would identify it.
     */
    public record Probe(String name, Simulator sim) {
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

    private final List<Condition> conditions;
    private final List<FitParameter> params;
    private final List<Probe> probes;
    private final Options options;
    private final Listener listener;
    private final LongSupplier clockNs;
    private final long startNs;
    private final Map<String, Double> cache = new HashMap<>();
    private final List<Evaluation> history = new ArrayList<>();
    private final boolean anyPrior;
    private long limitNs;
    private String phase = "search";
    private double[] bestX;
    private double bestObjective = Double.POSITIVE_INFINITY;
    private List<LatencyCdf> bestSimulated;
    /** The noise floor; NaN until known (computed first when a prior needs it to scale its penalty). */
    private double noise = Double.NaN;

    private Calibration(List<Condition> conditions, List<FitParameter> params, List<Probe> probes, Options options,
            Listener listener, LongSupplier clockNs) {
        this.conditions = List.copyOf(conditions);
        this.params = List.copyOf(params);
        this.probes = List.copyOf(probes);
        this.options = options;
        this.listener = listener == null ? (n, o, b, p) -> { } : listener;
        this.clockNs = clockNs;
        this.startNs = clockNs.getAsLong();
        this.anyPrior = params.stream().anyMatch(p -> p.prior() != null);
    }

    /** Fits {@code params} so the simulation matches {@code measured}; {@code clockNs} measures the budget. */
    public static FitResult fit(LatencyCdf measured, List<FitParameter> params, Simulator sim, Options options,
            Listener listener, LongSupplier clockNs) {
        return fit(List.of(new Condition("measured", measured, sim)), params, List.of(), options, listener, clockNs);
    }

    /**
     * Fits one parameter set to every condition at once: the objective is the mean of the conditions' objectives
     * (each condition with its own common random numbers), plus the priors' penalties. {@code probes} are
     * unmeasured conditions offered as suggestions for parameters the data do not identify.
     */
    public static FitResult fit(List<Condition> conditions, List<FitParameter> params, List<Probe> probes,
            Options options, Listener listener, LongSupplier clockNs) {
        if (params.isEmpty()) {
            throw new IllegalArgumentException("nothing to fit: give at least one --fit PATH=LO..HI or declare "
                    + "uncertain: parameters in the scenario");
        }
        if (conditions.isEmpty()) {
            throw new IllegalArgumentException("nothing to fit to: give at least one --measured FILE");
        }
        return new Calibration(conditions, params, probes, options, listener, clockNs).run();
    }

    private FitResult run() {
        int n = params.size();
        limitNs = (long) (options.budgetNs() * SEARCH_SHARE);
        String stop = "converged";
        double[] centre = new double[n];
        Arrays.fill(centre, 0.5);
        try {
            if (anyPrior) { // the prior's penalty is measured in noise floors: know it before the search
                noise = noiseFloor(sets(centre), runAll(sets(centre), 0));
            }
            search(n);
        } catch (OutOfBudget e) {
            stop = "budget";
        } catch (TooManyEvaluationsException e) {
            stop = "max-evaluations";
        }
        if (bestX == null) { // not even one evaluation fitted the budget: evaluate the centre anyway
            limitNs = Long.MAX_VALUE;
            cache.clear();
            if (anyPrior && Double.isNaN(noise)) {
                noise = 0;
            }
            objective(centre);
        }
        double[] x = bestX.clone();
        List<String> sets = sets(x);
        List<LatencyCdf> simulated = bestSimulated;
        List<FitResult.ConditionFit> fits = new ArrayList<>();
        for (int c = 0; c < conditions.size(); c++) {
            fits.add(new FitResult.ConditionFit(conditions.get(c).name(),
                    Distances.between(conditions.get(c).measured(), simulated.get(c)), simulated.get(c)));
        }
        double total = bestObjective;
        limitNs = options.budgetNs();
        phase = "uncertainty";
        double[] half = new double[n];
        Arrays.fill(half, Double.NaN);
        String method;
        try {
            double h = options.curvatureStep();
            double[][] hess = Curvature.hessian(this::objective, Curvature.centre(x, h), h);
            checkBudget();
            if (Double.isNaN(noise)) {
                noise = noiseFloor(sets, simulated);
            }
            double[] norm = Curvature.halfWidths(hess, noise);
            for (int i = 0; i < n; i++) {
                half[i] = norm[i] * (params.get(i).hi() - params.get(i).lo());
            }
            method = "curvature";
        } catch (OutOfBudget e) {
            method = "not computed: the budget ran out";
        }
        List<FitResult.Identification> ident = identification(x, half, !method.equals("curvature"));
        return new FitResult(params, x, total, fits, half, noise, method, history.size(), stop, history, ident);
    }

    /** The mean objective between replication 0 (given) and replication 1 of every condition at {@code sets}. */
    private double noiseFloor(List<String> sets, List<LatencyCdf> rep0) {
        double sum = 0;
        for (int c = 0; c < conditions.size(); c++) {
            checkBudget();
            sum += Distances.between(rep0.get(c), conditions.get(c).sim().run(sets, 1)).objective();
        }
        return sum / conditions.size();
    }

    private List<LatencyCdf> runAll(List<String> sets, int replication) {
        List<LatencyCdf> out = new ArrayList<>();
        for (Condition c : conditions) {
            checkBudget();
            out.add(c.sim().run(sets, replication));
        }
        return out;
    }

    /**
     * Which parameters these data identify, and for those they do not, which probe condition's prediction moves
     * most between the parameter's range ends (the others at the fit), within what is left of the budget.
     */
    private List<FitResult.Identification> identification(double[] x, double[] half, boolean uncomputed) {
        List<FitResult.Identification> out = new ArrayList<>();
        phase = "suggestion";
        for (int i = 0; i < params.size(); i++) {
            FitParameter p = params.get(i);
            String reason = null;
            if (uncomputed) { // without half-widths there is no verdict
                out.add(new FitResult.Identification(true, null, null, Double.NaN));
                continue;
            }
            if (Double.isNaN(half[i])) {
                reason = "the objective does not change with it";
            } else if (2 * half[i] >= p.hi() - p.lo()) {
                reason = "its uncertainty spans its range";
            } else if (x[i] <= 1e-3 || x[i] >= 1 - 1e-3) {
                reason = "the fit ends at the range's edge";
            }
            if (reason == null) {
                out.add(new FitResult.Identification(true, null, null, Double.NaN));
                continue;
            }
            String best = null;
            double bestMove = 0;
            try {
                for (Probe probe : probes) {
                    double[] lo = x.clone();
                    double[] hi = x.clone();
                    lo[i] = 0;
                    hi[i] = 1;
                    checkBudget();
                    LatencyCdf a;
                    LatencyCdf b;
                    try {
                        a = probe.sim().run(sets(lo), 0);
                        checkBudget();
                        b = probe.sim().run(sets(hi), 0);
                    } catch (OutOfBudget e) {
                        throw e;
                    } catch (RuntimeException e) { // a suggestion the scenario cannot express: not offered
                        continue;
                    }
                    double move = Distances.between(a, b).tailLogRms();
                    listener.evaluated(history.size(), move, bestObjective, phase);
                    if (move > bestMove) {
                        bestMove = move;
                        best = probe.name();
                    }
                }
            } catch (OutOfBudget e) {
                reason += "; the budget ran out before every suggested condition was tried";
            }
            out.add(new FitResult.Identification(false, reason, best, bestMove));
        }
        return out;
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

    /**
     * The objective at normalised {@code x}, simulated once per distinct point: the mean over the conditions of
     * the tail-weighted distance, plus 2·(noise floor)·(the priors' negative log densities), so that one prior
     * standard deviation weighs as much as the noise floor does in the uncertainty (docs/calibration.md).
     */
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
        List<LatencyCdf> simulated = runAll(sets, 0);
        double v = 0;
        for (int k = 0; k < conditions.size(); k++) {
            v += Distances.between(conditions.get(k).measured(), simulated.get(k)).objective();
        }
        v /= conditions.size();
        if (anyPrior) {
            for (int i = 0; i < params.size(); i++) {
                FitParameter.Prior pr = params.get(i).prior();
                if (pr != null) {
                    v += 2 * noise * pr.penalty(params.get(i).value(c[i]));
                }
            }
        }
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
