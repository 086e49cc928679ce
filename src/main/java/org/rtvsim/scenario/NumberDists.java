package org.rtvsim.scenario;

import java.util.List;
import java.util.Set;
import org.rtvsim.engine.DistSpec;

/**
 * A plain (dimensionless) quantity that may vary from draw to draw: a number, {@code {fixed: N}},
 * {@code {uniform: [LO, HI]}} or {@code {lognormal: {median: M, sigma: S}}}, with the number, both bounds
 * or the median in [min, max]. (Durations use {@link DistBinder}; these values have no unit.) Whoever
 * samples it keeps draws inside [min, max].
 */
final class NumberDists {
    private static final List<String> KINDS = List.of("fixed", "uniform", "lognormal");

    private NumberDists() {
    }

    static DistSpec parse(Node node, String key, double min, double max, String what) {
        if (node instanceof Node.Scalar) {
            return new DistSpec.Fixed(Values.number(node, key, min, max, what));
        }
        if (!(node instanceof Node.MapNode m) || m.size() != 1) {
            throw Values.error(node, key, "expected " + what + ", or a distribution {uniform: [LO, HI]} or "
                    + "{lognormal: {median: M, sigma: S}}; got " + Node.describe(node));
        }
        String kind = m.entries().keySet().iterator().next();
        Node body = m.get(kind);
        String k = key + "." + kind;
        return switch (kind) {
            case "fixed" -> new DistSpec.Fixed(Values.number(body, k, min, max, what));
            case "uniform" -> {
                if (!(body instanceof Node.ListNode l) || l.size() != 2) {
                    throw Values.error(body, k, "expected [LOW, HIGH] of " + what + "; got " + Node.describe(body));
                }
                double lo = Values.number(l.items().get(0), k + "[0]", min, max, what);
                double hi = Values.number(l.items().get(1), k + "[1]", min, max, what);
                if (hi < lo) {
                    throw Values.error(body, k, "expected LOW <= HIGH; got [" + lo + ", " + hi + "]");
                }
                yield new DistSpec.Uniform(lo, hi);
            }
            case "lognormal" -> {
                if (!(body instanceof Node.MapNode p)) {
                    throw Values.error(body, k, "expected {median: M, sigma: S}; got " + Node.describe(body));
                }
                Section.checkKeys(p, k, Set.of("median", "sigma"));
                Section s = Section.of(p, k, Schema.Shape.OPEN, p.location());
                if (!s.has("median") || !s.has("sigma")) {
                    throw s.missing(!s.has("median") ? "median" : "sigma", !s.has("median") ? what : "a number >= 0");
                }
                yield new DistSpec.Lognormal(Values.number(s.node("median"), s.key("median"), min, max, what),
                        Values.number(s.node("sigma"), s.key("sigma"), 0, 10, "a shape sigma in 0..10"), 0);
            }
            default -> throw new ScenarioException(m.keyLocation(kind), k, "unknown distribution '" + kind
                    + "'; expected one of " + String.join(", ", KINDS) + Suggest.hint(kind, KINDS));
        };
    }
}
