package org.rtvsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.rtvsim.tail.TailCharts;
import org.rtvsim.tail.TailData;
import org.rtvsim.tail.TailFit;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.scenario.ScenarioSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code rtvsim tail}: runs a scenario (replication 0), pools every measuring thread's samples and
 * fits a generalised Pareto distribution to the exceedances over a high threshold (peaks over
 * threshold). Prints the shape, scale, threshold and exceedance rate with their CIs, the return
 * levels for p = 1e-6, 1e-9 and 1e-12 per wake-up with profile-likelihood CIs and a parametric
 * bootstrap beside them, the diagnostics and the credibility warnings; with {@code --out DIR} also writes the mean-excess and return-level charts.
 */
@Command(name = "tail", mixinStandardHelpOptions = true,
        description = {"Extrapolate the latency tail: run a scenario once, fit a generalised Pareto distribution "
                + "to the samples over a high threshold and print the latencies exceeded with probability "
                + "1e-6, 1e-9 and 1e-12 per wake-up, with confidence intervals and credibility warnings."},
        footer = {"", "Exit codes: 0 ok, 2 bad input (or too few samples over the threshold to fit), 3 internal error."})
final class TailCommand implements Callable<Integer> {

    @Mixin
    ScenarioArgs scenario;

    @Option(names = "--duration", paramLabel = "D", converter = DurationConverter.class,
            description = "Override the measured (simulated) duration, e.g. 60s; the tail needs many samples.")
    Long durationNs;

    @Option(names = "--threshold-percentile", paramLabel = "P", defaultValue = "99",
            description = "Threshold u as an empirical percentile of the pooled samples (default: ${DEFAULT-VALUE}).")
    double thresholdPercentile;

    @Option(names = "--min-exceedances", paramLabel = "N", defaultValue = "50",
            description = "Exceedances below which the fit is flagged as not credible (default: ${DEFAULT-VALUE}).")
    int minExceedances;

    @Option(names = "--confidence", paramLabel = "LEVEL", defaultValue = "0.95",
            description = "Confidence level of the intervals (default: ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "200",
            description = "Parametric bootstrap replications, a cross-check of the intervals and the p-value of the "
                    + "goodness-of-fit test; 0 turns it off (default: ${DEFAULT-VALUE}).")
    int bootstrap;

    @Option(names = "--measured",
            description = "FILE is a measurement (cyclictest -h/--histfile/-v/--json, rtla timerlat hist, CSV; "
                    + "docs/measured-data.md), not a scenario: fit its threads' samples pooled, overflows censored.")
    boolean measured;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write " + TailCharts.MEAN_EXCESS_FILE + " and " + TailCharts.RETURN_LEVEL_FILE
                    + " into DIR (created when missing; only these files are replaced).")
    Path outDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (measured) {
            return fitMeasuredFile(scenario.file);
        }
        TailFit.Options options = options();
        ScenarioSpec s = scenario.load(spec.commandLine().getErr(), null, durationNs);
        if (outDir != null) {
            OutFiles.prepareDir("--out", outDir);
        }
        RunResult r = SingleRun.run(s, 0);
        TailData data = TailData.pooled(r.threads());
        String header = String.format(Locale.ROOT, "Scenario %s: %d samples pooled over %d thread(s), max %.3f us%n",
                r.scenario(), data.total(), r.threads().size(), data.max() / 1000);
        return report(header, data, options);
    }

    /**
     * HOOK for {@code --measured FILE}: fits measured data given as (valueNs, count) pairs (a histogram
     * bucket at its midpoint) plus right-censored groups (e.g. cyclictest's overflows, known only to be
     * at least the histogram's end), prints the same report and writes the same charts.
     */
    int fitMeasured(String source, List<TailData.Bin> bins, List<TailData.Censored> censored) throws IOException {
        TailFit.Options options = options();
        if (outDir != null) {
            OutFiles.prepareDir("--out", outDir);
        }
        TailData data = TailData.of(bins, censored);
        String header = String.format(Locale.ROOT, "Measured %s: %d samples (%d censored), max %.3f us%n", source,
                data.total(), data.censoredCount(), data.max() / 1000);
        return report(header, data, options);
    }

    /**
     * Reads a measurement and fits it: buckets at their midpoints, overflows censored at the histogram's end,
     * except that a thread's reported maximum above that end is one of its overflows, known exactly.
     */
    private int fitMeasuredFile(Path file) throws IOException {
        org.rtvsim.measured.MeasuredHistogram h;
        try {
            h = org.rtvsim.measured.MeasuredReader.read(file);
        } catch (org.rtvsim.measured.MeasuredDataException e) {
            throw new Errors.BadInput(e.getMessage());
        }
        java.util.Map<Long, Long> byValue = new java.util.TreeMap<>();
        java.util.Map<Long, Long> censoredAt = new java.util.TreeMap<>();
        for (org.rtvsim.measured.ThreadHistogram t : h.threads()) {
            long[] counts = t.counts();
            for (int b = 0; b < counts.length; b++) {
                if (counts[b] > 0) {
                    byValue.merge(Math.round((b + 0.5) * t.bucketWidthUs() * 1000), counts[b], Long::sum);
                }
            }
            long over = t.overflows();
            if (over > 0 && !Double.isNaN(t.maxUs()) && t.maxUs() > t.overflowEdgeUs()) {
                // the reported maximum is one of the overflows, known exactly
                byValue.merge(Math.round(t.maxUs() * 1000), 1L, Long::sum);
                over--;
            }
            if (over > 0) {
                censoredAt.merge(Math.round(t.overflowEdgeUs() * 1000), over, Long::sum);
            }
        }
        if (byValue.isEmpty() && censoredAt.isEmpty()) {
            throw new Errors.BadInput("--measured " + file + ": the file holds no samples (every bucket count is 0)");
        }
        List<TailData.Bin> bins = new java.util.ArrayList<>();
        byValue.forEach((v, c) -> bins.add(new TailData.Bin(v, c)));
        List<TailData.Censored> censored = new java.util.ArrayList<>();
        censoredAt.forEach((v, c) -> censored.add(new TailData.Censored(v, c)));
        return fitMeasured(file.toString(), bins, censored);
    }

    private TailFit.Options options() {
        if (!(thresholdPercentile > 0 && thresholdPercentile < 100)) {
            throw new Errors.BadInput(String.format(Locale.ROOT, "--threshold-percentile %s: expected a "
                    + "percentile in (0, 100), e.g. 99", thresholdPercentile));
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new Errors.BadInput(String.format(Locale.ROOT, "--confidence %s: expected a level in (0, 1), "
                    + "e.g. 0.95", confidence));
        }
        if (minExceedances < 1) {
            throw new Errors.BadInput("--min-exceedances " + minExceedances + ": expected at least 1");
        }
        if (bootstrap < 0 || bootstrap > 100_000) {
            throw new Errors.BadInput("--bootstrap " + bootstrap + ": expected a count of replications in 0..100000, "
                    + "e.g. 200 (0 turns the bootstrap off)");
        }
        return TailFit.Options.defaults().withThresholdPercentile(thresholdPercentile)
                .withMinExceedances(minExceedances).withConfidence(confidence).withBootstrap(bootstrap);
    }

    private int report(String header, TailData data, TailFit.Options options) throws IOException {
        TailFit fit;
        try {
            fit = TailFit.fit(data, options);
        } catch (IllegalArgumentException e) {
            throw new Errors.BadInput("cannot fit the tail: " + e.getMessage()
                    + " (run longer with --duration or lower --threshold-percentile)");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(header);
        out.print(fit.describe());
        if (outDir != null) {
            List<Path> files;
            try {
                files = TailCharts.write(fit, data, outDir);
            } catch (IOException e) {
                throw new Errors.BadInput("--out: cannot write the charts into " + outDir + ": " + e.getMessage());
            }
            for (Path p : files) {
                out.println("Wrote " + p);
            }
        }
        out.flush();
        return Errors.OK;
    }
}
