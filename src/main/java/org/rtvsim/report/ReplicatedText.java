package org.rtvsim.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rtvsim.measure.ReplicatedGroup;
import org.rtvsim.measure.ReplicatedResult;
import org.rtvsim.measure.StatisticCI;

/**
 * Writes the summary of a replicated run in microseconds: a header (scenario, seed, durations,
 * replications, confidence level), then per group — all threads pooled, then each thread — a table of
 * every statistic's value over the pooled samples, the mean of the per-replication values and its
 * confidence interval, flagged where the samples do not support the percentile; then the SLO verdict.
 */
public final class ReplicatedText {
    private ReplicatedText() {
    }

    /** Writes the whole summary. */
    public static void write(ReplicatedResult r, Appendable out) throws IOException {
        out.append("# rtvsim: scenario ").append(r.scenario());
        if (r.source() != null) {
            out.append(" (").append(r.source()).append(')');
        }
        out.append(", seed ").append(Long.toString(r.seed()))
                .append(", duration ").append(org.rtvsim.engine.Units.formatNs(r.durationNs()))
                .append(", warmup ").append(org.rtvsim.engine.Units.formatNs(r.warmupNs()))
                .append(", ").append(Integer.toString(r.replications())).append(" replications, ")
                .append(Table.level(r.confidence())).append(" % confidence intervals (Student t)\n");
        for (ReplicatedGroup g : r.groups()) {
            if (g.thread() >= 0 && r.groups().size() == 2) {
                continue; // one thread: its table equals the pooled one
            }
            out.append('\n');
            group(r, g, out);
        }
        if (r.slo() != null) {
            String name = Format.percentileName(r.slo().percentile());
            out.append("\nSLO ").append(name).append(" < ").append(Format.us(r.slo().limitNs()))
                    .append(" us over all replications pooled: ").append(SloText.word(r.slo()))
                    .append(SloText.detail(r.slo(), r.confidence(), SloText.rate(r.pooled().samples(),
                            r.replications(), r.durationNs()))).append('\n');
        }
    }

    /** One group's heading and table. */
    static void group(ReplicatedResult r, ReplicatedGroup g, Appendable out) throws IOException {
        out.append(g.thread() < 0 ? "All threads" : "Thread " + g.thread() + " " + g.label() + " (cpu " + g.cpu() + ")")
                .append(": ").append(Long.toString(g.samples())).append(" samples in ")
                .append(Integer.toString(r.replications())).append(" replications\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"stat", "pooled us", "mean us", "ci low", "ci high", ""});
        for (StatisticCI s : g.statistics()) {
            rows.add(new String[] {s.name(), Table.us(s.pooledNs()), Table.us(s.meanNs()), Table.us(s.lowNs()),
                Table.us(s.highNs()), flag(s)});
        }
        Table.write(out, "  ", rows, new boolean[] {false, true, true, true, true, false});
    }

    /** Why a statistic's figures are not to be trusted, or empty. */
    static String flag(StatisticCI s) {
        if (!s.supported()) {
            return "(not supported by the pooled samples)";
        }
        if (!s.supportedEach()) {
            return "(pooled ok; not supported within each replication)";
        }
        return "";
    }
}
