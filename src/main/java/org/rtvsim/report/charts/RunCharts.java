package org.rtvsim.report.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYSeries;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;

/**
 * Writes the charts of one run, latencies in microseconds, each as PNG and SVG:
 * {@code histogram} (counts per 1-µs bucket, log scale), {@code ccdf} (P(latency &gt; x) per thread
 * and pooled), {@code latency-over-time} (per-window maxima with the top spikes labelled) and
 * {@code attribution} (which mechanisms make the max sample and the tail).
 *
 * <p>A chart whose data are missing (no samples; attribution off) is skipped with a one-line reason.
 * The CLI calls {@link #write(RunResult, Path, Consumer)} after a run.
 */
public final class RunCharts {
    private RunCharts() {
    }

    /** Writes the charts into {@code dir}; reasons for skipped charts go to the system logger. */
    public static List<Path> write(RunResult r, Path dir) throws IOException {
        System.Logger log = System.getLogger(RunCharts.class.getName());
        return write(r, dir, reason -> log.log(System.Logger.Level.INFO, reason));
    }

    /**
     * Writes the charts into {@code dir} (created if needed) and returns the files written, PNG
     * before SVG; {@code skipped} receives one line per chart not drawn, saying why.
     */
    public static List<Path> write(RunResult r, Path dir, Consumer<String> skipped) throws IOException {
        ChartFiles.headless();
        List<Path> out = new ArrayList<>();
        List<ThreadResult> threads = r.threads().stream().filter(t -> t.samples() > 0).toList();
        if (threads.isEmpty()) {
            skipped.accept("charts: skipped, the run has no cyclictest samples");
            return out;
        }
        out.addAll(ChartFiles.write(histogram(r, threads), dir, "histogram"));
        out.addAll(ChartFiles.write(ccdf(r, threads), dir, "ccdf"));
        if (threads.stream().allMatch(t -> t.latencyOverTime().isEmpty())) {
            skipped.accept("latency-over-time: skipped, no per-window maxima recorded");
        } else {
            out.addAll(ChartFiles.write(LatencyOverTimeChart.create(
                    "Maximum latency over time: " + r.scenario(), threads), dir, "latency-over-time"));
        }
        JFreeChart attribution = AttributionChart.create("What makes the tail: " + r.scenario(), threads);
        if (attribution == null) {
            skipped.accept("attribution: skipped, the run recorded no attribution");
        } else {
            out.addAll(ChartFiles.write(attribution, dir, "attribution"));
        }
        return out;
    }

    static JFreeChart histogram(RunResult r, List<ThreadResult> threads) {
        List<String> names = new ArrayList<>();
        List<long[]> counts = new ArrayList<>();
        StringBuilder overflows = new StringBuilder();
        names.addAll(Curves.threadNames(threads));
        for (ThreadResult t : threads) {
            counts.add(t.histogram());
            if (t.overflows() > 0) {
                overflows.append(overflows.length() == 0 ? "" : ", ").append("T").append(t.index()).append(' ')
                        .append(t.overflows());
            }
        }
        ThreadResult first = threads.get(0);
        String limit = ChartStyle.duration(first.bucketNs() * first.buckets());
        String subtitle = runLine(r, threads) + "; overflows (≥ " + limit + ", not shown): "
                + (overflows.length() == 0 ? "none" : overflows);
        return HistogramChart.create("Latency histogram: " + r.scenario(), subtitle, names, counts, first.bucketNs());
    }

    static JFreeChart ccdf(RunResult r, List<ThreadResult> threads) {
        List<XYSeries> series = new ArrayList<>();
        List<String> names = Curves.threadNames(threads);
        for (int i = 0; i < threads.size(); i++) {
            series.add(Curves.ccdf(names.get(i), threads.get(i).hdr()));
        }
        int pooledIndex = -1;
        long samples = threads.stream().mapToLong(ThreadResult::samples).sum();
        if (threads.size() > 1) {
            pooledIndex = series.size();
            series.add(Curves.ccdf("all threads", Curves.pooled(threads)));
        }
        org.HdrHistogram.Histogram all = Curves.pooled(threads);
        boolean logX = ChartStyle.wide(all.getMaxValue() / 1000.0, all.getValueAtPercentile(50) / 1000.0);
        return CcdfChart.create("Latency exceedance (CCDF): " + r.scenario(), runLine(r, threads)
                + "; read p99.99 where a curve crosses its guide", series, pooledIndex, Curves.floor(samples), logX);
    }

    /** "2s simulated after 1s warm-up, seed 1, 4 threads × 2000 samples". */
    static String runLine(RunResult r, List<ThreadResult> threads) {
        long perThread = threads.get(0).samples();
        boolean same = threads.stream().allMatch(t -> t.samples() == perThread);
        String samples = same ? threads.size() + (threads.size() == 1 ? " thread × " : " threads × ") + perThread + " samples"
                : threads.stream().mapToLong(ThreadResult::samples).sum() + " samples in " + threads.size() + " threads";
        String warmup = r.warmupNs() > 0 ? " after " + ChartStyle.duration(r.warmupNs()) + " warm-up" : "";
        return ChartStyle.duration(r.durationNs()) + " simulated" + warmup + ", seed " + r.seed() + ", " + samples;
    }
}
