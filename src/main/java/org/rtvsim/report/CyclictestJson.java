package org.rtvsim.report;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;

/**
 * Writes a run as {@code cyclictest --json=FILE} writes its file (rt-tests 2.x): {@code rt_write_json()} of
 * {@code src/lib/rt-utils.c} (the header: {@code file_version}, {@code "cmdline:"}, {@code "rt_test_version:"},
 * start and end time, return code, {@code sysinfo}) around cyclictest's {@code write_stats()} ({@code num_threads},
 * {@code resolution_in_ns}, then per thread its non-empty histogram buckets, {@code cycles}, {@code min},
 * {@code max}, {@code avg} ({@code %.2f}), {@code cpu}, {@code node}), with its two-space indentation and the
 * trailing colons of {@code "cmdline:"} and {@code "rt_test_version:"} that cyclictest really prints.
 *
 * <p>Values are in microseconds as cyclictest without {@code --nsecs} gives them ({@code resolution_in_ns: 0}):
 * min and max truncated, avg the sum of truncated samples over cycles. Times are simulated: the run starts at
 * the epoch and ends after warm-up plus duration, so the file is the same for the same scenario and seed.
 * {@code sysinfo} names the simulator ({@code nodename: "rtvsim"}, {@code release: "simulated"}); {@code realtime}
 * is 1 for a PREEMPT_RT kernel, as {@code /sys/kernel/realtime} would say.
 */
public final class CyclictestJson {
    /** The rt-tests version whose layout this follows. */
    static final String RT_TESTS_VERSION = "2.80";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private CyclictestJson() {
    }

    /**
     * Writes the file's text; {@code cmdline} is the command as typed, {@code realtime} whether the kernel
     * measured in is PREEMPT_RT, {@code returnCode} cyclictest's exit status (0, or 1 for a missed objective
     * is not cyclictest's: always 0 here unless interrupted).
     */
    public static void write(RunResult r, String cmdline, boolean realtime, int returnCode, Appendable out)
            throws IOException {
        long endS = (r.warmupNs() + r.durationNs()) / 1_000_000_000L;
        out.append("{\n");
        out.append("  \"file_version\": 1,\n");
        out.append("  \"cmdline:\": ").append(quote(cmdline)).append(",\n");
        out.append("  \"rt_test_version:\": \"").append(RT_TESTS_VERSION).append("\",\n");
        out.append("  \"start_time\": \"").append(TIME.format(Instant.EPOCH)).append("\",\n");
        out.append("  \"end_time\": \"").append(TIME.format(Instant.ofEpochSecond(endS))).append("\",\n");
        out.append("  \"return_code\": ").append(Integer.toString(returnCode)).append(",\n");
        out.append("  \"sysinfo\": {\n");
        out.append("    \"sysname\": \"Linux\",\n");
        out.append("    \"nodename\": \"rtvsim\",\n");
        out.append("    \"release\": \"simulated\",\n");
        out.append("    \"version\": ").append(quote("rtvsim scenario " + r.scenario() + ", seed "
                + r.seed())).append(",\n");
        out.append("    \"machine\": \"x86_64\",\n");
        out.append("    \"realtime\": ").append(realtime ? "1" : "0").append('\n');
        out.append("  },\n");
        List<ThreadResult> threads = r.threads();
        out.append("  \"num_threads\": ").append(Integer.toString(threads.size())).append(",\n");
        out.append("  \"resolution_in_ns\": 0,\n");
        out.append("  \"thread\": {\n");
        for (int i = 0; i < threads.size(); i++) {
            ThreadResult t = threads.get(i);
            out.append("    \"").append(Integer.toString(i)).append("\": {\n");
            out.append("      \"histogram\": {");
            boolean comma = false;
            for (int b = 0; b < t.buckets(); b++) {
                if (t.count(b) != 0) {
                    out.append(comma ? "," : "").append("\n        \"").append(Integer.toString(b)).append("\": ")
                            .append(Long.toString(t.count(b)));
                    comma = true;
                }
            }
            out.append('\n'); // hist_print_json() ends with a newline, buckets or not
            out.append("      },\n");
            out.append("      \"cycles\": ").append(Long.toString(t.samples())).append(",\n");
            out.append("      \"min\": ").append(Long.toString(t.minUsTrunc())).append(",\n");
            out.append("      \"max\": ").append(Long.toString(t.maxUsTrunc())).append(",\n");
            out.append("      \"avg\": ").append(String.format(Locale.ROOT, "%.2f",
                    t.samples() == 0 ? 0.0 : (double) t.sumUsTrunc() / t.samples())).append(",\n");
            out.append("      \"cpu\": ").append(Integer.toString(t.cpu())).append(",\n");
            out.append("      \"node\": 0\n");
            out.append("    }").append(i == threads.size() - 1 ? "" : ",").append('\n');
        }
        out.append("  }\n");
        out.append("}\n");
    }

    /** A JSON string literal (cyclictest prints its command line unescaped; a valid file is kept valid here). */
    private static String quote(String s) throws IOException {
        return SummaryJson.MAPPER.writeValueAsString(s);
    }
}
