package org.rtvsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rtvsim.experiment.Axis;
import org.rtvsim.experiment.Replications;
import org.rtvsim.experiment.SloTarget;
import org.rtvsim.experiment.Work;
import org.rtvsim.measure.ReplicatedResult;
import org.rtvsim.measure.ReplicationStats;
import org.rtvsim.measure.RunResult;
import org.rtvsim.report.ResultRows;
import org.rtvsim.report.SweepReport;
import org.rtvsim.scenario.ScenarioSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rtvsim sweep}: runs the cartesian product of the {@code --vary} axes (first axis outermost),
 * each point with its replications and the same seed (common random numbers across points), prints a
 * table of one statistic with its interval, and with {@code --out DIR} writes {@code sweep.csv} (every
 * statistic of every point), {@code sweep-rows.csv} (every statistic of every replication, as data; also
 * {@code .parquet} with the rtvsim-spark module) and {@code report.md}. The work list (points × replications)
 * runs where {@link DistributionOptions} say; with {@code --part} only a slice runs and a partial result is
 * written instead. Every point is loaded before anything runs, so a
 * bad key or value fails at once.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a grid of scenario variants: every combination of the --vary values, each with "
                + "its replications; prints one statistic per point with its confidence interval.",
        footer = {"", "Values: a list 1ms,2ms,5ms; a range 1..16 (step 1) or 10us..50us:10us; YAML values such as "
                + "{fixed: 2us} (commas inside braces do not split).",
            "Examples:",
            "  rtvsim sweep s.yaml --vary host.kernel.preempt=full,rt --vary 'host.workload[1].kernel_activity.tasks=1..8'",
            "  rtvsim sweep s.yaml --vary host.kernel.hz=100,250,1000 --stat p99.9 --out results/hz",
            "", "Exit codes: 0 ok, 2 bad input (also: a --duration too short for any sample), 3 internal error."})
final class SweepCommand extends ExperimentCommand {
    static final String CSV_FILE = "sweep.csv";
    static final String REPORT_FILE = "report.md";
    /** The results as data, {@link ResultRows}: {@code sweep-rows.csv} (and {@code .parquet} with the module). */
    static final String ROWS_FILE = "sweep-rows";
    /** The most points a sweep may have. */
    static final int MAX_POINTS = 10_000;

    @Mixin
    ScenarioArgs scenario;

    @Option(names = "--vary", paramLabel = "KEY=VALUES", required = true,
            description = "A scenario key and its values (list, range A..B[:STEP], units allowed). Repeatable: "
                    + "the grid is every combination.")
    List<String> vary = new ArrayList<>();

    @Option(names = "--stat", paramLabel = "STAT", defaultValue = "p99.99",
            description = "The statistic shown in the table: min, avg, max or pP (0 < P < 100); default p99.99. "
                    + "sweep.csv has them all.")
    String stat;

    @Override
    public Integer call() throws IOException {
        exp.check();
        double p = ExperimentArgs.parsing(() -> SloTarget.percentileOf(stat, "--stat"));
        String statName = Double.isNaN(p) ? stat : org.rtvsim.measure.Percentiles.name(p);
        List<Axis> axes = new ArrayList<>();
        for (String v : vary) {
            axes.add(ExperimentArgs.parsing(() -> Axis.parse(v)));
        }
        List<List<String>> settings = grid(axes);
        List<ScenarioSpec> specs = new ArrayList<>();
        for (List<String> point : settings) {
            List<String> sets = new ArrayList<>();
            for (int a = 0; a < axes.size(); a++) {
                sets.add(axes.get(a).key() + "=" + point.get(a));
            }
            specs.add(SloTarget.measuring(exp.apply(scenario.load(scenario.file, sets)), p));
        }
        scenario.printNotes(spec.commandLine().getErr());
        ScenarioSpec first = specs.get(0);
        int n = exp.replication.forExperiment(first);
        PrintWriter err = spec.commandLine().getErr();
        Replications.Tracker tracker = ProgressLine.tracker(err, n * specs.size(), exp.noProgress);
        List<Work> work = new ArrayList<>();
        for (ScenarioSpec s : specs) {
            work.addAll(Replications.work(s.withSeed(first.seed()), n));
        }
        List<RunResult> runs = WorkRunner.allResults(WorkRunner.start(spec, exp, work, tracker));
        if (runs == null) {
            return Errors.OK;
        }
        List<ReplicatedResult> results = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            results.add(ReplicationStats.combine(String.join(",", settings.get(i)), runs.subList(i * n, (i + 1) * n),
                    exp.replication.confidence));
        }
        List<String> keys = axes.stream().map(Axis::key).toList();
        if (!exp.quiet) {
            StringBuilder text = new StringBuilder();
            text.append("# rtvsim sweep: ").append(first.name()).append(", ").append(specs.size())
                    .append(" points x ").append(n).append(" replications, seed ").append(first.seed())
                    .append(", common random numbers across points\n\n");
            SweepReport.text(keys, settings, results, statName, null, text);
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
        if (exp.outDir != null) {
            OutFiles.write(exp.outDir, CSV_FILE, out -> SweepReport.csv(keys, settings, results, out));
            RowFiles.write(exp.outDir, ROWS_FILE, ResultRows.of(keys, settings, results));
            OutFiles.write(exp.outDir, REPORT_FILE, out -> SweepReport.markdown("rtvsim sweep", keys, settings,
                    results, statName, null, ExperimentArgs.commandLine(spec.commandLine().getParseResult()
                            .originalArgs()), out));
            writeCharts(exp.outDir, keys, settings, results, statName);
        }
        return Errors.OK;
    }

    /** Writes the sweep's charts into {@code dir} (see {@code report.md}'s charts marker). */
    static void writeCharts(Path dir, List<String> keys, List<List<String>> settings, List<ReplicatedResult> points,
                            String stat) throws IOException {
        ChartFiles.sweep(dir, keys, settings, points, stat, null);
    }

    /** Every combination of the axes' values, the first axis varying slowest. */
    static List<List<String>> grid(List<Axis> axes) {
        List<List<String>> out = new ArrayList<>();
        out.add(List.of());
        for (Axis a : axes) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : out) {
                for (String v : a.values()) {
                    List<String> p = new ArrayList<>(prefix);
                    p.add(v);
                    next.add(List.copyOf(p));
                }
            }
            if (next.size() > MAX_POINTS) {
                throw new Errors.BadInput("--vary: the grid has more than " + MAX_POINTS + " points");
            }
            out = next;
        }
        return out;
    }
}
