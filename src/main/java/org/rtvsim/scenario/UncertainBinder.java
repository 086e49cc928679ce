package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Binds the top-level {@code uncertain:} list: each entry {@code {path, range, prior, why}}. Only the shape is
 * checked here (a path, a range written {@code LO..HI}, a known prior kind, no path twice); whether the path
 * exists and takes the range's values is checked by {@code calibrate}, which loads the scenario with both ends.
 */
final class UncertainBinder {
    static final List<String> PRIOR_KINDS = List.of("normal", "lognormal");

    private UncertainBinder() {
    }

    static List<UncertainSpec> bind(Node node) {
        if (node == null || node instanceof Node.Scalar s && s.isNull()) {
            return List.of();
        }
        if (!(node instanceof Node.ListNode list)) {
            throw Values.error(node, "uncertain", "expected a list of {path, range, prior, why} entries; got "
                    + Node.describe(node));
        }
        List<UncertainSpec> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "uncertain[" + i + "]";
            Section e = Section.of(list.items().get(i), key, Schema.Shape.UNCERTAIN_ENTRY, list.location());
            String path = e.requiredString("path").trim();
            if (path.isEmpty() || path.contains("=")) {
                throw Values.error(e.node("path"), e.key("path"), "expected a scenario key path such as "
                        + "host.kernel.costs.context_switch.lognormal.median; got '" + path + "'");
            }
            if (!seen.add(path)) {
                throw Values.error(e.node("path"), e.key("path"), "the path " + path + " is declared uncertain twice");
            }
            String range = e.requiredString("range").trim();
            if (!range.matches("\\s*[-+0-9.eE]+\\s*[a-zA-Z%]*\\s*\\.\\.\\s*[-+0-9.eE]+\\s*[a-zA-Z%]*\\s*")) {
                throw Values.error(e.node("range"), e.key("range"), "expected LO..HI with an optional common unit, "
                        + "e.g. 0.5us..5us or 0.1..0.8; got '" + range + "'");
            }
            out.add(new UncertainSpec(path, range, prior(e), e.string("why", ""), e.location()));
        }
        return List.copyOf(out);
    }

    private static UncertainSpec.Prior prior(Section e) {
        if (!e.has("prior")) {
            return null;
        }
        Node p = e.node("prior");
        if (!(p instanceof Node.MapNode m) || m.entries().size() != 1) {
            throw Values.error(p, e.key("prior"), "expected one of {normal: {mean: M, sd: S}} or "
                    + "{lognormal: {median: M, sigma: S}}; got " + Node.describe(p));
        }
        String kind = m.entries().keySet().iterator().next();
        String key = e.key("prior") + "." + kind;
        if (!PRIOR_KINDS.contains(kind)) {
            throw new ScenarioException(m.keyLocation(kind), key, "unknown prior '" + kind + "'; expected one of "
                    + String.join(", ", PRIOR_KINDS) + Suggest.hint(kind, Set.copyOf(PRIOR_KINDS)));
        }
        boolean normal = kind.equals("normal");
        String c = normal ? "mean" : "median";
        String s = normal ? "sd" : "sigma";
        Node body = m.get(kind);
        if (!(body instanceof Node.MapNode bm)) {
            throw Values.error(body, key, "expected {" + c + ": ..., " + s + ": ...}; got " + Node.describe(body));
        }
        Section.checkKeys(bm, key, Set.of(c, s));
        for (String k : List.of(c, s)) {
            if (!bm.has(k)) {
                throw new ScenarioException(bm.location(), key + "." + k, "missing key '" + k + "': the prior needs "
                        + c + " and " + s);
            }
        }
        return new UncertainSpec.Prior(kind, Values.scalar(bm.get(c), key + "." + c, "a value"),
                Values.scalar(bm.get(s), key + "." + s, "a value"), bm.location());
    }
}
