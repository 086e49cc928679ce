package org.rtvsim.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.rtvsim.engine.DistSpec;

/**
 * Binds a distribution of durations written in a scenario to a {@link DistSpec} with values in ns:
 * {@code {fixed: 2us}}, {@code {uniform: [1us, 4us]}}, {@code {exponential: {mean: 5us}}},
 * {@code {lognormal: {median: 3us, sigma: 0.6, cap: 50us}}}, {@code {pareto: {scale: 20us, shape: 1.5}}},
 * {@code {empirical: file.csv}}, {@code {mixture: {common: D, rare: D, p: 0.001}}}; a plain duration means
 * {@code {fixed: …}}. Parameters that must be positive are checked here.
 */
final class DistBinder {
    static final List<String> KINDS = List.of("fixed", "uniform", "exponential", "lognormal", "pareto",
            "empirical", "mixture");

    private DistBinder() {
    }

    /** The distribution at {@code node}; {@code key} is its dotted path. */
    static DistSpec duration(Node node, String key) {
        if (node instanceof Node.Scalar) {
            return new DistSpec.Fixed(nonNegative(node, key, "a duration such as \"2us\" or a distribution "
                    + "such as {lognormal: {median: 3us, sigma: 0.6}}"));
        }
        if (!(node instanceof Node.MapNode m) || m.size() != 1) {
            throw Values.error(node, key, "expected a distribution: a one-key mapping with one of "
                    + String.join(", ", KINDS) + "; got " + Node.describe(node)
                    + (node instanceof Node.MapNode mm ? " with " + mm.size() + " keys" : ""));
        }
        String kind = m.entries().keySet().iterator().next();
        Node body = m.get(kind);
        String k = key + "." + kind;
        if (!KINDS.contains(kind)) {
            throw new ScenarioException(m.keyLocation(kind), k, "unknown distribution '" + kind + "'; expected one of "
                    + String.join(", ", KINDS) + Suggest.hint(kind, KINDS));
        }
        return switch (kind) {
            case "fixed" -> new DistSpec.Fixed(nonNegative(body, k, "a non-negative duration"));
            case "uniform" -> uniform(body, k);
            case "exponential" -> {
                Section s = params(body, k, Set.of("mean"));
                yield new DistSpec.Exponential(positive(s, "mean", true));
            }
            case "lognormal" -> {
                Section s = params(body, k, Set.of("median", "sigma", "cap"));
                double median = positive(s, "median", true);
                double sigma = positive(s, "sigma", false);
                yield new DistSpec.Lognormal(median, sigma, cap(s));
            }
            case "pareto" -> {
                Section s = params(body, k, Set.of("scale", "shape", "cap"));
                double scale = positive(s, "scale", true);
                double shape = positive(s, "shape", false);
                yield new DistSpec.Pareto(scale, shape, cap(s));
            }
            case "empirical" -> EmpiricalCsv.read(body, k, baseDir(body));
            default -> mixture(body, k);
        };
    }

    private static DistSpec uniform(Node body, String k) {
        if (!(body instanceof Node.ListNode l) || l.size() != 2) {
            throw Values.error(body, k, "expected [LOW, HIGH], e.g. [1us, 4us]; got " + Node.describe(body));
        }
        double lo = nonNegative(l.items().get(0), k + "[0]", "a non-negative duration");
        double hi = nonNegative(l.items().get(1), k + "[1]", "a non-negative duration");
        if (hi < lo) {
            throw Values.error(body, k, "expected LOW <= HIGH; got [" + Values.string(l.items().get(0), k) + ", "
                    + Values.string(l.items().get(1), k) + "]");
        }
        return new DistSpec.Uniform(lo, hi);
    }

    private static DistSpec mixture(Node body, String k) {
        Section s = params(body, k, Set.of("common", "rare", "p"));
        if (!s.has("common") || !s.has("rare") || !s.has("p")) {
            throw Values.error(body, k, "expected {common: DIST, rare: DIST, p: PROBABILITY}; missing "
                    + (!s.has("common") ? "common" : !s.has("rare") ? "rare" : "p"));
        }
        DistSpec common = duration(s.node("common"), s.key("common"));
        DistSpec rare = duration(s.node("rare"), s.key("rare"));
        double p = Values.number(s.node("p"), s.key("p"), 0, 1, "a probability in 0..1");
        return new DistSpec.Mixture(common, rare, p);
    }

    private static Section params(Node body, String k, Set<String> keys) {
        if (!(body instanceof Node.MapNode m)) {
            throw Values.error(body, k, "expected a mapping of " + String.join(", ", keys.stream().sorted().toList())
                    + "; got " + Node.describe(body));
        }
        Section.checkKeys(m, k, keys);
        return Section.of(m, k, Schema.Shape.OPEN, m.location());
    }

    /** A required parameter that must be > 0: a duration when {@code isDuration}, else a plain number. */
    private static double positive(Section s, String p, boolean isDuration) {
        if (!s.has(p)) {
            throw s.missing(p, isDuration ? "a positive duration" : "a positive number");
        }
        Node n = s.node(p);
        double v = isDuration ? Values.durationNsExact(n, s.key(p))
                : Values.number(n, s.key(p), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, "a positive number");
        if (!(v > 0)) {
            throw Values.error(n, s.key(p), "expected a positive " + (isDuration ? "duration" : "number")
                    + " (the " + p + " must be > 0); got " + Values.string(n, s.key(p)));
        }
        return v;
    }

    private static double cap(Section s) {
        return s.has("cap") ? positive(s, "cap", true) : 0;
    }

    private static double nonNegative(Node n, String key, String expected) {
        if (!(n instanceof Node.Scalar sc) || sc.isNull()) {
            throw Values.error(n, key, "expected " + expected + "; got " + Node.describe(n));
        }
        double v = Values.durationNsExact(n, key);
        if (v < 0) {
            throw Values.error(n, key, "expected a non-negative duration; got " + sc.text());
        }
        return v;
    }

    /** The directory a relative path written at this node is resolved against. */
    static Path baseDir(Node node) {
        String file = node.location().file();
        if (file.equals(ScenarioException.COMMAND_LINE)) {
            return Path.of("");
        }
        Path parent = Path.of(file).toAbsolutePath().getParent();
        return parent == null ? Path.of("") : parent;
    }
}
