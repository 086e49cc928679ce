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

    /** What was fitted against: the measured conditions, the base scenario and the run settings. */
    public record Context(List<MeasuredCondition> conditions, Path baseScenario, List<String> baseSets, long seed,
            String budget, String command) {
        public Context {
            conditions = List.copyOf(conditions);
        }

        /** The first condition (the only one of a one-condition fit). */
        public MeasuredCondition first() {
            return conditions.get(0);
        }

        /** The first condition's measured file. */
        public String measuredFile() {
            return first().file();
        }

        /** The first condition's simulated duration per evaluation. */
        public long durationNs() {
            return first().durationNs();
        }
    }

    /**
     * One measured condition: its name, file, format and selection, sample counts, the cyclictest command line and
     * load applied to the base for it (null: the scenario's own), and its simulated duration per evaluation.
     */
    public record MeasuredCondition(String name, String file, String format, String selection, long samples,
            long overflows, double overflowEdgeUs, String cyclictest, String load, long durationNs) {
    }

    private FitFiles() {
    }

    /** {@code fit.json}. */
    public static String json(FitResult f, Context c) {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        measured(root.putObject("measured"), c.first());
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
            if (p.prior() != null) {
                n.put("prior", p.prior().toString());
            }
            FitResult.Identification id = f.identification().get(i);
            n.put("identified", id.identified());
            if (!id.identified()) {
                n.put("notIdentifiedBecause", id.reason());
                n.put("suggestedCondition", id.suggestion());
                num(n, "suggestedConditionMovement", id.movement());
            }
        }
        ObjectNode u = root.putObject("uncertainty");
        u.put("method", f.uncertainty());
        num(u, "noiseFloor", f.noiseFloor());
        ObjectNode g = root.putObject("goodnessOfFit");
        num(g, "noiseFloors", f.misfitRatio());
        num(g, "misfitAbove", FitResult.MISFIT_RATIO);
        if (!Double.isNaN(f.misfitRatio())) {
            g.put("misfit", f.misfit());
        }
        distances(root.putObject("distances"), f.distances());
        ArrayNode cs = root.putArray("conditions");
        for (int i = 0; i < f.conditions().size(); i++) {
            ObjectNode n = cs.addObject();
            measured(n, c.conditions().get(i));
            n.put("simulatedSamples", f.conditions().get(i).simulated().samples());
            distances(n.putObject("distances"), f.conditions().get(i).distances());
        }
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

    private static void measured(ObjectNode m, MeasuredCondition c) {
        m.put("name", c.name()).put("file", c.file()).put("format", c.format()).put("threads", c.selection())
                .put("samples", c.samples()).put("overflows", c.overflows());
        num(m, "overflowEdgeUs", c.overflowEdgeUs());
        m.put("cyclictest", c.cyclictest()).put("load", c.load()).put("durationNs", c.durationNs());
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

    /** {@code fit.md}: settings, fitted values, the percentile tables, the distances and the chart. */
    public static void markdown(FitResult f, Context c, Appendable out) throws IOException {
        out.append("# rtvsim calibration: ").append(c.baseScenario().getFileName().toString()).append(" against ")
                .append(c.conditions().size() == 1 ? Path.of(c.measuredFile()).getFileName().toString()
                        : c.conditions().size() + " measured conditions").append("\n\n## Settings\n\n");
        for (MeasuredCondition m : c.conditions()) {
            out.append("- measured").append(c.conditions().size() == 1 ? "" : " (" + m.name() + ")").append(": `")
                    .append(m.file()).append("` (").append(m.format()).append(", ").append(m.selection()).append(", ")
                    .append(Long.toString(m.samples())).append(" samples, ").append(Long.toString(m.overflows()))
                    .append(" overflows)").append(m.cyclictest() == null ? "" : ", cyclictest `" + m.cyclictest() + "`")
                    .append(m.load() == null ? "" : ", load `" + m.load() + "`").append(", ")
                    .append(org.rtvsim.engine.Units.formatNs(m.durationNs())).append(" simulated per evaluation\n");
        }
        out.append("- base scenario: `").append(c.baseScenario().toString()).append("`, seed ")
                .append(Long.toString(c.seed())).append(", replication 0 for every evaluation (common random "
                + "numbers)").append(c.conditions().size() == 1 ? "" : "; the objective is the mean over the conditions")
                .append('\n');
        out.append("- ").append(Integer.toString(f.evaluations())).append(" evaluations, stopped: ").append(f.stop())
                .append(", budget ").append(c.budget()).append('\n');
        if (c.command() != null) {
            out.append("- command: `").append(c.command()).append("`\n");
        }
        out.append("\n## Fitted parameters\n\n| parameter | range | prior | fitted | uncertainty (±) | identified |\n"
                + "| --- | --- | --- | ---: | ---: | --- |\n");
        for (int i = 0; i < f.parameters().size(); i++) {
            FitParameter p = f.parameters().get(i);
            double hw = f.halfWidths()[i];
            FitResult.Identification id = f.identification().get(i);
            out.append("| `").append(p.path()).append("` | ").append(p.range()).append(" | ")
                    .append(p.prior() == null ? "flat" : p.prior().toString()).append(" | ").append(p.text(f.x()[i]))
                    .append(f.atBound(i) ? " (at the range's edge)" : "").append(" | ")
                    .append(Double.isNaN(hw) ? "—" : p.format(hw)).append(" | ")
                    .append(id.identified() ? "yes" : "**not identified by these data**: " + id.reason()
                            + (id.suggestion() == null ? "" : String.format(Locale.ROOT, "; measuring %s would "
                            + "identify it (its prediction moves by %.0f %% across the range)", id.suggestion(),
                            100 * (Math.exp(id.movement()) - 1)))).append(" |\n");
        }
        out.append(String.format(Locale.ROOT, "%nUncertainty: %s; half-width where the objective's quadratic model "
                + "rises by the noise floor %.3g (docs/calibration.md).%n", f.uncertainty(), f.noiseFloor()));
        double r = f.misfitRatio();
        if (!Double.isNaN(r)) {
            out.append(String.format(Locale.ROOT, "%n%s: the data objective is %.1f noise floors (a misfit above "
                    + "%.0f).%n", f.misfit() ? "**Model misfit**: no values in these ranges make the model match; the "
                    + "fitted values absorb what it lacks" : "Goodness of fit: within sampling noise", r,
                    FitResult.MISFIT_RATIO));
        }
        for (int i = 0; i < f.conditions().size(); i++) {
            out.append("\n## Measured vs simulated").append(f.conditions().size() == 1 ? ""
                    : ": " + f.conditions().get(i).name()).append("\n\n");
            DistanceTable.markdown(f.conditions().get(i).distances(), out);
        }
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
        sb.append("# Calibrated by rtvsim calibrate against ");
        for (MeasuredCondition m : c.conditions()) {
            sb.append(m == c.first() ? "" : "#   and ").append(m.file()).append(" (").append(m.selection())
                    .append(m.cyclictest() == null ? "" : ", cyclictest " + m.cyclictest())
                    .append(m.load() == null ? "" : ", load " + m.load()).append(")\n");
        }
        if (c.conditions().size() == 1) {
            sb.append(String.format(Locale.ROOT, "# objective %.5f (tail-weighted log RMS %.4f), KS %.4f; see fit.md%n",
                    f.objective(), f.distances().tailLogRms(), f.distances().ks()));
        } else {
            sb.append(String.format(Locale.ROOT, "# objective %.5f (mean over the conditions); see fit.md%n",
                    f.objective()));
        }
        for (int i = 0; i < f.parameters().size(); i++) {
            double hw = f.halfWidths()[i];
            sb.append("# ").append(f.parameters().get(i).set(f.x()[i])).append(Double.isNaN(hw) ? ""
                    : " ± " + f.parameters().get(i).format(hw))
                    .append(f.identification().get(i).identified() ? "" : " (not identified by these data)").append('\n');
        }
        sb.append(String.format(Locale.ROOT, "# fitted with seed %d, %s simulated per evaluation%n", c.seed(),
                org.rtvsim.engine.Units.formatNs(c.durationNs())));
        return sb.append(NodeYaml.write(root)).toString();
    }
}
