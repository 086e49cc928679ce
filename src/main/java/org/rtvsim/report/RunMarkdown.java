package org.rtvsim.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rtvsim.measure.ReplicatedGroup;
import org.rtvsim.measure.ReplicatedResult;
import org.rtvsim.measure.StatisticCI;

/**
 * Writes {@code report.md} of a run, values in microseconds: the scenario, the settings (seed,
 * durations, replications, confidence), one table per group with pooled value, mean and interval,
 * the SLO verdict, and {@code <!-- charts -->} markers where the chart images are inserted.
 */
public final class RunMarkdown {
    /** Where charts go; the charts writer replaces or follows this marker. */
    public static final String CHARTS_MARKER = "<!-- charts -->";

    private RunMarkdown() {
    }

    /** Writes the report; {@code command} is the command line shown under Settings (may be null). */
    public static void write(ReplicatedResult r, String command, Appendable out) throws IOException {
        out.append("# rtvsim report: ").append(r.scenario()).append("\n\n");
        settings(r, command, out);
        out.append('\n').append(CHARTS_MARKER).append("\n\n");
        for (ReplicatedGroup g : r.groups()) {
            if (g.thread() >= 0 && r.groups().size() == 2) {
                continue; // one thread: its table equals the pooled one
            }
            out.append("## ").append(g.thread() < 0 ? "All threads" : "Thread " + g.thread() + " " + g.label()
                    + " (cpu " + g.cpu() + ")").append("\n\n").append(Long.toString(g.samples()))
                    .append(" samples.\n\n");
            table(g, out);
            out.append('\n');
        }
        if (r.slo() != null) {
            out.append("## SLO\n\n").append(Format.percentileName(r.slo().percentile())).append(" < ")
                    .append(Format.us(r.slo().limitNs())).append(" us: **").append(SloText.word(r.slo()).toLowerCase(java.util.Locale.ROOT))
                    .append("**").append(SloText.detail(r.slo(), r.confidence(), SloText.rate(r.pooled().samples(),
                            r.replications(), r.durationNs()))).append(", over all samples.\n");
        }
    }

    /** The settings list shared by every report. */
    static void settings(ReplicatedResult r, String command, Appendable out) throws IOException {
        out.append("## Settings\n\n");
        out.append("- scenario: `").append(r.scenario()).append("`")
                .append(r.source() == null ? "" : " (`" + r.source() + "`)").append('\n');
        out.append("- seed ").append(Long.toString(r.seed())).append(", duration ")
                .append(org.rtvsim.engine.Units.formatNs(r.durationNs())).append(" after ").append(org.rtvsim.engine.Units.formatNs(r.warmupNs()))
                .append(" warm-up\n");
        out.append("- ").append(Integer.toString(r.replications())).append(r.replications() == 1 ? " replication"
                : " replications, " + Table.level(r.confidence()) + " % Student-t intervals over replications")
                .append('\n');
        if (command != null) {
            out.append("- command: `").append(command).append("`\n");
        }
    }

    /** A group's statistics as a Markdown table. */
    static void table(ReplicatedGroup g, Appendable out) throws IOException {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"stat", "pooled (us)", "mean (us)", "CI low (us)", "CI high (us)", "note"});
        for (StatisticCI s : g.statistics()) {
            rows.add(new String[] {s.name(), Table.us(s.pooledNs()), Table.us(s.meanNs()), Table.us(s.lowNs()),
                Table.us(s.highNs()), ReplicatedText.flag(s)});
        }
        Table.markdown(out, rows);
    }
}
