package org.rtvsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rtvsim.measure.OsnoiseRecorder.CpuNoise;

/**
 * Writes what {@code rtla osnoise top -q} prints at the end of a session, in microseconds: the layout of Linux
 * {@code tools/tracing/rtla/src/osnoise_top.c} ({@code osnoise_top_header}, {@code osnoise_top_print}): per CPU the
 * number of samples ({@code #N}), the summed runtime and noise, the CPU available in percent with five decimals
 * (computed in integers as rtla does), the largest noise of one sample, the largest single noise, and the counts
 * of HW, NMI, IRQ, softirq and thread noise occurrences ({@link org.rtvsim.measure.OsnoiseRecorder}).
 *
 * <p>{@link #hist} writes {@code rtla osnoise hist}: the histogram of single noises per CPU, as
 * {@code osnoise_hist.c} prints it ({@code osnoise_hist_header}, {@code osnoise_print_stats},
 * {@code osnoise_print_summary}): a column {@code CPU-NNN} only for CPUs with at least one noise; rtla reads each
 * noise back from the kernel's bucketed histogram, so min, avg and max are of bucket lower bounds.
 */
public final class OsnoiseText {
    private OsnoiseText() {
    }

    public static void top(long durationNs, List<CpuNoise> cpus, StringBuilder out) {
        out.append("                                          Operating System Noise")
                .append("                                       ").append("                                   \n");
        out.append(String.format(Locale.ROOT, "duration: %9s | time is in us%n", TimerlatText.duration(durationNs))
                .replace("\r\n", "\n"));
        out.append("CPU Period       Runtime        Noise  % CPU Aval   Max Noise   Max Single          HW          NMI"
                + "          IRQ      Softirq       Thread\n");
        for (CpuNoise c : cpus) {
            long runtime = c.runtimeNs() / 1000;
            long noise = c.noiseNs() / 1000;
            if (runtime == 0) {
                continue;
            }
            long percentage = (runtime - noise) * 10_000_000L / runtime;
            long decimal = percentage % 100_000;
            percentage /= 100_000;
            out.append(String.format(Locale.ROOT, "%3d #%-6d %12d ", c.cpu(), c.samples(), runtime));
            out.append(String.format(Locale.ROOT, "%12d ", noise));
            out.append(String.format(Locale.ROOT, "  %3d.%05d", percentage, decimal));
            out.append(String.format(Locale.ROOT, "%12d %12d", c.maxSampleNoiseNs() / 1000, c.maxSingleNs() / 1000));
            out.append(String.format(Locale.ROOT, "%12d ", c.hw()));
            out.append(String.format(Locale.ROOT, "%12d ", c.nmi()));
            out.append(String.format(Locale.ROOT, "%12d ", c.irq()));
            out.append(String.format(Locale.ROOT, "%12d ", c.softirq()));
            out.append(String.format(Locale.ROOT, "%12d%n", c.thread()).replace("\r\n", "\n"));
        }
    }

    /**
     * The output of {@code rtla osnoise hist -b bucketSizeUs -E entries} (rows whose counts are all zero left out
     * unless {@code withZeros}).
     */
    public static void hist(long durationNs, List<CpuNoise> cpus, int bucketSizeUs, int entries, boolean withZeros,
                            StringBuilder out) {
        List<CpuNoise> shown = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<long[]> columns = new ArrayList<>();
        for (CpuNoise c : cpus) {
            if (c.single().total() > 0) {
                shown.add(c);
                labels.add(String.format(Locale.ROOT, "   CPU-%03d", c.cpu()));
                columns.add(c.single().buckets(bucketSizeUs, entries));
            }
        }
        RtlaHist.header("osnoise", durationNs, labels, out);
        if (!RtlaHist.rows(columns, bucketSizeUs, entries, withZeros, out)) {
            out.append("over: 0\ncount: 0\nmin: 0\navg: 0\nmax: 0\n");
            return;
        }
        RtlaHist.over(columns, entries, out);
        StringBuilder count = new StringBuilder("count:");
        StringBuilder min = new StringBuilder("min:  ");
        StringBuilder avg = new StringBuilder("avg:  ");
        StringBuilder max = new StringBuilder("max:  ");
        for (CpuNoise c : shown) {
            long n = c.single().total();
            long[] mms = c.single().bucketedMinMaxSum(bucketSizeUs);
            count.append(String.format(Locale.ROOT, "%9d ", n));
            min.append(String.format(Locale.ROOT, "%9d ", mms[0]));
            avg.append(String.format(Locale.ROOT, "%9.2f ", (double) mms[2] / n));
            max.append(String.format(Locale.ROOT, "%9d ", mms[1]));
        }
        out.append(count).append('\n').append(min).append('\n').append(avg).append('\n').append(max).append('\n');
    }
}
