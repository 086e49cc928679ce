package org.rtvsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.rtvsim.measure.Verdict;
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
 * the stated confidence (the whole interval below the limit), by bisection over the {@code --vary}
 * values assuming the statistic grows with the key. Prints the evaluated points with their verdicts (meets,
 * misses, inconclusive) and the answer; exit 1 when even the smallest value misses, 4 when the points do not
 * decide (an inconclusive point at the boundary, or a non-monotone sequence). {@code --out DIR} writes
 * {@code capacity.csv}, {@code capacity-rows.csv} (per replication, as data), {@code report.md} and
 * {@code capacity.png}. The search is sequential, so {@code --part K/N} slices the work list of every
 * candidate × replication (more runs than the search needs, but all independent) and {@code rtvsim merge}
 * replays the search on the merged results: the same points, verdicts and answer.
 */
@Command(name = "capacity", mixinStandardHelpOptions = true,
        description = {"Find the largest value of a numeric scenario key that still meets a latency objective "
                + "with the stated confidence. Each point is judged on its statistic's interval: meets (the whole "
                + "interval below the limit), misses (the whole interval at or above it) or inconclusive (the "
                + "interval contains the limit; with an estimate of the replications or samples that would "
                + "decide it). The interval is the Student-t interval over replications; with --replications 1, "
                + "a percentile's order-statistic interval over the samples.",
            "Assumes monotonicity (a larger value never lowers the latency): bisects over the values and checks "
                + "the neighbour below the answer. A value that misses below one that meets is reported as not "
                + "monotone, with no answer; an inconclusive point at the boundary makes the answer inconclusive.",
            "Any numeric key works, e.g. host.workload[1].kernel_activity.tasks=1..16, "
                + "host.workload[2].device_irq.rate=1000hz..20000hz:1000hz or the number of copies of a guest, "
                + "vms[rt].count=1..6 (docs/virtualization.md)."},
        footer = {"", "Examples:",
            "  rtvsim capacity s.yaml --vary 'host.workload[1].kernel_activity.tasks=1..16' --slo 'p99.99<50us'",
            "  rtvsim capacity scenarios/kvm-capacity.yaml --vary 'vms[rt].count=1..6' --slo 'p99.99<50us'",
            "", "Exit codes: 0 an answer was found, 1 even the smallest value misses the objective, "
                + "2 bad input, 3 internal error, 4 no conclusive answer (an inconclusive point decides it, or "
                + "the points are not monotone)."})
final class CapacityCommand extends ExperimentCommand {
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
        Replications.Tracker tracker = ProgressLine.tracker(err, n * maxEvaluations, exp.noProgress);
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
            verdicts.add(p.verdict().kind().word());
        }
        String objective = target.statistic() + " < " + Units.formatNs(target.limitNs());
        String level = new BigDecimal(Double.toString(exp.replication.confidence)).movePointRight(2)
                .stripTrailingZeros().toPlainString();
        StringBuilder text = new StringBuilder();
        text.append("# rtvsim capacity: ").append(base.name()).append(", objective ").append(objective)
                .append(n > 1 ? " judged on the " + level + " % interval over " + n + " replications"
                        : " judged on the 95 % order-statistic interval of one replication")
                .append(" (all threads pooled): meets below the limit, misses above it, inconclusive across it; "
                        + "seed ").append(base.seed()).append("; assumes the statistic does not decrease as ")
                .append(axis.key()).append(" grows\n\n");
        SweepReport.text(keys, settings, results, target.statistic(), verdicts, text);
        StringBuilder closing = new StringBuilder();
        for (Capacity.Point p : o.points()) {
            if (p.verdict().kind() == Verdict.Kind.INCONCLUSIVE) {
                closing.append(axis.key()).append('=').append(p.value()).append(": ")
                        .append(p.verdict().describe(rate(p.result()))).append('\n');
            }
        }
        for (String w : o.warnings()) {
            closing.append("Warning: ").append(w).append('\n');
        }
        closing.append(answer(axis, o, objective, level)).append('\n');
        text.append('\n').append(closing);
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
                out.append('\n').append(closing);
            });
            ChartFiles.capacity(exp.outDir, keys.get(0), o, target);
        }
        switch (o.status()) {
            case NONE -> {
                err.println("rtvsim: capacity: even " + axis.set(0) + " misses " + objective);
                err.flush();
                return Errors.SLO_MISSED;
            }
            case INCONCLUSIVE, NOT_MONOTONE -> {
                err.println("rtvsim: capacity: no conclusive answer (" + (o.status() == Capacity.Status.NOT_MONOTONE
                        ? "the points are not monotone" : "an inconclusive point decides it") + ")");
                err.flush();
                return Errors.INCONCLUSIVE;
            }
            default -> {
                return Errors.OK;
            }
        }
    }

    /** The closing sentence: the answer, or why there is none. */
    static String answer(Axis axis, Capacity.Outcome o, String objective, String level) {
        int last = axis.values().size() - 1;
        return switch (o.status()) {
            case ANSWER -> "Answer: " + axis.set(o.answer()) + " is the largest value meeting " + objective + " with "
                    + level + " % confidence" + (o.answer() == last ? " (the largest value tried; try a wider range)"
                    : "") + ".";
            case NONE -> "No value meets the objective: even " + axis.set(0) + " misses it.";
            case NOT_MONOTONE -> "Not monotone: the evaluated points contradict the assumption that the statistic "
                    + "grows with " + axis.key() + ", so the bisection gives no answer. Evaluate every value with "
                    + "rtvsim sweep.";
            case INCONCLUSIVE -> "Inconclusive: " + (o.answer() < 0 ? "no value is known to meet " + objective
                    : axis.set(o.answer()) + " meets " + objective + ", but a larger value is inconclusive")
                    + "; run longer or more replications (estimates above).";
        };
    }

    /** Samples per simulated second over all replications of a point. */
    private static double rate(ReplicatedResult r) {
        return r.durationNs() <= 0 ? 0 : r.pooled().samples() / (r.replications() * (r.durationNs() / 1e9));
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
