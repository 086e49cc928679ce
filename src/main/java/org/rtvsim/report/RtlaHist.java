package org.rtvsim.report;

import java.util.List;
import java.util.Locale;

/**
 * The parts rtla's {@code timerlat hist} and {@code osnoise hist} print alike (Linux
 * {@code tools/tracing/rtla/src/timerlat_hist.c} and {@code osnoise_hist.c}): the header ({@code # RTLA … histogram},
 * the time unit, the duration, the {@code Index} line of column labels), one row per bucket ({@code %-6d} index =
 * bucket × size, {@code %9d } per column; rows whose counts are all zero left out unless {@code --with-zeros}) and
 * the {@code over:} row. Counts are per column {@code entries + 1} long, the last one the values beyond.
 */
final class RtlaHist {
    private RtlaHist() {
    }

    /** {@code # RTLA <tool> histogram}, the unit, the duration and {@code Index} followed by the column labels. */
    static void header(String tool, long durationNs, List<String> labels, StringBuilder out) {
        out.append("# RTLA ").append(tool).append(" histogram\n");
        out.append("# Time unit is microseconds (us)\n");
        out.append("# Duration: ").append(TimerlatText.duration(durationNs)).append('\n');
        out.append("Index");
        for (String l : labels) {
            out.append(l);
        }
        out.append('\n');
    }

    /** The bucket rows; whether any was printed (rtla's {@code has_samples}). */
    static boolean rows(List<long[]> columns, int bucketSizeUs, int entries, boolean withZeros, StringBuilder out) {
        boolean any = false;
        for (int b = 0; b < entries; b++) {
            long total = 0;
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-6d", (long) b * bucketSizeUs));
            for (long[] c : columns) {
                total += c[b];
                row.append(String.format(Locale.ROOT, "%9d ", c[b]));
            }
            if (total == 0 && !withZeros) {
                continue;
            }
            any = true;
            out.append(row).append('\n');
        }
        return any;
    }

    /** The {@code over:} row: per column the count of values beyond the last bucket. */
    static void over(List<long[]> columns, int entries, StringBuilder out) {
        out.append("over: ");
        for (long[] c : columns) {
            out.append(String.format(Locale.ROOT, "%9d ", c[entries]));
        }
        out.append('\n');
    }
}
