package org.rtvsim.calibrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.rtvsim.scenario.Node;
import org.rtvsim.scenario.NodeYaml;
import org.rtvsim.scenario.Overrides;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * The files {@code rtvsim calibrate} writes: {@code fit.json} (schema in docs/output-reference.md),
 * {@code fit.md} and {@code calibrated.yaml}, a scenario that {@code extends:} the base by a path relative to the
 * output directory and sets the user's {@code --set}s and the fitted values. Deterministic: no wall-clock values.
 */
public final class FitFiles {
    public static final String JSON = "fit.json";
    public static final String MARKDOWN = "fit.md";
    public static final String SCENARIO = "calibrated.yaml";
    /** The CCDF overlay chart's base name (PNG and SVG). */
    public static final String CHART = "fit-ccdf";

    /** What was fitted against: the measurement, the base scenario and the run settings. */
    public record Context(String measuredFile, String format, String selection, long measuredSamples,
            long measuredOverflows, double overflowEdgeUs, Path baseScenario, List<String> baseSets, long seed,
            long durationNs, String budget, String command) {
    }

    private FitFiles() {
    }

    /** {@code fit.json}. */
    public static String json(FitResult f, Context c) {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        ObjectNode m = root.putObject("measured");
        m.put("file", c.measuredFile()).put("format", c.format()).put("threads", c.selection())
                .put("samples", c.measuredSamples()).put("overflows", c.measuredOverflows());
        num(m, "overflowEdgeUs", c.overflowEdgeUs());
        ObjectNode s = root.putObject("simulation");
        s.put("baseScenario", c.baseScenario().toString()).put("seed", c.seed()).put("replication", 0)
                .put("durationNs", c.durationNs()).put("samples", f.simulated().samples());
        c.baseSets().forEach(s.putArray("sets")::add);
        ObjectNode o = root.putObject("objective");
        o.put("name", "tail-weighted log mean square");
        num(o, "value", f.objective());
        o.put("evaluations", f.evaluations()).put("stop", f.stop()).put("budget", c.budget());
        ArrayNode ps = root.putArray("parameters");
        for (int i = 0; i < f.parameters().size(); i++) {
            FitParameter p = f.parameters().get(i);
            ObjectNode n = ps.addObject();
            n.put("path", p.path()).put("range", p.range()).put("unit", p.unit()).put("value", p.text(f.x()[i]));
            num(n, "number", f.value(i));
            num(n, "uncertainty", f.halfWidths()[i]);
            num(n, "normalised", f.x()[i]);
            n.put("atBound", f.atBound(i));
        }
        ObjectNode u = root.putObject("uncertainty");
        u.put("method", f.uncertainty());
        num(u, "noiseFloor", f.noiseFloor());
        distances(root.putObject("distances"), f.distances());
        ArrayNode h = root.putArray("history");
        for (Calibration.Evaluation e : f.history()) {
            ObjectNode n = h.addObject();
            e.values().forEach(n.putArray("values")::add);
            num(n, "objective", e.objective());
        }
        try {
            return om.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The distances as a JSON object (also used by {@code compare --measured}). */
    public static void distances(ObjectNode d, Distances x) {
        num(d, "tailLogRms", x.tailLogRms());
        num(d, "objective", x.objective());
        d.put("tailLevels", x.tailLevels());
        num(d, "tailRarestExceedance", x.tailRarestExceedance());
        num(d, "ks", x.ks());
        ArrayNode q = d.putArray("quantiles");
        for (Distances.QuantileError e : x.quantiles()) {
            quantile(q.addObject(), e);
        }
        quantile(q.addObject(), x.max());
    }

    private static void quantile(ObjectNode n, Distances.QuantileError e) {
        n.put("name", e.name());
        num(n, "p", e.p());
        num(n, "measuredUs", e.measuredUs());
        num(n, "simulatedUs", e.simulatedUs());
        num(n, "errorUs", e.errorUs());
        num(n, "relative", e.relative());
        n.put("censored", e.censored()).put("supported", e.supported());
    }

    private static void num(ObjectNode n, String key, double v) {
        if (Double.isFinite(v)) {
            n.put(key, v);
        } else {
            n.putNull(key);
        }
    }

    /** {@code fit.md}: settings, fitted values, the percentile table, the distances and the chart. */
    public static void markdown(FitResult f, Context c, Appendable out) throws IOException {
        out.append("# rtvsim calibration: ").append(c.baseScenario().getFileName().toString()).append(" against ")
                .append(Path.of(c.measuredFile()).getFileName().toString()).append("\n\n## Settings\n\n");
        out.append("- measured: `").append(c.measuredFile()).append("` (").append(c.format()).append(", ")
                .append(c.selection()).append(", ").append(Long.toString(c.measuredSamples())).append(" samples, ")
                .append(Long.toString(c.measuredOverflows())).append(" overflows)\n");
        out.append("- base scenario: `").append(c.baseScenario().toString()).append("`, seed ")
                .append(Long.toString(c.seed())).append(", replication 0 for every evaluation (common random "
                + "numbers), ").append(org.rtvsim.engine.Units.formatNs(c.durationNs())).append(" simulated (")
                .append(Long.toString(f.simulated().samples())).append(" samples) per evaluation\n");
        out.append("- ").append(Integer.toString(f.evaluations())).append(" evaluations, stopped: ").append(f.stop())
                .append(", budget ").append(c.budget()).append('\n');
        if (c.command() != null) {
            out.append("- command: `").append(c.command()).append("`\n");
        }
        out.append("\n## Fitted parameters\n\n| parameter | range | fitted | uncertainty (±) |\n| --- | --- | ---: | ---: |\n");
        for (int i = 0; i < f.parameters().size(); i++) {
            FitParameter p = f.parameters().get(i);
            double hw = f.halfWidths()[i];
            out.append("| `").append(p.path()).append("` | ").append(p.range()).append(" | ").append(p.text(f.x()[i]))
                    .append(f.atBound(i) ? " (at the range's edge)" : "").append(" | ")
                    .append(Double.isNaN(hw) ? "not identified" : p.format(hw)).append(" |\n");
        }
        out.append(String.format(Locale.ROOT, "%nUncertainty: %s; half-width where the objective's quadratic model "
                + "rises by the noise floor %.3g (docs/calibration.md).%n%n## Measured vs simulated%n%n", f.uncertainty(),
                f.noiseFloor()));
        DistanceTable.markdown(f.distances(), out);
        out.append("\n![measured vs simulated CCDF](").append(CHART).append(".png)\n");
    }

    /** {@code calibrated.yaml} for {@code outDir}: extends the base and sets the overrides. */
    public static String scenario(FitResult f, Context c, Path outDir) {
        Path base = c.baseScenario().toAbsolutePath().normalize();
        Path rel = outDir.toAbsolutePath().normalize().relativize(base);
        List<String> sets = new java.util.ArrayList<>(c.baseSets());
        sets.addAll(f.sets());
        Node merged = ScenarioLoader.merge(ScenarioLoader.loadTree(base), base, sets);
        Node.MapNode over = Overrides.extract(merged, sets);
        Node.MapNode root = new Node.MapNode(Node.Location.commandLine());
        root.put("extends", Node.Location.commandLine(), new Node.Scalar(rel.toString().replace('\\', '/'),
                Node.ScalarKind.STRING, Node.Location.commandLine()));
        over.entries().forEach((k, v) -> root.put(k, Node.Location.commandLine(), v));
        StringBuilder sb = new StringBuilder();
        sb.append("# Calibrated by rtvsim calibrate against ").append(c.measuredFile()).append(" (").append(c.selection())
                .append(")\n");
        sb.append(String.format(Locale.ROOT, "# objective %.5f (tail-weighted log RMS %.4f), KS %.4f; see fit.md%n",
                f.objective(), f.distances().tailLogRms(), f.distances().ks()));
        for (int i = 0; i < f.parameters().size(); i++) {
            double hw = f.halfWidths()[i];
            sb.append("# ").append(f.parameters().get(i).set(f.x()[i])).append(Double.isNaN(hw) ? " (not identified)"
                    : " ± " + f.parameters().get(i).format(hw)).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "# fitted with seed %d, %s simulated per evaluation%n", c.seed(),
                org.rtvsim.engine.Units.formatNs(c.durationNs())));
        return sb.append(NodeYaml.write(root)).toString();
    }
}
