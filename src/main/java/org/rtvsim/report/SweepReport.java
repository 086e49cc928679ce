package org.rtvsim.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rtvsim.measure.ReplicatedResult;
import org.rtvsim.measure.StatisticCI;

/**
 * Writes the points of a sweep or capacity search in microseconds: {@code sweep.csv} with one row
 * per point — a column per varied key, {@code samples}, then for every statistic S of all threads
 * pooled {@code S_us} (pooled value), {@code S_mean_us}, {@code S_low_us}, {@code S_high_us} — and a
 * text table of one statistic. {@code settings.get(i)} are point i's values in the order of {@code keys};
 * {@code verdicts} (may be null) adds a last column such as {@code met}/{@code missed}.
 */
public final class SweepReport {
    private SweepReport() {
    }

    /** The CSV. */
    public static void csv(List<String> keys, List<List<String>> settings, List<ReplicatedResult> points,
                           Appendable out) throws IOException {
        List<String> head = new ArrayList<>();
        keys.forEach(k -> head.add(Table.csv(k)));
        head.add("samples");
        for (StatisticCI s : points.get(0).pooled().statistics()) {
            head.add(s.name() + "_us");
            head.add(s.name() + "_mean_us");
            head.add(s.name() + "_low_us");
            head.add(s.name() + "_high_us");
        }
        out.append(String.join(",", head)).append('\n');
        for (int i = 0; i < points.size(); i++) {
            List<String> row = new ArrayList<>();
            settings.get(i).forEach(v -> row.add(Table.csv(v)));
            row.add(Long.toString(points.get(i).pooled().samples()));
            for (StatisticCI s : points.get(i).pooled().statistics()) {
                row.add(Table.csvUs(s.pooledNs()));
                row.add(Table.csvUs(s.meanNs()));
                row.add(Table.csvUs(s.lowNs()));
                row.add(Table.csvUs(s.highNs()));
            }
            out.append(String.join(",", row)).append('\n');
        }
    }

    /** The text table of statistic {@code stat}: keys, pooled, mean, interval, then the verdict if any. */
    public static void text(List<String> keys, List<List<String>> settings, List<ReplicatedResult> points,
                            String stat, List<String> verdicts, Appendable out) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(keys);
        head.addAll(List.of(stat + " pooled us", "mean us", "ci low", "ci high", ""));
        if (verdicts != null) {
            head.add("");
        }
        rows.add(head.toArray(String[]::new));
        for (int i = 0; i < points.size(); i++) {
            List<String> row = new ArrayList<>(settings.get(i));
            StatisticCI s = points.get(i).pooled().statistic(stat);
            row.add(Table.us(s.pooledNs()));
            row.add(Table.us(s.meanNs()));
            row.add(Table.us(s.lowNs()));
            row.add(Table.us(s.highNs()));
            row.add(ReplicatedText.flag(s));
            if (verdicts != null) {
                row.add(verdicts.get(i));
            }
            rows.add(row.toArray(String[]::new));
        }
        boolean[] right = new boolean[head.size()];
        for (int c = keys.size(); c < keys.size() + 4; c++) {
            right[c] = true;
        }
        Table.write(out, "", rows, right);
    }

    /** {@code report.md}: settings, the table of {@code stat} (and verdicts), a charts marker. */
    public static void markdown(String title, List<String> keys, List<List<String>> settings,
                                List<ReplicatedResult> points, String stat, List<String> verdicts, String command,
                                Appendable out) throws IOException {
        out.append("# ").append(title).append(": ").append(points.get(0).scenario()).append("\n\n");
        RunMarkdown.settings(points.get(0), command, out);
        out.append("- varied: ").append(String.join(", ", keys)).append("; every point uses the same seed "
                + "(common random numbers)\n\n");
        out.append(RunMarkdown.CHARTS_MARKER).append("\n\n```\n");
        text(keys, settings, points, stat, verdicts, out);
        out.append("```\n");
    }
}
