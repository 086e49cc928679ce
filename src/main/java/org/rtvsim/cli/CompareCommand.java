package org.rtvsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.rtvsim.experiment.Replications;
import org.rtvsim.experiment.Work;
import org.rtvsim.measure.Comparison;
import org.rtvsim.measure.ReplicatedResult;
import org.rtvsim.measure.ReplicationStats;
import org.rtvsim.measure.RunResult;
import org.rtvsim.report.CompareReport;
import org.rtvsim.scenario.ScenarioSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rtvsim compare}: runs several scenario files, or one file and its variants, with the same seed
 * and replication indices (common random numbers) and prints every pooled statistic side by side with
 * its interval, plus the paired difference of each entry minus the first with its interval and whether
 * it is significant. {@code --out DIR} writes {@code compare.csv}, {@code compare.json}, {@code report.md}.
 * The work list (entries × replications, entry after entry) runs where {@link DistributionOptions} say; with
 * {@code --part} only a slice runs and a partial result is written instead, which {@code rtvsim merge} reports.
 * With {@code --measured FILE} every entry is checked against a measurement instead ({@link MeasuredCompare}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare scenarios, or variants of one scenario, with common random numbers: the same "
                + "seed and replication indices for every entry, so shared components draw the same numbers "
                + "and the paired differences (entry - first entry, per replication) have narrow intervals.",
            "Entries: every FILE, then every --variant applied to the first FILE.",
            "With --measured FILE, each entry is instead a prediction checked against that measurement: "
                + "percentile table, distances and a CCDF overlay (docs/calibration.md)."},
        footer = {"", "Examples:",
            "  rtvsim compare a.yaml b.yaml --replications 20",
            "  rtvsim compare base.yaml --variant host.kernel.preempt=full --variant host.kernel.preempt=rt",
            "  rtvsim compare base.yaml --variant 'busy:host.workload[1].kernel_activity.tasks=4;hardware.cpus=8'",
            "  rtvsim compare --measured cyclictest.txt calibrated.yaml --variant host.kernel.preempt=full",
            "  rtvsim compare a.yaml b.yaml --replications 20 --part 1/4 --out parts/1   (then 'rtvsim merge "
                + "parts/1 ... parts/4 --out results'; docs/distributed.md)",
            "", "With an slo: in the scenarios, one line per entry gives its verdict (meets, misses or inconclusive, "
                + "docs/statistics.md); it does not change the exit code.",
            "", "Exit codes: 0 ok, 2 bad input (also: a --duration too short for any sample), 3 internal error."})
final class CompareCommand extends ExperimentCommand {
    static final String CSV_FILE = "compare.csv";
    static final String JSON_FILE = "compare.json";
    static final String REPORT_FILE = "report.md";

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "FILE", description = "Scenario files; the first is "
            + "the baseline A.")
    List<Path> files;

    @Option(names = "--set", paramLabel = "KEY=VALUE", converter = ScenarioArgs.SetConverter.class,
            description = "Override a value in every entry. Repeatable.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--cyclictest", paramLabel = "OPTIONS", parameterConsumer = ScenarioArgs.RawValue.class,
            description = "Replace every entry's cyclictest workload by the one these cyclictest options describe "
                    + "(docs/command-import.md).")
    String cyclictest;

    @Option(names = "--load", paramLabel = "COMMAND", parameterConsumer = ScenarioArgs.RawValue.class,
            description = "Add the load this command (hackbench or stress-ng) describes to every entry.")
    String load;

    @Option(names = "--variant", paramLabel = "[NAME:]KEY=VALUE[;KEY=VALUE…]",
            description = "An entry made of the first FILE with these --set overrides, separated by ';' and "
                    + "labelled NAME (default: the overrides). Repeatable: one entry per --variant.")
    List<String> variants = new ArrayList<>();

    @Option(names = "--independent", description = "Run entry i with seed + i instead of common random numbers "
            + "(to see what CRN gains: wider intervals of the differences).")
    boolean independent;

    @Mixin
    MeasuredArgs measured;

    /** One entry before running: its label and scenario. */
    record Entry(String label, ScenarioSpec spec) {
    }

    @Override
    public Integer call() throws IOException {
        exp.check();
        if (measured.file != null) {
            exp.dist.localOnly("compare --measured", "each entry is one local run against the measurement; omit "
                    + "--engine and --part");
            MeasuredArgs.Measured m = measured.read();
            return MeasuredCompare.run(m, entries(), exp, spec.commandLine().getOut(), ExperimentArgs.commandLine(
                    spec.commandLine().getParseResult().originalArgs()));
        }
        List<Entry> entries = entries();
        if (entries.size() < 2) {
            throw new Errors.BadInput("compare needs at least two entries: give two FILEs or a FILE and a --variant");
        }
        ScenarioSpec base = entries.get(0).spec();
        int n = exp.replication.forExperiment(base);
        PrintWriter err = spec.commandLine().getErr();
        Replications.Tracker tracker = ProgressLine.tracker(err, n * entries.size(), exp.noProgress);
        List<Work> work = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            work.addAll(Replications.work(entries.get(i).spec().withSeed(base.seed() + (independent ? i : 0)), n));
        }
        List<RunResult> runs = WorkRunner.allResults(WorkRunner.start(spec, exp, work, tracker));
        if (runs == null) {
            return Errors.OK;
        }
        List<ReplicatedResult> results = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            results.add(ReplicationStats.combine(entries.get(i).label(), runs.subList(i * n, (i + 1) * n),
                    exp.replication.confidence));
        }
        Comparison c = Comparison.of(results, independent);
        if (!exp.quiet) {
            StringBuilder text = new StringBuilder();
            CompareReport.text(c, text);
            text.append(sloVerdicts(results));
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
        if (exp.outDir != null) {
            OutFiles.write(exp.outDir, CSV_FILE, out -> CompareReport.csv(c, out));
            OutFiles.write(exp.outDir, JSON_FILE, out -> out.append(CompareReport.json(c)));
            OutFiles.write(exp.outDir, REPORT_FILE, out -> CompareReport.markdown(c, ExperimentArgs.commandLine(
                    spec.commandLine().getParseResult().originalArgs()), out));
            writeCharts(exp.outDir, c);
        }
        return Errors.OK;
    }

    /**
     * One line per entry whose scenario has an {@code slo:}: its verdict over the entry's replications, judged
     * as {@code run --replications} judges it (meets, misses, inconclusive; docs/statistics.md). Empty when no
     * entry has one. Informational: compare's exit code does not depend on it.
     */
    static String sloVerdicts(List<ReplicatedResult> results) {
        StringBuilder s = new StringBuilder();
        for (ReplicatedResult r : results) {
            if (r.slo() != null) {
                double rate = r.durationNs() <= 0 ? 0
                        : r.pooled().samples() / (r.replications() * (r.durationNs() / 1e9));
                s.append("SLO ").append(RunSlo.percentileName(r.slo().percentile())).append(" < ")
                        .append(org.rtvsim.engine.Units.formatNs(r.slo().limitNs())).append(", ").append(r.label())
                        .append(": ").append(r.slo().verdict().describe(rate)).append('\n');
            }
        }
        return s.length() == 0 ? "" : "\n" + s;
    }

    /** Writes the comparison's charts into {@code dir} (see {@code report.md}'s charts marker). */
    static void writeCharts(Path dir, Comparison c) throws IOException {
        ChartFiles.compare(dir, c);
    }

    /** Every FILE, then every variant of the first; the baseline's seed is applied to all (CRN). */
    private List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        ScenarioArgs args = new ScenarioArgs();
        args.sets = sets;
        args.cyclictest = cyclictest;
        args.load = load;
        MeasuredArgs.Recorded rec = measured.file == null ? null : MeasuredArgs.recorded(measured.file);
        if (rec != null) { // a measurement.json says how it was measured: predict that condition
            args.cyclictest = cyclictest != null ? cyclictest : rec.cyclictest();
            args.load = load != null ? load : rec.load();
        }
        for (Path f : files) {
            args.file = f;
            ScenarioSpec s = exp.apply(args.load(f, List.of()));
            String label = s.name();
            if (out.stream().anyMatch(e -> e.label().equals(s.name()))) {
                label = f.toString();
            }
            out.add(new Entry(label, s));
        }
        for (String v : variants) {
            String label = v;
            String body = v;
            int colon = v.indexOf(':');
            int eq = v.indexOf('=');
            if (colon > 0 && (eq < 0 || colon < eq)) {
                label = v.substring(0, colon).strip();
                body = v.substring(colon + 1);
            }
            List<String> vs = Arrays.stream(body.split(";")).map(String::strip).filter(x -> !x.isEmpty()).toList();
            if (vs.isEmpty() || vs.stream().anyMatch(x -> x.indexOf('=') <= 0)) {
                throw new Errors.BadInput("--variant '" + v + "': expected [NAME:]KEY=VALUE[;KEY=VALUE…], e.g. "
                        + "host.kernel.preempt=full");
            }
            out.add(new Entry(label, exp.apply(args.load(files.get(0), vs))));
        }
        args.printNotes(spec.commandLine().getErr());
        ScenarioSpec base = out.get(0).spec();
        out.replaceAll(e -> new Entry(e.label(), e.spec().withSeed(base.seed())));
        return out;
    }
}
