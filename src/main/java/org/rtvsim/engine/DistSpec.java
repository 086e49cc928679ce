package org.rtvsim.engine;

import java.util.List;

/**
 * A distribution as written in a scenario, with values in nanoseconds (for durations) or in the
 * quantity's own unit. Sampling is done by {@link Sampler}s built from these specs over a named
 * random stream ({@link StreamRegistry}).
 *
 * <p>Scenario syntax: {@code {fixed: 2us}}, {@code {uniform: [1us, 4us]}},
 * {@code {exponential: {mean: 5us}}}, {@code {lognormal: {median: 3us, sigma: 0.6}}},
 * {@code {pareto: {scale: 20us, shape: 1.5, cap: 5ms}}}, {@code {empirical: file.csv}}.
 * Any spec may carry {@code cap}: samples above it are truncated to it (documented per use).
 */
public sealed interface DistSpec {

    /** Mean of the distribution (before any cap), in the value's unit; infinite for heavy tails. */
    double mean();

    record Fixed(double value) implements DistSpec {
        public double mean() {
            return value;
        }
    }

    record Uniform(double lo, double hi) implements DistSpec {
        public double mean() {
            return (lo + hi) / 2;
        }
    }

    record Exponential(double mean) implements DistSpec {
    }

    /** Lognormal with the given median (= exp(mu)) and shape sigma; optional cap (0 = none). */
    record Lognormal(double median, double sigma, double cap) implements DistSpec {
        public double mean() {
            return median * Math.exp(sigma * sigma / 2);
        }
    }

    /** Pareto with scale x_min and shape alpha; optional cap (0 = none). */
    record Pareto(double scale, double shape, double cap) implements DistSpec {
        public double mean() {
            return shape > 1 ? shape * scale / (shape - 1) : Double.POSITIVE_INFINITY;
        }
    }

    /**
     * Empirical distribution: observed values with weights (a histogram's bucket values and counts,
     * or raw samples with weight 1), sampled by inversion of the step CDF.
     */
    record Empirical(String source, List<Double> values, List<Double> weights) implements DistSpec {
        public double mean() {
            double s = 0;
            double w = 0;
            for (int i = 0; i < values.size(); i++) {
                s += values.get(i) * weights.get(i);
                w += weights.get(i);
            }
            return w == 0 ? 0 : s / w;
        }
    }

    /** With probability {@code p} a draw from {@code rare}, else from {@code common}. */
    record Mixture(DistSpec common, DistSpec rare, double p) implements DistSpec {
        public double mean() {
            return (1 - p) * common.mean() + p * rare.mean();
        }
    }

    static DistSpec fixed(double v) {
        return new Fixed(v);
    }
}
