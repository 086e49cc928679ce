package org.rtvsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rtvsim.calibrate.DistanceTable;
import org.rtvsim.calibrate.Distances;
import org.rtvsim.calibrate.FitFiles;
import org.rtvsim.measured.LatencyCdf;
import org.rtvsim.calibrate.ScenarioSimulator;
import org.rtvsim.engine.Units;
import org.rtvsim.report.charts.CcdfOverlay;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * {@code rtvsim compare --measured FILE}: each entry is a prediction checked against the measurement. Every entry
 * runs replication 0 with the first entry's seed, for {@code --duration} or, by default, as many samples as were
 * measured (at most {@link ScenarioSimulator#COMPARE_MAX_SAMPLES}), with attribution off; the percentile table and
 * distances of each are printed, and {@code --out DIR} gets {@value #REPORT}, {@value #JSON} and the overlay
 * chart {@value #CHART}.png/.svg.
 */
final class MeasuredCompare {
    static final String REPORT = "measured-compare.md";
    static final String JSON = "measured-compare.json";
    static final String CHART = "measured-ccdf";

    /** One entry's result. */
    record Result(String label, ScenarioSpec spec, LatencyCdf simulated, Distances distances) {
    }

    private MeasuredCompare() {
    }

    static int run(MeasuredArgs.Measured m, List<CompareCommand.Entry> entries, ExperimentArgs exp, PrintWriter out,
            String command) throws IOException {
        double w = m.histogram().bucketWidthUs();
        LatencyCdf meas = m.cdf();
        List<Result> results = new ArrayList<>();
        for (CompareCommand.Entry e : entries) {
            ScenarioSpec s = e.spec();
            if (exp.durationNs == null) {
                long d = ScenarioSimulator.defaultDurationNs(s, m.histogram().samples(),
                        ScenarioSimulator.COMPARE_MAX_SAMPLES);
                if (d <= 0) {
                    throw new Errors.BadInput(s.source() + ": the scenario has no cyclictest workload to compare");
                }
                s = s.withDuration(d);
            }
            LatencyCdf sim = ScenarioSimulator.run(s, 0, w);
            results.add(new Result(e.label(), s, sim, Distances.between(meas, sim)));
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "# rtvsim compare --measured %s (%s, %d samples, %d overflows)%n",
                m.file().source(), m.selection(), m.histogram().samples(), m.histogram().overflows()));
        for (Result r : results) {
            text.append(String.format(Locale.ROOT, "%n## %s: seed %d, %s simulated, %d samples%n", r.label(),
                    r.spec().seed(), Units.formatNs(r.spec().durationNs()), r.simulated().samples()));
            DistanceTable.text(r.distances(), text, "  ");
        }
        if (!exp.quiet) {
            out.print(text);
            out.flush();
        }
        if (exp.outDir != null) {
            OutFiles.write(exp.outDir, REPORT, o -> markdown(m, results, command, o));
            OutFiles.write(exp.outDir, JSON, o -> o.append(json(m, results)));
            List<CcdfOverlay.Curve> curves = new ArrayList<>();
            curves.add(m.curve());
            for (Result r : results) {
                double[][] pts = r.simulated().ccdfPoints();
                curves.add(new CcdfOverlay.Curve(r.label() + " (simulated, " + r.simulated().samples() + " samples)",
                        pts[0], pts[1]));
            }
            CcdfOverlay.write("Measured vs predicted", "tail-weighted log RMS: " + results.stream()
                    .map(r -> String.format(Locale.ROOT, "%s %.3f", r.label(), r.distances().tailLogRms()))
                    .reduce((a, b) -> a + ", " + b).orElse(""), curves, exp.outDir, CHART);
        }
        return Errors.OK;
    }

    private static void markdown(MeasuredArgs.Measured m, List<Result> results, String command, Appendable o)
            throws IOException {
        o.append("# rtvsim compare against a measurement\n\n- measured: `").append(m.file().source()).append("` (")
                .append(m.selection()).append(", ").append(Long.toString(m.histogram().samples())).append(" samples)\n");
        if (command != null) {
            o.append("- command: `").append(command).append("`\n");
        }
        o.append("\n![measured vs simulated CCDF](").append(CHART).append(".png)\n");
        for (Result r : results) {
            o.append("\n## ").append(r.label()).append("\n\nseed ").append(Long.toString(r.spec().seed())).append(", ")
                    .append(Units.formatNs(r.spec().durationNs())).append(" simulated, ")
                    .append(Long.toString(r.simulated().samples())).append(" samples\n\n");
            DistanceTable.markdown(r.distances(), o);
        }
    }

    private static String json(MeasuredArgs.Measured m, List<Result> results) throws IOException {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        root.putObject("measured").put("file", m.file().source()).put("threads", m.selection())
                .put("samples", m.histogram().samples()).put("overflows", m.histogram().overflows());
        ArrayNode entries = root.putArray("entries");
        for (Result r : results) {
            ObjectNode e = entries.addObject();
            e.put("label", r.label()).put("seed", r.spec().seed()).put("durationNs", r.spec().durationNs())
                    .put("samples", r.simulated().samples());
            FitFiles.distances(e.putObject("distances"), r.distances());
        }
        return om.writeValueAsString(root) + "\n";
    }
}
