package org.rtvsim.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rtvsim.measure.Attribution;
import org.rtvsim.measure.Percentile;
import org.rtvsim.measure.Percentiles;
import org.rtvsim.measure.QuantileInterval;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.SloResult;
import org.rtvsim.measure.TailAttribution;
import org.rtvsim.measure.TaskResult;
import org.rtvsim.measure.ThreadResult;

/**
 * Writes the human summary that follows the cyclictest block: a header (durations with units), then,
 * with more than one thread, an "All threads" block pooling every thread's samples (what an SLO is
 * judged on), then per thread exact min/avg/max and percentiles in microseconds (2 decimals, from
 * nanoseconds, not truncated), the attribution of the maximum sample and of the tail, the
 * periodic-task table, the SLO verdict and notes.
 *
 * <p>Deterministic: no wall-clock data unless {@code stats} is asked for. Attribution percentages
 * are rounded to tenths with the largest-remainder rule so each table sums to 100.0 %.
 */
public final class SummaryText {
    private SummaryText() {
    }

    /** Writes the summary without simulator performance data. */
    public static void write(RunResult r, Appendable out) throws IOException {
        write(r, out, false);
    }

    /** Writes the summary; {@code stats} adds the event count and wall time (not deterministic). */
    public static void write(RunResult r, Appendable out, boolean stats) throws IOException {
        out.append("# rtvsim: scenario ").append(r.scenario());
        if (r.source() != null) {
            out.append(" (").append(r.source()).append(')');
        }
        out.append(", seed ").append(Long.toString(r.seed()))
                .append(", duration ").append(org.rtvsim.engine.Units.formatNs(r.durationNs()))
                .append(", warmup ").append(org.rtvsim.engine.Units.formatNs(r.warmupNs()))
                .append(", SMIs ").append(Long.toString(r.smiCount())).append('\n');
        if (r.threads().size() > 1) {
            pooled(r.threads(), out);
        }
        for (ThreadResult t : r.threads()) {
            thread(t, out);
        }
        if (!r.tasks().isEmpty()) {
            tasks(r.tasks(), out);
        }
        if (!r.starvation().isEmpty()) {
            out.append("\nStarvation (kernel threads runnable but not running):\n");
            for (org.rtvsim.measure.StarvationFinding f : r.starvation()) {
                out.append("  ").append(f.level()).append(": ").append(f.message()).append('\n');
            }
        }
        SloResult slo = r.slo();
        if (slo != null) {
            out.append("\nSLO ").append(Format.percentileName(slo.percentile())).append(" < ")
                    .append(Format.us(slo.limitNs())).append(" us: ").append(SloText.word(slo))
                    .append(SloText.detail(slo, 0.95, SloText.rate(r.threads().stream()
                            .mapToLong(org.rtvsim.measure.ThreadResult::samples).sum(), 1, r.durationNs())))
                    .append('\n');
        }
        for (String note : r.notes()) {
            out.append("Note: ").append(note).append('\n');
        }
        if (stats) {
            out.append("Stats: ").append(Long.toString(r.events())).append(" events, ")
                    .append(Format.us(r.wallNanos() / 1000)).append(" ms wall\n");
        }
    }

    /** All threads' samples pooled: what an SLO such as "99.99 % of wake-ups under 50 us" is judged on. */
    private static void pooled(List<ThreadResult> threads, Appendable out) throws IOException {
        org.HdrHistogram.Histogram all = threads.get(0).hdr().copy();
        long min = Long.MAX_VALUE;
        long max = 0;
        long sum = 0;
        long n = 0;
        for (int i = 0; i < threads.size(); i++) {
            ThreadResult t = threads.get(i);
            if (i > 0) {
                all.add(t.hdr());
            }
            min = Math.min(min, t.minNs());
            max = Math.max(max, t.maxNs());
            sum += t.sumNs();
            n += t.samples();
        }
        out.append("\nAll threads: ").append(samples(n)).append('\n');
        if (n == 0) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"min", Format.us(min), "", ""});
        rows.add(new String[] {"avg", Format.us(sum, n), "", ""});
        rows.add(new String[] {"max", Format.us(max), "", ""});
        List<Double> ps = new ArrayList<>();
        for (Percentile p : threads.get(0).percentiles()) {
            ps.add(p.p());
        }
        List<org.HdrHistogram.AbstractHistogram> batches = new ArrayList<>();
        threads.forEach(t -> batches.addAll(t.batches()));
        for (Percentile p : Percentiles.of(all, ps, min, max, batches)) {
            String flag = p.supported() ? "" : "(only " + samples(Percentiles.samplesAbove(n, p.p()))
                    + " above; not supported)";
            rows.add(new String[] {Format.percentileName(p.p()), Format.us(p.valueNs()), ci(p), flag});
        }
        table(out, "  ", rows, new boolean[] {false, true, false, false}, " us");
    }

    private static void thread(ThreadResult t, Appendable out) throws IOException {
        out.append("\nThread ").append(Integer.toString(t.index())).append(" ").append(t.thread())
                .append(" (cpu ").append(Integer.toString(t.cpu()))
                .append(", prio ").append(Integer.toString(t.priority()))
                .append(", interval ").append(Format.us(t.intervalNs())).append(" us): ")
                .append(samples(t.samples())).append(", ")
                .append(Long.toString(t.overflows())).append(" overflows\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"min", Format.us(t.minNs()), "", ""});
        rows.add(new String[] {"avg", Format.us(t.sumNs(), t.samples()), "", ""});
        rows.add(new String[] {"max", Format.us(t.maxNs()), "", ""});
        for (Percentile p : t.percentiles()) {
            String flag = p.supported() ? "" : "(only " + samples(Percentiles.samplesAbove(t.samples(), p.p()))
                    + " above; not supported)";
            rows.add(new String[] {Format.percentileName(p.p()), Format.us(p.valueNs()), ci(p), flag});
        }
        table(out, "  ", rows, new boolean[] {false, true, false, false}, " us");
        Attribution max = t.maxSample();
        if (max != null) {
            out.append("  Attribution of the max sample (").append(Format.us(max.totalNs())).append(" us):\n");
            components(out, max.components(), max.totalNs());
        }
        TailAttribution tail = t.tail();
        if (tail != null) {
            out.append("  Attribution of samples \u2265 ").append(Format.percentileName(tail.percentile()))
                    .append(" (").append(samples(tail.samples())).append(", threshold ")
                    .append(Format.us(tail.thresholdNs()))
                    .append(" us = lower edge of the \u22641.6 %-wide class holding it):\n");
            components(out, tail.components(), tail.totalNs());
        }
    }

    /**
     * A percentile's 95 % interval, {@code 95% [a, b]} in µs; {@code [a, >max]} when the data give no upper
     * bound (docs/statistics.md); empty without an interval.
     */
    static String ci(Percentile p) {
        if (!p.hasInterval()) {
            return "";
        }
        return "95% [" + Format.us(p.ciLowNs()) + ", " + (p.ciHighNs() == QuantileInterval.UNBOUNDED ? ">max"
                : Format.us(p.ciHighNs())) + "]";
    }

    private static String samples(long n) {
        return n == 1 ? "1 sample" : n + " samples";
    }

    private static void components(Appendable out, List<Attribution.Component> cs, long totalNs) throws IOException {
        int[] tenths = Format.tenthsOfPercent(cs);
        List<String[]> rows = new ArrayList<>();
        for (int i = 0; i < cs.size(); i++) {
            rows.add(new String[] {cs.get(i).label(), Format.us(cs.get(i).ns()) + " us", Format.tenths(tenths[i]) + " %"});
        }
        rows.add(new String[] {"total", Format.us(totalNs) + " us", cs.isEmpty() ? "0.0 %" : "100.0 %"});
        table(out, "    ", rows, new boolean[] {false, true, true}, "");
    }

    private static void tasks(List<TaskResult> tasks, Appendable out) throws IOException {
        out.append("\nPeriodic tasks (response times in us):\n");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"task", "cpu", "prio", "jobs", "min", "avg", "max", "deadline misses", "cpu%"});
        for (TaskResult t : tasks) {
            rows.add(new String[] {t.task(), Integer.toString(t.cpu()), Integer.toString(t.priority()),
                Long.toString(t.jobs()), Format.us(t.minNs()), Format.us(t.sumNs(), t.jobs()), Format.us(t.maxNs()),
                Long.toString(t.deadlineMisses()), cpuPercent(t.cpuShare())});
        }
        table(out, "  ", rows, new boolean[] {false, true, true, true, true, true, true, true, true}, "");
        for (TaskResult t : tasks) {
            Attribution worst = t.worstJob();
            if (worst != null && t.jobs() > 0) {
                out.append("  Attribution of the worst response of ").append(t.task()).append(" (")
                        .append(Format.us(worst.totalNs())).append(" us):\n");
                components(out, worst.components(), worst.totalNs());
            }
        }
    }

    /** A CPU share as a percentage with one decimal ("-" when unknown). */
    static String cpuPercent(double share) {
        return Double.isNaN(share) ? "-" : String.format(java.util.Locale.ROOT, "%.1f", 100 * share);
    }

    /** A {@link Table} whose column 1 (values) carries {@code suffix} on non-empty rows, e.g. " us". */
    private static void table(Appendable out, String indent, List<String[]> rows, boolean[] right, String suffix)
            throws IOException {
        List<String[]> withUnit = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            String[] r = row.clone();
            if (r.length > 1 && !r[1].isEmpty()) {
                r[1] = r[1] + suffix;
            }
            withUnit.add(r);
        }
        Table.write(out, indent, withUnit, right);
    }
}
