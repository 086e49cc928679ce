package org.rtvsim.report;

import java.util.List;
import java.util.Locale;
import org.rtvsim.measure.OsnoiseRecorder.CpuNoise;

/**
 * Writes what {@code rtla osnoise top -q} prints at the end of a session, in microseconds: the layout of Linux
 * {@code tools/tracing/rtla/src/osnoise_top.c} ({@code osnoise_top_header}, {@code osnoise_top_print}): per CPU the
 * number of samples ({@code #N}), the summed runtime and noise, the CPU available in percent with five decimals
 * (computed in integers as rtla does), the largest noise of one sample, the largest single noise, and the counts
 * of HW, NMI, IRQ, softirq and thread noise occurrences ({@link org.rtvsim.measure.OsnoiseRecorder}).
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
}
