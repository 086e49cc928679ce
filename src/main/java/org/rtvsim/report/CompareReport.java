package org.rtvsim.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.rtvsim.measure.Comparison;
import org.rtvsim.measure.PairedDifference;
import org.rtvsim.measure.ReplicatedResult;
import org.rtvsim.measure.StatisticCI;

/**
 * Writes a comparison in microseconds: a side-by-side text table (mean over replications and its
 * interval per entry, then each paired difference entry − baseline with its interval, {@code *} where
 * significant), and the same as {@code compare.csv}, {@code compare.json} and {@code report.md}.
 * Statistics are those of all threads pooled.
 */
public final class CompareReport {
    private CompareReport() {
    }

    /** The text for stdout. */
    public static void text(Comparison c, Appendable out) throws IOException {
        ReplicatedResult base = c.baseline();
        out.append("# rtvsim compare: ").append(Integer.toString(c.entries().size())).append(" entries, seed ")
                .append(Long.toString(base.seed())).append(c.independent() ? " (independent seeds: seed + entry index)"
                : " (common random numbers)").append(", ").append(Integer.toString(base.replications()))
                .append(" replications, ").append(Table.level(base.confidence()))
                .append(" % intervals; all threads pooled; us\n");
        for (int i = 0; i < c.entries().size(); i++) {
            ReplicatedResult e = c.entries().get(i);
            out.append("#   ").append(letter(i)).append(" = ").append(e.label()).append('\n');
        }
        out.append('\n');
        Table.write(out, "", rows(c, false), right(c));
        out.append('\n');
        String support = supportNote(c);
        if (!support.isEmpty()) {
            out.append(support).append("\n\n");
        }
        for (int i = 1; i < c.entries().size(); i++) {
            List<String> sig = new ArrayList<>();
            for (PairedDifference d : c.differences().get(i - 1)) {
                if (d.significant()) {
                    sig.add(d.name() + " " + signed(d.meanNs()));
                }
            }
            out.append(letter(i)).append(" − A: ").append(sig.isEmpty() ? "no difference is significant"
                    : "significant at " + Table.level(base.confidence()) + " %: " + String.join(", ", sig) + " us")
                    .append('\n');
        }
    }

    private static List<String[]> rows(Comparison c, boolean markdown) {
        List<String[]> rows = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("stat"));
        for (int i = 0; i < c.entries().size(); i++) {
            head.add(markdown ? c.entries().get(i).label() + " mean [CI]" : letter(i) + " mean [CI]");
        }
        for (int i = 1; i < c.entries().size(); i++) {
            head.add((markdown ? c.entries().get(i).label() : letter(i)) + " − A [CI]");
        }
        rows.add(head.toArray(String[]::new));
        for (StatisticCI s : c.baseline().pooled().statistics()) {
            List<String> row = new ArrayList<>(List.of(s.name()));
            for (ReplicatedResult e : c.entries()) {
                StatisticCI x = e.pooled().statistic(s.name());
                row.add(x == null ? "-" : Table.us(x.meanNs()) + " [" + Table.us(x.lowNs()) + ", "
                        + Table.us(x.highNs()) + "]");
            }
            for (List<PairedDifference> ds : c.differences()) {
                PairedDifference d = find(ds, s.name());
                row.add(d == null ? "-" : signed(d.meanNs()) + " [" + signed(d.lowNs()) + ", " + signed(d.highNs())
                        + "]" + (d.significant() ? " *" : ""));
            }
            rows.add(row.toArray(String[]::new));
        }
        return rows;
    }

    private static boolean[] right(Comparison c) {
        boolean[] r = new boolean[2 * c.entries().size()];
        java.util.Arrays.fill(r, true);
        r[0] = false;
        return r;
    }

    /** {@code compare.csv}: one row per statistic and entry; difference columns empty for the baseline. */
    public static void csv(Comparison c, Appendable out) throws IOException {
        out.append("stat,entry,label,pooled_us,mean_us,ci_low_us,ci_high_us,diff_mean_us,diff_low_us,diff_high_us,"
                + "significant\n");
        for (StatisticCI s : c.baseline().pooled().statistics()) {
            for (int i = 0; i < c.entries().size(); i++) {
                StatisticCI x = c.entries().get(i).pooled().statistic(s.name());
                if (x == null) {
                    continue;
                }
                PairedDifference d = i == 0 ? null : find(c.differences().get(i - 1), s.name());
                out.append(s.name()).append(',').append(letter(i)).append(',')
                        .append(Table.csv(c.entries().get(i).label())).append(',').append(Table.csvUs(x.pooledNs()))
                        .append(',').append(Table.csvUs(x.meanNs())).append(',').append(Table.csvUs(x.lowNs()))
                        .append(',').append(Table.csvUs(x.highNs())).append(',')
                        .append(d == null ? ",,," : Table.csvUs(d.meanNs()) + ',' + Table.csvUs(d.lowNs()) + ','
                                + Table.csvUs(d.highNs()) + ',' + d.significant()).append('\n');
            }
        }
    }

    /** {@code compare.json}, times in ns; see {@code docs/output-reference.md}. */
    public static String json(Comparison c) throws IOException {
        ObjectNode root = SummaryJson.MAPPER.createObjectNode();
        root.put("seed", c.baseline().seed());
        root.put("independent", c.independent());
        root.put("replications", c.baseline().replications());
        root.put("confidence", c.baseline().confidence());
        ArrayNode entries = root.putArray("entries");
        for (ReplicatedResult e : c.entries()) {
            ObjectNode o = entries.addObject();
            o.put("label", e.label());
            o.put("scenario", e.scenario());
            o.put("source", e.source());
            o.put("seed", e.seed());
            o.set("pooled", ReplicatedJson.group(e.pooled()));
        }
        ArrayNode diffs = root.putArray("differences");
        for (int i = 1; i < c.entries().size(); i++) {
            ObjectNode o = diffs.addObject();
            o.put("label", c.entries().get(i).label());
            o.put("baseline", c.baseline().label());
            ArrayNode stats = o.putArray("statistics");
            for (PairedDifference d : c.differences().get(i - 1)) {
                ObjectNode s = stats.addObject();
                s.put("name", d.name());
                ReplicatedJson.number(s, "mean_ns", d.meanNs());
                ReplicatedJson.number(s, "ci_low_ns", d.lowNs());
                ReplicatedJson.number(s, "ci_high_ns", d.highNs());
                s.put("n", d.n());
                s.put("significant", d.significant());
            }
        }
        StringWriter w = new StringWriter();
        SummaryJson.writeTree(root, w);
        return w.toString();
    }

    /** {@code report.md}: settings, the side-by-side table, the verdicts, a charts marker. */
    public static void markdown(Comparison c, String command, Appendable out) throws IOException {
        out.append("# rtvsim comparison\n\n");
        RunMarkdown.settings(c.baseline(), command, out);
        out.append("- ").append(c.independent() ? "independent seeds (seed + entry index)"
                : "common random numbers: every entry uses the same seed and replication indices").append("\n\n");
        out.append("Baseline A = ").append(c.baseline().label()).append(". Values in us, all threads pooled; ")
                .append("`*` marks a difference whose interval excludes 0.\n\n");
        Table.markdown(out, rows(c, true));
        String support = supportNote(c);
        if (!support.isEmpty()) {
            out.append('\n').append(support).append('\n');
        }
        out.append('\n').append(RunMarkdown.CHARTS_MARKER).append('\n');
    }

    /**
     * The percentiles whose per-replication values rest on fewer than 10 samples above them in some entry
     * (their intervals, computed from those values, are then not to be trusted), or "" when there are none.
     */
    static String supportNote(Comparison c) {
        List<String> weak = new ArrayList<>();
        for (StatisticCI s : c.baseline().pooled().statistics()) {
            List<String> in = new ArrayList<>();
            for (int i = 0; i < c.entries().size(); i++) {
                StatisticCI x = c.entries().get(i).pooled().statistic(s.name());
                if (x != null && !x.supportedEach()) {
                    in.add(letter(i));
                }
            }
            if (!in.isEmpty()) {
                weak.add(s.name() + (in.size() == c.entries().size() ? "" : " (" + String.join(", ", in) + ")"));
            }
        }
        return weak.isEmpty() ? "" : "Too few samples within each replication (fewer than 10 above the percentile) for "
                + String.join(", ", weak) + ": their intervals are not to be trusted; run longer (--duration).";
    }

    private static PairedDifference find(List<PairedDifference> ds, String name) {
        return ds.stream().filter(d -> d.name().equals(name)).findFirst().orElse(null);
    }

    private static String signed(double ns) {
        String s = Table.us(ns);
        return Double.isNaN(ns) || ns < 0 ? s : "+" + s;
    }

    /** A, B, …, Z, then E27, E28, …. */
    static String letter(int i) {
        return i < 26 ? String.valueOf((char) ('A' + i)) : "E" + (i + 1);
    }
}
