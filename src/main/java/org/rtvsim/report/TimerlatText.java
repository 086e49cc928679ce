package org.rtvsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.measure.TimerlatStats;

/**
 * Writes a run's measuring threads as {@code rtla timerlat top} and {@code rtla timerlat hist} print them at
 * the end of a session ({@code -q}: no screen clearing, no colours), in microseconds, one row or column pair per
 * measuring thread labelled with its CPU. IRQ latency and thread latency are {@link TimerlatStats}'s split;
 * rtla truncates each latency to whole microseconds before taking min, sum and max, and so does this.
 *
 * <p>Layouts follow Linux {@code tools/tracing/rtla/src/timerlat_top.c} ({@code timerlat_top_header},
 * {@code timerlat_top_print}, {@code timerlat_top_print_sum}) and {@code timerlat_hist.c}
 * ({@code timerlat_hist_header}, {@code timerlat_print_stats}, {@code timerlat_print_summary},
 * {@code timerlat_print_stats_all}); the duration is {@code get_duration()}'s {@code "%3d %02d:%02d:%02d"} of
 * the simulated measured time. The auto-analysis is in {@link TimerlatAnalysis}.
 */
public final class TimerlatText {
    private static final String NO_VALUE = "        -";
    private static final String SPLIT = "----------------------------------------";

    private TimerlatText() {
    }

    /** rtla's {@code get_duration()}: days, hours, minutes, seconds of {@code ns} (whole seconds, truncated). */
    static String duration(long ns) {
        long s = ns / 1_000_000_000L;
        return String.format(Locale.ROOT, "%3d %02d:%02d:%02d", s / 86400, s / 3600 % 24, s / 60 % 60, s % 60);
    }

    /** The threads that have the timerlat view (all of a simulated run's). */
    static List<ThreadResult> threads(RunResult r) {
        List<ThreadResult> out = new ArrayList<>();
        for (ThreadResult t : r.threads()) {
            if (t.timerlat() != null && t.samples() > 0) {
                out.add(t);
            }
        }
        return out;
    }

    /** The end-of-session screen of {@code rtla timerlat top -q}. */
    public static void top(RunResult r, StringBuilder out) {
        List<ThreadResult> threads = threads(r);
        out.append("                                     Timer Latency                                              \n");
        out.append(String.format(Locale.ROOT, "%-6s   |          IRQ Timer Latency (us)        |         Thread Timer "
                + "Latency (us)%n", duration(r.durationNs())).replace("\r\n", "\n"));
        out.append("CPU COUNT      |      cur       min       avg       max |      cur       min       avg       max\n");
        for (ThreadResult t : threads) {
            TimerlatStats s = t.timerlat();
            out.append(String.format(Locale.ROOT, "%3d #%-9d |", t.cpu(), s.irqCount()));
            if (s.irqCount() == 0) {
                out.append(NO_VALUE).append(' ').append(NO_VALUE).append(' ').append(NO_VALUE).append(' ')
                        .append(NO_VALUE).append(" |");
            } else {
                out.append(String.format(Locale.ROOT, "%9d %9d %9d %9d |", s.irqCurNs() / 1000, s.irqMinNs() / 1000,
                        s.irqSumUs() / s.irqCount(), s.irqMaxNs() / 1000));
            }
            out.append(String.format(Locale.ROOT, "%9d %9d %9d %9d%n", s.threadCurNs() / 1000, t.minUsTrunc(),
                    t.sumUsTrunc() / t.samples(), t.maxUsTrunc()).replace("\r\n", "\n"));
        }
        Totals a = Totals.of(threads);
        long irqCount = a.irqCount();
        if (irqCount == 0 && a.thrCount() == 0) {
            return;
        }
        long count = irqCount;
        int e = 0;
        while (count > 999999) {
            e++;
            count /= 10;
        }
        out.append(SPLIT, 0, 15).append('|').append(SPLIT).append('|').append(SPLIT, 0, 39).append('\n');
        out.append(String.format(Locale.ROOT, "ALL #%-6d e%d |", count, e));
        if (irqCount == 0) {
            out.append("          ").append(NO_VALUE).append(' ').append(NO_VALUE).append(' ').append(NO_VALUE)
                    .append(" |");
        } else {
            out.append(String.format(Locale.ROOT, "          %9d %9d %9d |", a.irqMin(), a.irqSum() / irqCount,
                    a.irqMax()));
        }
        out.append(String.format(Locale.ROOT, "          %9d %9d %9d", a.thrMin(), a.thrSum() / a.thrCount(),
                a.thrMax())).append('\n');
    }

    /**
     * The output of {@code rtla timerlat hist -b bucketSizeUs -E entries} (without {@code --with-zeros}: rows
     * whose counts are all zero are left out, unless {@code withZeros}).
     */
    public static void hist(RunResult r, int bucketSizeUs, int entries, boolean withZeros, StringBuilder out) {
        List<ThreadResult> threads = threads(r);
        List<String> labels = new ArrayList<>();
        List<long[]> columns = new ArrayList<>();
        for (ThreadResult t : threads) {
            labels.add(String.format(Locale.ROOT, "   IRQ-%03d   Thr-%03d", t.cpu(), t.cpu()));
            columns.add(t.timerlat().irqUs().buckets(bucketSizeUs, entries));
            columns.add(t.timerlat().threadUs().buckets(bucketSizeUs, entries));
        }
        RtlaHist.header("timerlat", r.durationNs(), labels, out);
        RtlaHist.rows(columns, bucketSizeUs, entries, withZeros, out);
        RtlaHist.over(columns, entries, out);
        summary(threads, out);
        all(threads, out);
    }

    private static void summary(List<ThreadResult> threads, StringBuilder out) {
        out.append("count:");
        for (ThreadResult t : threads) {
            out.append(String.format(Locale.ROOT, "%9d %9d ", t.timerlat().irqCount(), t.samples()));
        }
        out.append("\nmin:  ");
        for (ThreadResult t : threads) {
            TimerlatStats s = t.timerlat();
            value(out, s.irqCount(), s.irqMinNs() / 1000);
            value(out, t.samples(), t.minUsTrunc());
        }
        out.append("\navg:  ");
        for (ThreadResult t : threads) {
            TimerlatStats s = t.timerlat();
            value(out, s.irqCount(), s.irqCount() == 0 ? 0 : s.irqSumUs() / s.irqCount());
            value(out, t.samples(), t.sumUsTrunc() / t.samples());
        }
        out.append("\nmax:  ");
        for (ThreadResult t : threads) {
            TimerlatStats s = t.timerlat();
            value(out, s.irqCount(), s.irqMaxNs() / 1000);
            value(out, t.samples(), t.maxUsTrunc());
        }
        out.append('\n');
    }

    private static void all(List<ThreadResult> threads, StringBuilder out) {
        Totals a = Totals.of(threads);
        long irqCount = a.irqCount();
        long thrCount = a.thrCount();
        out.append("ALL:        IRQ       Thr\n");
        out.append(String.format(Locale.ROOT, "count:%9d %9d %n", irqCount, thrCount).replace("\r\n", "\n"));
        out.append("min:  ");
        value(out, irqCount, a.irqMin());
        value(out, thrCount, a.thrMin());
        out.append("\navg:  ");
        value(out, irqCount, irqCount == 0 ? 0 : a.irqSum() / irqCount);
        value(out, thrCount, thrCount == 0 ? 0 : a.thrSum() / thrCount);
        out.append("\nmax:  ");
        value(out, irqCount, a.irqMax());
        value(out, thrCount, a.thrMax());
        out.append('\n');
    }

    /** The ALL row's totals over every thread: IRQ and thread latency counts, min, max and sum in whole µs. */
    private record Totals(long irqCount, long irqMin, long irqMax, long irqSum,
                          long thrCount, long thrMin, long thrMax, long thrSum) {
        static Totals of(List<ThreadResult> threads) {
            long irqCount = 0;
            long irqMin = Long.MAX_VALUE;
            long irqMax = 0;
            long irqSum = 0;
            long thrCount = 0;
            long thrMin = Long.MAX_VALUE;
            long thrMax = 0;
            long thrSum = 0;
            for (ThreadResult t : threads) {
                TimerlatStats s = t.timerlat();
                irqCount += s.irqCount();
                if (s.irqCount() > 0) {
                    irqMin = Math.min(irqMin, s.irqMinNs() / 1000);
                    irqMax = Math.max(irqMax, s.irqMaxNs() / 1000);
                    irqSum += s.irqSumUs();
                }
                thrCount += t.samples();
                thrMin = Math.min(thrMin, t.minUsTrunc());
                thrMax = Math.max(thrMax, t.maxUsTrunc());
                thrSum += t.sumUsTrunc();
            }
            return new Totals(irqCount, irqMin, irqMax, irqSum, thrCount, thrMin, thrMax, thrSum);
        }
    }

    /** rtla's {@code format_summary_value}: the value, or {@code -} without samples. */
    private static void value(StringBuilder out, long count, long v) {
        out.append(count == 0 ? String.format(Locale.ROOT, "%9c ", '-') : String.format(Locale.ROOT, "%9d ", v));
    }
}
