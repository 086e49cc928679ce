package org.rtvsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rtvsim.engine.Units;
import org.rtvsim.experiment.Replications;
import org.rtvsim.experiment.SamplePlan;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.ReplicatedResult;
import org.rtvsim.measure.ReplicationStats;
import org.rtvsim.measure.RunResult;
import org.rtvsim.report.CyclictestText;
import org.rtvsim.report.HistogramCsv;
import org.rtvsim.report.PercentilesCsv;
import org.rtvsim.report.ReplicatedJson;
import org.rtvsim.report.ReplicatedText;
import org.rtvsim.report.RunMarkdown;
import org.rtvsim.report.SummaryJson;
import org.rtvsim.report.SummaryText;
import org.rtvsim.scenario.ScenarioSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rtvsim run}: a scenario's replications. With one replication (the default) prints the
 * {@code cyclictest -q -h N} block, a blank line and the summary (percentiles, tail attribution, SLO) on
 * stdout; with {@code --out DIR} also writes {@code cyclictest.txt}, {@code summary.json},
 * {@code histogram.csv}, {@code percentiles.csv} and {@code report.md} there. With N &gt; 1 replications
 * (run in parallel, results independent of the thread count) prints every statistic over the pooled
 * samples with a confidence interval over replications, and {@code --out} writes the replicated
 * {@code summary.json}, {@code percentiles.csv} and {@code report.md}. Only these files are replaced.
 * Exit code 1 when the scenario's {@code slo:} is missed (over all replications pooled).
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a scenario once: prints what cyclictest -q -h would print, then percentiles, "
                + "the attribution of the tail and the SLO verdict.",
            "With --replications N > 1: every statistic over all replications' samples pooled, with a "
                + "confidence interval over replications."},
        footer = {"", "Examples:",
            "  rtvsim run s.yaml --slo 'p99.99<50us'           the SLO verdict: met, MISSED or INCONCLUSIVE",
            "  rtvsim run s.yaml --slo 'p99.99<50us' --plan    how many samples and how much simulated time p99.99 "
                + "needs (nothing is simulated)",
            "  rtvsim run s.yaml --replications 20 --part 1/4 --out parts/1   one slice of the replications (also "
                + "--split K's segments); 'rtvsim merge parts/* --out DIR' combines the slices (docs/distributed.md)",
            "", "Exit codes: 0 ok (the SLO, if any, is met), 1 the SLO is missed (its whole interval at or above the "
                + "limit), 2 bad input (also: a --duration too short for any sample), 3 internal error, 4 the SLO "
                + "is inconclusive (its interval contains the limit: run longer or more replications), "
                + "130/143 interrupted."})
final class RunCommand implements Callable<Integer>, MergeCommand.Merging {
    static final String CYCLICTEST_FILE = "cyclictest.txt";
    static final String SUMMARY_FILE = "summary.json";
    static final String HISTOGRAM_FILE = "histogram.csv";
    static final String PERCENTILES_FILE = "percentiles.csv";
    static final String REPORT_FILE = "report.md";
    static final String HTML_FILE = "report.html";

    @Mixin
    ReplicationOptions replication;

    @Mixin
    ScenarioArgs scenario;

    @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's seed.")
    Long seed;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Override the measured (simulated) duration, e.g. 2s or 500ms (also the one --cyclictest's "
                    + "-l or -D implies).")
    Long durationNs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write cyclictest.txt, summary.json, histogram.csv, percentiles.csv and report.md "
                    + "into DIR (created when missing; only these files are replaced, nothing else is touched; "
                    + "with N > 1 replications: summary.json, percentiles.csv, report.md), the charts, and "
                    + "report.html (one self-contained page: charts inline, tables, attribution, the worst sample).")
    Path outDir;

    @Option(names = "--rtapp-logs", paramLabel = "DIR",
            description = "Also write rt-app's per-task logs into DIR (created when missing): rt-app-TASK-IDX.log for "
                    + "every periodic task (rt-app workloads included), one row per job in rt-app's columns (idx perf "
                    + "run period start end rel_st slack c_duration c_period wu_lat; docs/rt-app.md). One replication.")
    Path rtappLogs;

    @Option(names = "--slo", paramLabel = "pP<LIMIT",
            description = "The objective to judge, replacing the scenario's slo:, e.g. 'p99.99<50us' (a percentile "
                    + "0 < P < 100 and a limit with a unit). Judged on the percentile's interval: met, MISSED or "
                    + "INCONCLUSIVE (docs/statistics.md).")
    String slo;

    @Option(names = "--plan", description = "Do not run: print how many samples, and how much simulated time at the "
            + "scenario's sample rate, the --slo (or slo:) percentile needs to be supported at --confidence.")
    boolean plan;

    @Option(names = "--stats", description = "Add simulator statistics: events simulated, events per "
            + "wall-second, simulated/wall time ratio (not deterministic).")
    boolean stats;

    @Option(names = "--split", paramLabel = "K", description = "Run the measured duration as K independent "
            + "segments of duration/K (each with its own warm-up, streams at substreams 0..K-1) on the --threads, "
            + "and pool their samples; output as for K replications, identical for any thread count (default 1: "
            + "one run).")
    Integer split;

    @Option(names = "--quiet", description = "Print nothing on stdout (use with --out); errors, a missed "
            + "SLO and the progress line still go to stderr.")
    boolean quiet;

    @Option(names = "--no-progress", description = "No progress line on stderr (it is shown only when stderr is a "
            + "terminal anyway).")
    boolean noProgress;

    @Option(names = "--cyclictest-block", description = "Print cyclictest's -h block before the summary even when "
            + "stdout is a terminal (when it is not, e.g. in a pipe or a file, the block is always printed first).")
    boolean cyclictestBlock;

    @Option(names = "--no-report-trace", description = "With --out: leave the trace window around the worst sample "
            + "out of report.html (drawing it re-simulates the run up to that sample).")
    boolean noReportTrace;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the run in cyclictest's --json "
            + "layout (rt-tests 2.x) to FILE. One replication only.")
    Path jsonFile;

    @Option(names = "--samples", paramLabel = "FILE", description = "Also write every latency sample to FILE (CSV: "
            + "thread, cpu, wakeup_ns, latency_ns, irq_latency_ns, top_component), at most --samples-max rows. "
            + "One replication only.")
    Path samplesFile;

    @Option(names = "--samples-max", paramLabel = "N", defaultValue = "1000000",
            description = "At most this many rows in --samples, the first ones in simulated time "
                    + "(default: ${DEFAULT-VALUE}, some 70 MB).")
    long samplesMax;

    @Mixin
    DistributionOptions dist;

    /** Set by {@code rtvsim merge}: the merged partial results to report instead of running anything. */
    MergeCommand.Merged merged;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether stdout is the process's own (set by {@link Main}); only then can it be a terminal. */
    boolean processStdout;

    @Override
    public void useMerged(MergeCommand.Merged m) {
        merged = m;
    }

    @Override
    public Integer call() throws IOException {
        replication.check();
        dist.check(outDir != null);
        if (samplesMax < 1) {
            throw new Errors.BadInput("--samples-max " + samplesMax + ": expected a positive number of rows");
        }
        ScenarioSpec s = scenario.load(spec.commandLine().getErr(), seed, durationNs);
        if (slo != null) {
            s = RunSlo.withSlo(s, slo);
        }
        if (plan) {
            dist.localOnly("run --plan", "nothing is simulated; omit --engine and --part");
            return plan(s);
        }
        if (outDir != null) {
            OutFiles.prepareDir("--out", outDir);
        }
        PrintWriter err = spec.commandLine().getErr();
        int n = replication.forRun(s);
        String splitNote = null;
        if (split != null) {
            SplitSegments.check(split, n, s.durationNs());
            if (split > 1) {
                splitNote = SplitSegments.note(split, s);
                s = s.withDuration(s.durationNs() / split);
                n = split;
            }
        }
        if (n > 1 && (jsonFile != null || samplesFile != null || rtappLogs != null)) {
            throw new Errors.BadInput((jsonFile != null ? "--json" : samplesFile != null ? "--samples" : "--rtapp-logs")
                    + " describes one run: it needs one replication, not " + n
                    + " (drop --replications, --split or the file option)");
        }
        if (rtappLogs != null) {
            OutFiles.prepareDir("--rtapp-logs", rtappLogs);
        }
        if (n == 1) {
            dist.localOnly("run", "one run is not divided; give --replications N or --split K for a work list of "
                    + "runs, or omit --engine and --part");
        }
        RunFiles.checkTarget("--json", jsonFile);
        RunFiles.checkTarget("--samples", samplesFile);
        // a --part slice is a batch job: a signal ends it without a partial result (a truncated one would merge)
        try (Interrupts interrupts = dist.part() == null ? Interrupts.install() : null) {
            int code = n > 1 ? replicated(s, n, err, splitNote) : single(s, err);
            if (interrupts != null && Interrupts.exitCode() > 0) {
                err.println("rtvsim: interrupted (signal " + (Interrupts.exitCode() - 128) + "): the results cover the "
                        + "simulated time until then" + (outDir == null ? "" : " and are written to " + outDir));
                err.flush();
                return Interrupts.exitCode();
            }
            return code;
        }
    }

    /** One replication, printed like cyclictest, then written into {@code --out}. */
    private int single(ScenarioSpec s, PrintWriter err) throws IOException {
        SingleRun.Progress progress = null;
        if (!noProgress && Terminal.stderrIsTerminal()) {
            progress = (done, total, events, wallNs) -> {
                double wallS = wallNs / 1e9;
                double eta = done > 0 ? wallS * (total - done) / done : 0;
                err.printf(Locale.ROOT, "\rrtvsim: simulated %s of %s, %.1f M events/s, ETA %.0f s   ",
                        Units.formatNs(done), Units.formatNs(total), events / Math.max(wallS, 1e-9) / 1e6, eta);
                if (done == total) {
                    err.print("\r\033[K");
                }
                err.flush();
            };
        }
        RunFiles.Samples samples = RunFiles.samples(samplesFile, samplesMax);
        RunResult r;
        RunFiles.JobLogs logs = rtappLogs == null ? null : new RunFiles.JobLogs();
        try {
            r = SingleRun.run(s, 0, progress, null, samples == null ? null : samples.sink(), logs);
        } finally {
            if (samples != null) {
                samples.finish(err);
            }
        }
        if (logs != null) {
            logs.write(rtappLogs, r);
        }
        var reportTrace = outDir == null || noReportTrace ? null : RunFiles.traceAroundMaxAsync(s, r);

        StringBuilder cyclictest = new StringBuilder();
        // like cyclictest --smi: the SMI count line when the machine has an SMI source
        CyclictestText.write(r, cyclictest, s.hardware().smi() != null);
        if (!quiet) {
            PrintWriter out = spec.commandLine().getOut();
            // on a terminal the summary comes alone (the block's rows would scroll it away); in a pipe or a file the
            // output is cyclictest's block, a blank line, then the summary, unchanged (README "What run prints")
            boolean block = cyclictestBlock || !processStdout || !Terminal.stdoutIsTerminal();
            StringBuilder text = block ? new StringBuilder(cyclictest).append('\n') : new StringBuilder();
            SummaryText.write(r, text, stats);
            if (stats) {
                text.append(StatsText.statsLine(r));
            }
            if (!block) {
                text.append("\n(cyclictest's -h block is left out on a terminal: add --cyclictest-block, or redirect "
                        + "stdout to a file or a pipe)\n");
            }
            out.print(text);
            out.flush();
        }
        if (jsonFile != null) {
            RunFiles.json(jsonFile, r, commandLine(), RunFiles.realtime(s));
        }
        if (outDir != null) {
            OutFiles.writeFile(outDir, CYCLICTEST_FILE, tmp -> Files.writeString(tmp, cyclictest, StandardCharsets.UTF_8));
            OutFiles.writeFile(outDir, SUMMARY_FILE, tmp -> SummaryJson.write(r, tmp, stats));
            OutFiles.writeFile(outDir, HISTOGRAM_FILE, tmp -> HistogramCsv.write(r, tmp));
            ReplicatedResult one = ReplicationStats.combine(r.scenario(), List.of(r), replication.confidence);
            OutFiles.write(outDir, PERCENTILES_FILE, out -> PercentilesCsv.write(one, out));
            OutFiles.write(outDir, REPORT_FILE, out -> RunMarkdown.write(one, commandLine(), out));
            writeCharts(outDir, one);
            writeHtml(outDir, one, commandLine(), RunFiles.await(reportTrace));
        }
        return RunSlo.verdict(r.slo(), r.scenario(), err);
    }

    /**
     * N > 1 replications (or --split segments): the replicated summary on stdout and in {@code --out}. The runs are
     * a work list that runs where {@link #dist} says; with {@code --part} only a slice runs, its partial result is
     * written and nothing is reported.
     */
    private int replicated(ScenarioSpec s, int n, PrintWriter err, String splitNote) throws IOException {
        List<RunResult> runs = WorkRunner.allResults(WorkRunner.start(spec, dist, merged, outDir, replication.threads(),
                Replications.work(s, n), ProgressLine.tracker(err, n, quiet)));
        if (runs == null) {
            return Errors.OK;
        }
        ReplicatedResult r = ReplicationStats.combine(s.name(), runs, replication.confidence);
        if (!quiet) {
            StringBuilder text = new StringBuilder();
            if (splitNote != null) {
                text.append(splitNote);
            }
            ReplicatedText.write(r, text);
            if (stats) {
                text.append("Stats: ").append(r.events()).append(" events in ").append(n).append(" replications\n");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
        if (outDir != null) {
            OutFiles.writeFile(outDir, SUMMARY_FILE, tmp -> ReplicatedJson.write(r, tmp, stats));
            OutFiles.write(outDir, PERCENTILES_FILE, out -> PercentilesCsv.write(r, out));
            OutFiles.write(outDir, REPORT_FILE, out -> RunMarkdown.write(r, commandLine(), out));
            writeCharts(outDir, r);
            writeHtml(outDir, r, commandLine(), null);
        }
        return RunSlo.verdict(r.slo(), r.scenario(), err);
    }

    /**
     * Writes the charts of a run into {@code dir} next to {@code report.md}, whose
     * {@link RunMarkdown#CHARTS_MARKER} marks where they belong.
     */
    static void writeCharts(Path dir, ReplicatedResult r) throws IOException {
        ChartFiles.run(dir, r);
    }

    /** The charts {@code report.html} inlines, in the order of report.md, those that were drawn. */
    static final List<String> HTML_CHARTS = List.of("histogram.svg", "ccdf.svg", "latency-over-time.svg",
            "attribution.svg");

    /** Writes {@code report.html} beside {@code report.md}, with the charts just written into {@code dir} inlined. */
    static void writeHtml(Path dir, ReplicatedResult r, String command, org.rtvsim.measure.Trace trace) {
        List<Path> charts = HTML_CHARTS.stream().map(dir::resolve).filter(Files::isRegularFile).toList();
        OutFiles.write(dir, HTML_FILE, out -> org.rtvsim.report.HtmlReport.write(r, command, charts, trace, out));
    }

    /** The command line as typed, for report.md. */
    String commandLine() {
        return "rtvsim " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
    }

    /** {@code --plan}: the samples and simulated time the SLO's percentile needs; nothing is simulated. */
    private int plan(ScenarioSpec s) {
        if (s.slo() == null) {
            throw new Errors.BadInput("--plan needs an objective: give --slo 'p99.99<50us' or an slo: in the scenario");
        }
        SamplePlan p = SamplePlan.of(s, s.slo().percentile(), replication.confidence, replication.forRun(s));
        PrintWriter out = spec.commandLine().getOut();
        out.print(p.text(RunSlo.percentileName(s.slo().percentile()) + " < " + Units.formatNs(s.slo().belowNs())));
        out.flush();
        return Errors.OK;
    }
}
