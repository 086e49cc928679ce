package org.rtvsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rtvsim.experiment.Capacity;
import org.rtvsim.experiment.SloTarget;
import org.rtvsim.measure.Comparison;
import org.rtvsim.measure.ReplicatedResult;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.StatisticCI;
import org.rtvsim.report.RunMarkdown;
import org.rtvsim.report.charts.CapacityChart;
import org.rtvsim.report.charts.CompareCharts;
import org.rtvsim.report.charts.RunCharts;
import org.rtvsim.report.charts.SweepChart;

/**
 * Writes the charts of an {@code --out} directory and links them from its {@code report.md}, in place
 * of the charts marker. Charts of replicated runs show replication 0 (the tables give the intervals).
 */
final class ChartFiles {
    private ChartFiles() {
    }

    static void run(Path dir, ReplicatedResult r) throws IOException {
        RunResult first = r.runs().get(0);
        List<String> skipped = new ArrayList<>();
        List<Path> files = RunCharts.write(first, dir, skipped::add);
        link(dir, files, r.runs().size() > 1 ? "Charts of replication 0." : null, skipped);
    }

    static void compare(Path dir, Comparison c) throws IOException {
        List<String> names = new ArrayList<>();
        List<List<RunResult>> runs = new ArrayList<>();
        for (ReplicatedResult e : c.entries()) {
            names.add(e.label());
            runs.add(e.runs());
        }
        link(dir, CompareCharts.writePooled(names, runs, dir), "Overlays of each entry with all its replications "
                + "pooled, the samples the tables pool (common random numbers: the same draws wherever the scenarios "
                + "share a component).", List.of());
    }

    /** A chart of {@code stat} against the single varied key; sweeps over several keys get none. */
    static void sweep(Path dir, List<String> keys, List<List<String>> settings, List<ReplicatedResult> points,
                      String stat, SloTarget slo) throws IOException {
        sweep(dir, keys, settings, points, stat, slo, null);
    }

    private static void sweep(Path dir, List<String> keys, List<List<String>> settings,
                              List<ReplicatedResult> points, String stat, SloTarget slo, String[] notes)
            throws IOException {
        if (keys.size() != 1) {
            link(dir, List.of(), null, List.of("sweep chart: skipped, more than one key varies"));
            return;
        }
        double[] x = new double[points.size()];
        double[] v = new double[points.size()];
        double[] lo = new double[points.size()];
        double[] hi = new double[points.size()];
        for (int i = 0; i < points.size(); i++) {
            Double num = number(settings.get(i).get(0));
            if (num == null) {
                link(dir, List.of(), null, List.of("sweep chart: skipped, values of " + keys.get(0)
                        + " are not numbers"));
                return;
            }
            StatisticCI s = points.get(i).pooled().statistic(stat);
            x[i] = num;
            v[i] = s.pooledNs() / 1000;
            lo[i] = s.lowNs() / 1000;
            hi[i] = s.highNs() / 1000;
        }
        Double sloUs = slo == null ? null : slo.limitNs() / 1000.0;
        link(dir, SweepChart.write("rtvsim " + (slo == null ? "sweep" : "capacity") + ": " + stat + " vs "
                + keys.get(0), keys.get(0), stat, x, v, lo, hi, sloUs, notes, dir.resolve(slo == null ? "sweep.png"
                : "capacity.png")), null, List.of());
    }

    /** The capacity chart: every evaluated point coloured by its verdict, with the interval it was judged on. */
    static void capacity(Path dir, String key, Capacity.Outcome o, SloTarget slo) throws IOException {
        int n = o.points().size();
        double[] x = new double[n];
        org.rtvsim.measure.Verdict[] verdicts = new org.rtvsim.measure.Verdict[n];
        String[] notes = new String[n];
        for (int i = 0; i < n; i++) {
            Capacity.Point p = o.points().get(i);
            Double num = number(p.value());
            if (num == null) {
                link(dir, List.of(), null, List.of("capacity chart: skipped, values of " + key + " are not numbers"));
                return;
            }
            x[i] = num;
            verdicts[i] = p.verdict();
            notes[i] = p.starved() ? "misses: starved" : null;
        }
        link(dir, CapacityChart.write("rtvsim capacity: " + slo.statistic() + " vs " + key, key, slo.statistic(), x,
                verdicts, slo.limitNs() / 1000.0, notes, dir.resolve("capacity.png")), null, List.of());
    }

    /** The leading number of a value such as {@code 8}, {@code 2.5ms} or {@code 2000hz}; null if none. */
    static Double number(String value) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\s*([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?)")
                .matcher(value);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }

    /** Replaces the charts marker of {@code report.md} with links to the PNGs (and notes). */
    private static void link(Path dir, List<Path> files, String note, List<String> skipped) {
        Path report = dir.resolve("report.md");
        if (!Files.isRegularFile(report, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        StringBuilder md = new StringBuilder();
        if (note != null) {
            md.append(note).append("\n\n");
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".png")) {
                md.append("![").append(name, 0, name.length() - 4).append("](").append(name).append(")\n\n");
            }
        }
        for (String s : skipped) {
            md.append("- ").append(s).append('\n');
        }
        String text;
        try {
            text = Files.readString(report, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Errors.BadInput("--out " + dir + ": cannot update report.md: " + e.getMessage());
        }
        OutFiles.write(dir, "report.md", out -> out.append(text.replace(RunMarkdown.CHARTS_MARKER, md.toString().strip())));
    }
}
