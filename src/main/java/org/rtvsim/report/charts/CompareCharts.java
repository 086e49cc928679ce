package org.rtvsim.report.charts;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jfree.data.xy.XYSeries;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;

/**
 * Writes overlays of several named runs, latencies in microseconds, each run pooled over its
 * threads: {@code compare-ccdf} (P(latency &gt; x), log–log so that microsecond and millisecond
 * tails both read) and {@code compare-histogram} (counts per 1-µs bucket, log scale), for
 * {@code rtvsim compare}.
 */
public final class CompareCharts {
    private CompareCharts() {
    }

    /**
     * Writes {@code compare-ccdf.png/.svg} and {@code compare-histogram.png/.svg} into {@code dir}
     * (created if needed) and returns the four files; {@code names.get(i)} labels {@code runs.get(i)}.
     *
     * @throws IllegalArgumentException if the lists differ in length or are empty
     */
    public static List<Path> write(List<String> names, List<RunResult> runs, Path dir) throws IOException {
        List<List<RunResult>> each = new ArrayList<>();
        runs.forEach(r -> each.add(List.of(r)));
        return writePooled(names, each, dir);
    }

    /**
     * As {@link #write}, each entry being every replication of it, {@code replications.get(i)}: its curves pool
     * every thread of every replication (the samples compare's table pools), and the legend and subtitle say so.
     */
    public static List<Path> writePooled(List<String> names, List<List<RunResult>> replications, Path dir)
            throws IOException {
        ChartFiles.headless();
        if (names.size() != replications.size() || replications.isEmpty()
                || replications.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("need one name per entry, at least one entry and one run each, got "
                    + names.size() + " names for " + replications.size() + " entries");
        }
        List<RunResult> runs = new ArrayList<>();
        List<List<ThreadResult>> pooledThreads = new ArrayList<>();
        for (List<RunResult> reps : replications) {
            runs.add(reps.get(0));
            List<ThreadResult> ts = new ArrayList<>();
            reps.forEach(r -> ts.addAll(r.threads()));
            pooledThreads.add(ts);
        }
        int reps = replications.get(0).size();
        boolean sameReps = replications.stream().allMatch(l -> l.size() == reps);
        List<XYSeries> ccdf = new ArrayList<>();
        List<String> histogramNames = new ArrayList<>();
        List<long[]> histograms = new ArrayList<>();
        long fewest = Long.MAX_VALUE;
        long bucketNs = 0;
        for (int i = 0; i < runs.size(); i++) {
            List<ThreadResult> threads = pooledThreads.get(i);
            long samples = threads.stream().mapToLong(ThreadResult::samples).sum();
            int nThreads = runs.get(i).threads().size();
            int nReps = replications.get(i).size();
            String name = names.get(i) + ", " + nThreads + (nThreads == 1 ? " thread" : " threads")
                    + (nReps > 1 ? " x " + nReps + " replications" : "");
            ccdf.add(Curves.ccdf(name, Curves.pooled(threads)));
            long bucket = threads.isEmpty() ? 1000 : threads.get(0).bucketNs();
            histogramNames.add(name);
            histograms.add(Curves.pooledCounts(threads));
            fewest = Math.min(fewest, Math.max(1, samples));
            bucketNs = Math.max(bucketNs, bucket);
        }
        String title = String.join(" vs ", names);
        String subtitle = subtitle(runs, sameReps ? reps : -1);
        List<Path> out = new ArrayList<>();
        out.addAll(ChartFiles.write(CcdfChart.create("Latency exceedance (CCDF): " + title,
                subtitle + "; read p99.99 where a curve crosses its guide", ccdf, -1, 1.0 / fewest, true), dir, "compare-ccdf"));
        out.addAll(ChartFiles.write(HistogramChart.create("Latency histogram: " + title,
                subtitle, histogramNames, histograms, bucketNs), dir, "compare-histogram"));
        return out;
    }

    private static String subtitle(List<RunResult> runs, int replications) {
        long duration = runs.get(0).durationNs();
        boolean same = runs.stream().allMatch(r -> r.durationNs() == duration);
        String pooled = replications == 1 ? "all threads of each run pooled, "
                : replications > 1 ? "all threads of all " + replications + " replications of each entry pooled, "
                : "all threads of all replications of each entry pooled, ";
        return pooled + (same ? ChartStyle.duration(duration) + " simulated each" : "different simulated durations")
                + (replications > 1 ? " per replication" : "");
    }
}
