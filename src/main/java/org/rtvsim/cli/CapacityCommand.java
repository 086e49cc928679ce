package org.rtvsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rtvsim.engine.Units;
import org.rtvsim.experiment.Axis;
import org.rtvsim.experiment.Capacity;
import org.rtvsim.experiment.Replications;
import org.rtvsim.experiment.SloTarget;
import org.rtvsim.experiment.Work;
import org.rtvsim.measure.Percentiles;
import org.rtvsim.measure.ReplicatedResult;
import org.rtvsim.measure.ReplicationStats;
import org.rtvsim.report.ResultRows;
import org.rtvsim.report.SweepReport;
import org.rtvsim.scenario.ScenarioSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rtvsim capacity}: the largest value of one numeric key at which a latency objective is met with
 * the stated confidence (upper interval bound below the limit), by bisection over the {@code --vary}
 * values assuming the statistic grows with the key. Prints the evaluated points and the answer; exit 1
 * when even the smallest value fails. {@code --out DIR} writes {@code capacity.csv}, {@code capacity-rows.csv}
 * (per replication, as data) and {@code report.md}. The search is sequential, so {@code --part K/N} slices the
 * work list of every candidate × replication (more runs than the search needs, but all independent) and
 * {@code rtvsim merge} replays the search on the merged results: the same points, verdicts and answer.
 */
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = {"Find the largest value of a numeric scenario key that still meets a latency objective "
                + "with the stated confidence: the upper end of the statistic's confidence interval over "
                + "replications must be below the limit.",
            "Assumes monotonicity (a larger value never lowers the latency): bisects over the values, checks "
                + "the neighbour below the answer and warns when evaluated points contradict the assumption.",
            "Any numeric key works, e.g. host.workload[1].kernel_activity.tasks=1..16 or "
                + "host.workload[2].device_irq.rate=1000hz..20000hz:1000hz. VM counts (vms[rt].count) and "
                + "pin: auto belong to the virtualization milestone: VMs are not simulated yet."},
        footer = {"", "Example:",
            "  rtvsim capacity s.yaml --vary 'host.workload[1].kernel_activity.tasks=1..16' --slo 'p99.99<50us'",
            "", "Exit codes: 0 an answer was found, 1 even the smallest value misses the objective, "
                + "2 bad input, 3 internal error."})
final class CapacityCommand implements Callable<Integer>, MergeCommand.Merging {
    static final String CSV_FILE = "capacity.csv";
    static final String REPORT_FILE = "report.md";
    /** The evaluated points' results as data, {@link ResultRows} ({@code .csv}, and {@code .parquet} with the module). */
    static final String ROWS_FILE = "capacity-rows";
    private static final Pattern NUMBER = Pattern.compile("\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*([A-Za-zµ]*)\\s*");

    @Mixin
    ScenarioArgs scenario;

    @Option(names = "--vary", paramLabel = "KEY=VALUES", required = true,
            description = "The numeric key and its candidate values, ascending: a range 1..16, 1..64:4, "
                    + "10us..100us:10us, or a list 1,2,4,8.")
    String vary;

    @Option(names = "--slo", paramLabel = "STAT<LIMIT",
            description = "The objective, e.g. 'p99.99<50us' (STAT: min, avg, max or pP with 0 < P < 100; the "
                    + "limit needs a unit). Default: the scenario's slo:.")
    String slo;

    @Mixin
    ExperimentArgs exp;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public ExperimentArgs experiment() {
        return exp;
    }

    @Override
    public Integer call() throws IOException {
        exp.check();
        Axis axis = ExperimentArgs.parsing(() -> Axis.parse(vary));
        checkNumericAscending(axis);
        ScenarioSpec base = exp.apply(scenario.load());
        scenario.printNotes(spec.commandLine().getErr());
        SloTarget target;
        if (slo != null) {
            target = ExperimentArgs.parsing(() -> SloTarget.parse(slo));
        } else if (base.slo() != null) {
            target = new SloTarget(Percentiles.name(base.slo().percentile()), base.slo().percentile(),
                    base.slo().belowNs());
        } else {
            throw new Errors.BadInput("capacity needs an objective: give --slo 'p99.99<50us' or an slo: in the "
                    + "scenario");
        }
        List<ScenarioSpec> specs = new ArrayList<>();
        for (int i = 0; i < axis.values().size(); i++) {
            specs.add(SloTarget.measuring(exp.apply(scenario.load(scenario.file, List.of(axis.set(i)))),
                    target.p()).withSeed(base.seed()));
        }
        int n = exp.replication.forExperiment(base);
        PrintWriter err = spec.commandLine().getErr();
        int maxEvaluations = 3 + 32 - Integer.numberOfLeadingZeros(Math.max(1, axis.values().size()));
        Replications.Tracker tracker = ProgressLine.tracker(err, n * maxEvaluations, exp.quiet);
        List<Work> work = new ArrayList<>();
        specs.forEach(s -> work.addAll(Replications.work(s, n)));
        Capacity.Outcome o;
        try (WorkRunner runner = WorkRunner.start(spec, exp, work, tracker)) {
            if (runner == null) {
                return Errors.OK;
            }
            o = Capacity.search(axis, target, i -> ReplicationStats.combine(axis.values().get(i),
                    runner.results(i * n, (i + 1) * n), exp.replication.confidence));
        }

        List<String> keys = List.of(axis.key());
        List<List<String>> settings = new ArrayList<>();
        List<ReplicatedResult> results = new ArrayList<>();
        List<String> verdicts = new ArrayList<>();
        for (Capacity.Point p : o.points()) {
            settings.add(List.of(p.value()));
            results.add(p.result());
            verdicts.add(p.met() ? "meets" : "misses");
        }
        String objective = target.statistic() + " < " + Units.formatNs(target.limitNs());
        String level = new BigDecimal(Double.toString(exp.replication.confidence)).movePointRight(2)
                .stripTrailingZeros().toPlainString();
        StringBuilder text = new StringBuilder();
        text.append("# rtvsim capacity: ").append(base.name()).append(", objective ").append(objective)
                .append(" judged on the upper end of the ").append(level).append(" % interval over ").append(n)
                .append(" replications (all threads pooled), seed ").append(base.seed())
                .append("; assumes the statistic does not decrease as ").append(axis.key()).append(" grows\n\n");
        SweepReport.text(keys, settings, results, target.statistic(), verdicts, text);
        text.append('\n');
        for (String w : o.warnings()) {
            text.append("Warning: ").append(w).append('\n');
        }
        if (o.answer() < 0) {
            text.append("No value meets the objective: even ").append(axis.set(0)).append(" misses it.\n");
        } else {
            text.append("Answer: ").append(axis.set(o.answer())).append(" is the largest value meeting ")
                    .append(objective).append(" with ").append(level).append(" % confidence")
                    .append(o.answer() == axis.values().size() - 1 ? " (the largest value tried; try a wider range)"
                            : "").append(".\n");
        }
        if (!exp.quiet) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
        if (exp.outDir != null) {
            OutFiles.write(exp.outDir, CSV_FILE, out -> SweepReport.csv(keys, settings, results, out));
            RowFiles.write(exp.outDir, ROWS_FILE, ResultRows.of(keys, settings, results));
            OutFiles.write(exp.outDir, REPORT_FILE, out -> {
                SweepReport.markdown("rtvsim capacity", keys, settings, results, target.statistic(), verdicts,
                        ExperimentArgs.commandLine(spec.commandLine().getParseResult().originalArgs()), out);
                out.append('\n').append(text.substring(text.lastIndexOf("\n", text.length() - 2) + 1));
            });
            ChartFiles.capacity(exp.outDir, keys.get(0), o, target);
        }
        if (o.answer() < 0) {
            err.println("rtvsim: capacity: even " + axis.set(0) + " misses " + objective);
            err.flush();
            return Errors.SLO_MISSED;
        }
        return Errors.OK;
    }


    /** Every value must be a number with one common optional unit, in ascending order. */
    static void checkNumericAscending(Axis axis) {
        BigDecimal prev = null;
        String unit = null;
        for (String v : axis.values()) {
            Matcher m = NUMBER.matcher(v);
            if (!m.matches()) {
                throw new Errors.BadInput("--vary " + axis.key() + ": '" + v + "' is not a number; capacity needs "
                        + "a numeric key, e.g. tasks=1..16 or rate=1000hz..20000hz:1000hz");
            }
            if (unit != null && !unit.equals(m.group(2))) {
                throw new Errors.BadInput("--vary " + axis.key() + ": values mix units ('" + unit + "' and '"
                        + m.group(2) + "'); write them in one unit");
            }
            unit = m.group(2);
            BigDecimal x = new BigDecimal(m.group(1));
            if (prev != null && x.compareTo(prev) <= 0) {
                throw new Errors.BadInput("--vary " + axis.key() + ": values must be ascending; got " + prev
                        + " before " + x);
            }
            prev = x;
        }
    }
}
