package org.rtvsim.report;

import java.io.IOException;
import java.util.List;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;

/**
 * Writes the histogram block that {@code cyclictest -q -h N} prints at exit, byte for byte, with
 * 1-µs buckets and footer values in truncated microseconds.
 *
 * <p>Layout of {@code print_hist()} (rt-tests 2.x): {@code # Histogram}; one line per bucket,
 * {@code %06d} index, a space, then {@code %06lu} counts separated by TABs; {@code # Total:}
 * ({@code %09llu}, samples in buckets), {@code # Min/Avg/Max Latencies:} and
 * {@code # Histogram Overflows:} ({@code %05lu}); {@code # Histogram Overflow at cycle number:} with
 * one {@code # Thread N:} line listing up to N cycle numbers ({@code %05lu}) and
 * {@code  # %05lu others} for the rest; an optional {@code # SMIs:} line; a blank line. Widths are
 * minimums: larger numbers print all their digits. With a bucket other than 1 µs the first column
 * is the bucket index, not microseconds.
 *
 * @see <a href="https://git.kernel.org/pub/scm/utils/rt-tests/rt-tests.git/tree/src/cyclictest/cyclictest.c">cyclictest.c print_hist()</a>
 */
public final class CyclictestText {
    private CyclictestText() {
    }

    /** Writes the block without the {@code # SMIs:} line (cyclictest without {@code --smi}). */
    public static void write(RunResult r, Appendable out) throws IOException {
        write(r, out, false);
    }

    /**
     * Writes the block; with {@code smiLine}, adds {@code # SMIs:} giving every thread the run's
     * machine-wide SMI count (an SMI stops all CPUs, so each thread's CPU sees it).
     */
    public static void write(RunResult r, Appendable out, boolean smiLine) throws IOException {
        List<ThreadResult> threads = r.threads();
        int buckets = 0;
        if (!threads.isEmpty()) {
            Format.requireSameLayout(threads);
            buckets = threads.get(0).buckets();
        }
        out.append("# Histogram\n");
        for (int b = 0; b < buckets; b++) {
            Format.pad(out, b, 6);
            out.append(' ');
            for (int j = 0; j < threads.size(); j++) {
                if (j > 0) {
                    out.append('\t');
                }
                Format.pad(out, threads.get(j).count(b), 6);
            }
            out.append('\n');
        }
        out.append("# Total:");
        for (ThreadResult t : threads) {
            out.append(' ');
            Format.pad(out, t.inHistogram(), 9);
        }
        footer(out, "# Min Latencies:", threads, Field.MIN);
        footer(out, "# Avg Latencies:", threads, Field.AVG);
        footer(out, "# Max Latencies:", threads, Field.MAX);
        footer(out, "# Histogram Overflows:", threads, Field.OVERFLOWS);
        out.append("\n# Histogram Overflow at cycle number:\n");
        for (int i = 0; i < threads.size(); i++) {
            ThreadResult t = threads.get(i);
            out.append("# Thread ").append(Integer.toString(i)).append(':');
            long[] cycles = t.overflowCycles();
            for (long c : cycles) {
                out.append(' ');
                Format.pad(out, c, 5);
            }
            if (cycles.length < t.overflows()) {
                out.append(" # ");
                Format.pad(out, t.overflows() - cycles.length, 5);
                out.append(" others");
            }
            out.append('\n');
        }
        if (smiLine) {
            out.append("# SMIs:");
            for (int i = 0; i < threads.size(); i++) {
                out.append(' ');
                Format.pad(out, r.smiCount(), 5);
            }
            out.append('\n');
        }
        out.append('\n');
    }

    private enum Field { MIN, AVG, MAX, OVERFLOWS }

    private static void footer(Appendable out, String title, List<ThreadResult> threads, Field f) throws IOException {
        out.append('\n').append(title);
        for (ThreadResult t : threads) {
            long v = switch (f) {
                case MIN -> t.minUsTrunc();
                case AVG -> t.avgUsTrunc();
                case MAX -> t.maxUsTrunc();
                case OVERFLOWS -> t.overflows();
            };
            out.append(' ');
            Format.pad(out, v, 5);
        }
    }
}
