package org.rtvsim.engine;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import umontreal.ssj.randvar.ParetoGen;
import umontreal.ssj.randvar.RandomVariateGen;
import umontreal.ssj.randvar.UniformGen;
import umontreal.ssj.rng.RandomStream;

/**
 * Builds {@link Sampler}s from {@link DistSpec}s over a registry stream, with values in the spec's
 * unit (nanoseconds for durations), using SSJ {@code randvar} generators or, for the two hot kinds,
 * the same inversions written out: the exponential as SSJ's {@code ExponentialDist.inverseF}
 * ({@code -log1p(-u)/rate}, the same double), the lognormal as {@code exp(mu + sigma·Φ⁻¹(u))} with
 * {@link NormalQuantile} (AS 241) in place of SSJ's slower {@code NormalDist.inverseF01}; the two agree
 * to a few ulps, so a duration in whole nanoseconds differs only when it lies within about 1e-10 ns of
 * a rounding boundary.
 *
 * <p>Every continuous kind is sampled by inversion of its CDF, so one uniform gives one value and
 * a larger uniform never gives a smaller value (common random numbers then correlate positively):
 * <table>
 *   <caption>Uniforms consumed per draw</caption>
 *   <tr><th>spec</th><th>generator</th><th>uniforms</th></tr>
 *   <tr><td>Fixed</td><td>none</td><td>0</td></tr>
 *   <tr><td>Uniform [lo, hi]</td><td>{@code UniformGen}</td><td>1</td></tr>
 *   <tr><td>Exponential</td><td>inversion, rate 1/mean</td><td>1</td></tr>
 *   <tr><td>Lognormal</td><td>inversion with AS 241, mu = ln(median)</td><td>1</td></tr>
 *   <tr><td>Pareto</td><td>{@code ParetoGen(alpha = shape, beta = scale)}</td><td>1</td></tr>
 *   <tr><td>Empirical</td><td>binary search in the cumulative weights</td><td>1</td></tr>
 *   <tr><td>Mixture</td><td>one uniform chooses (rare if u &lt; p), then the component</td>
 *       <td>1 + the larger component's count (the other component's draw is padded)</td></tr>
 * </table>
 * Degenerate specs (uniform with lo = hi, lognormal with sigma = 0) return their single value but
 * still consume one uniform, so that they stay aligned with their non-degenerate neighbours.
 * A positive {@code cap} (Lognormal, Pareto) truncates values above it to the cap; 0 means none.
 */
public final class Samplers {

    private Samplers() {
    }

    /**
     * Returns a sampler of {@code spec} drawing from {@code stream}.
     *
     * @throws IllegalArgumentException if the spec's parameters are out of range
     */
    public static Sampler of(DistSpec spec, RandomStream stream) {
        if (spec == null || stream == null) {
            throw new IllegalArgumentException("spec and stream are required");
        }
        if (spec instanceof DistSpec.Fixed f) {
            return new Constant(finite(f.value(), "fixed value"), stream, 0);
        } else if (spec instanceof DistSpec.Uniform u) {
            finite(u.lo(), "uniform lo");
            finite(u.hi(), "uniform hi");
            require(u.lo() <= u.hi(), "uniform needs lo <= hi, got [" + u.lo() + ", " + u.hi() + "]");
            return u.lo() == u.hi()
                    ? new Constant(u.lo(), stream, 1)
                    : new Generated(new UniformGen(stream, u.lo(), u.hi()));
        } else if (spec instanceof DistSpec.Exponential e) {
            require(finite(e.mean(), "exponential mean") > 0, "exponential mean must be > 0");
            return new Exponential(stream, 1.0 / e.mean());
        } else if (spec instanceof DistSpec.Lognormal l) {
            require(finite(l.median(), "lognormal median") > 0, "lognormal median must be > 0");
            require(finite(l.sigma(), "lognormal sigma") >= 0, "lognormal sigma must be >= 0");
            Sampler s = l.sigma() == 0
                    ? new Constant(l.median(), stream, 1)
                    : new Lognormal(stream, Math.log(l.median()), l.sigma());
            return capped(s, l.cap(), 0);
        } else if (spec instanceof DistSpec.Pareto p) {
            require(finite(p.scale(), "pareto scale") > 0, "pareto scale must be > 0");
            require(finite(p.shape(), "pareto shape") > 0, "pareto shape must be > 0");
            return capped(new Generated(new ParetoGen(stream, p.shape(), p.scale())), p.cap(),
                    p.scale());
        } else if (spec instanceof DistSpec.Empirical e) {
            return Empirical.of(e, stream);
        } else if (spec instanceof DistSpec.Mixture m) {
            require(m.p() >= 0 && m.p() <= 1, "mixture p must be in [0, 1], got " + m.p());
            return new Mixture(of(m.common(), stream), of(m.rare(), stream), m.p(), stream);
        }
        throw new IllegalArgumentException("unknown distribution spec " + spec);
    }

    private static Sampler capped(Sampler s, double cap, double minCap) {
        require(Double.isFinite(cap) && cap >= 0, "cap must be finite and >= 0 (0 = none)");
        if (cap == 0) {
            return s;
        }
        require(cap >= minCap, "cap " + cap + " is below the distribution's minimum " + minCap);
        return new Capped(s, cap);
    }

    private static double finite(double v, String what) {
        require(Double.isFinite(v), what + " must be finite, got " + v);
        return v;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A single value, optionally burning uniforms to keep the stream aligned. */
    private static final class Constant implements Sampler {
        private final double value;
        private final RandomStream stream;
        private final int uniforms;

        Constant(double value, RandomStream stream, int uniforms) {
            this.value = value;
            this.stream = stream;
            this.uniforms = uniforms;
        }

        @Override
        public double sample() {
            for (int i = 0; i < uniforms; i++) {
                stream.nextDouble();
            }
            return value;
        }

        @Override
        public int uniformsPerDraw() {
            return uniforms;
        }
    }

    /** An SSJ generator sampling by inversion: one uniform per value. */
    private static final class Generated implements Sampler {
        private final RandomVariateGen gen;

        Generated(RandomVariateGen gen) {
            this.gen = gen;
        }

        @Override
        public double sample() {
            return gen.nextDouble();
        }

        @Override
        public int uniformsPerDraw() {
            return 1;
        }
    }

    /** Exponential by inversion, as SSJ's {@code ExponentialDist.inverseF(rate, u)}. */
    private static final class Exponential implements Sampler {
        private final RandomStream stream;
        private final double rate;

        Exponential(RandomStream stream, double rate) {
            this.stream = stream;
            this.rate = rate;
        }

        @Override
        public double sample() {
            double u = stream.nextDouble();
            if (u >= 1) {
                return Double.POSITIVE_INFINITY;
            }
            return u <= 0 ? 0 : -Log1p.of(-u) / rate;
        }

        @Override
        public int uniformsPerDraw() {
            return 1;
        }
    }

    /** Lognormal by inversion: exp(mu + sigma·Φ⁻¹(u)), Φ⁻¹ by {@link NormalQuantile}. */
    private static final class Lognormal implements Sampler {
        private final RandomStream stream;
        private final double mu;
        private final double sigma;

        Lognormal(RandomStream stream, double mu, double sigma) {
            this.stream = stream;
            this.mu = mu;
            this.sigma = sigma;
        }

        @Override
        public double sample() {
            return Math.exp(mu + sigma * NormalQuantile.of(stream.nextDouble()));
        }

        @Override
        public int uniformsPerDraw() {
            return 1;
        }
    }

    private static final class Capped implements Sampler {
        private final Sampler inner;
        private final double cap;

        Capped(Sampler inner, double cap) {
            this.inner = inner;
            this.cap = cap;
        }

        @Override
        public double sample() {
            return Math.min(inner.sample(), cap);
        }

        @Override
        public int uniformsPerDraw() {
            return inner.uniformsPerDraw();
        }
    }

    /**
     * Inversion of a weighted step CDF: values sorted ascending, zero weights dropped; a draw
     * returns the first value whose cumulative probability exceeds the uniform.
     */
    private static final class Empirical implements Sampler {
        private final double[] values;
        private final double[] cumulative;
        private final RandomStream stream;

        private Empirical(double[] values, double[] cumulative, RandomStream stream) {
            this.values = values;
            this.cumulative = cumulative;
            this.stream = stream;
        }

        static Empirical of(DistSpec.Empirical spec, RandomStream stream) {
            List<Double> vs = spec.values();
            List<Double> ws = spec.weights();
            String src = " (empirical " + spec.source() + ")";
            require(vs != null && ws != null && vs.size() == ws.size(),
                    "values and weights must have the same length" + src);
            Integer[] order = new Integer[vs.size()];
            double total = 0;
            int kept = 0;
            for (int i = 0; i < vs.size(); i++) {
                double w = ws.get(i);
                finite(vs.get(i), "value " + i + src);
                require(Double.isFinite(w) && w >= 0, "weight " + i + " must be >= 0" + src);
                if (w > 0) {
                    order[kept++] = i;
                    total += w;
                }
            }
            require(kept > 0 && total > 0, "needs at least one positive weight" + src);
            Integer[] idx = Arrays.copyOf(order, kept);
            Arrays.sort(idx, Comparator.comparingDouble(vs::get));
            double[] values = new double[kept];
            double[] cumulative = new double[kept];
            double acc = 0;
            for (int k = 0; k < kept; k++) {
                values[k] = vs.get(idx[k]);
                acc += ws.get(idx[k]);
                cumulative[k] = acc / total;
            }
            cumulative[kept - 1] = 1.0;
            return new Empirical(values, cumulative, stream);
        }

        @Override
        public double sample() {
            double u = stream.nextDouble();
            int lo = 0;
            int hi = cumulative.length - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > u) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return values[lo];
        }

        @Override
        public int uniformsPerDraw() {
            return 1;
        }
    }

    /** With probability p the rare component, else the common one; padded to a fixed count. */
    private static final class Mixture implements Sampler {
        private final Sampler common;
        private final Sampler rare;
        private final double p;
        private final RandomStream stream;
        private final int componentUniforms;

        Mixture(Sampler common, Sampler rare, double p, RandomStream stream) {
            this.common = common;
            this.rare = rare;
            this.p = p;
            this.stream = stream;
            this.componentUniforms = Math.max(common.uniformsPerDraw(), rare.uniformsPerDraw());
        }

        @Override
        public double sample() {
            Sampler chosen = stream.nextDouble() < p ? rare : common;
            double v = chosen.sample();
            for (int i = chosen.uniformsPerDraw(); i < componentUniforms; i++) {
                stream.nextDouble();
            }
            return v;
        }

        @Override
        public int uniformsPerDraw() {
            return 1 + componentUniforms;
        }
    }
}
