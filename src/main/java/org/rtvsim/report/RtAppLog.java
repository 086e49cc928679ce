package org.rtvsim.report;

import java.util.List;
import java.util.Locale;
import org.rtvsim.measure.JobRow;

/**
 * A periodic task's jobs in rt-app's per-thread log layout: the header and row formats of rt-app
 * (github.com/scheduler-tools/rt-app, commit 55cb0c0, src/rt-app.c {@code thread_body} and
 * src/rt-app_utils.c {@code log_timing}), one row per job, times in µs (floored, as rt-app's
 * {@code timespec_to_usec}).
 *
 * <p>Columns: {@code idx} the task's index in the run; {@code perf} 0 (rt-app's count of calibrated
 * loops: the model runs time, not loops); {@code run} the wall time in the job's execution segments;
 * {@code period} end − start; {@code start}, {@code end} the job's start and the next job's start on the
 * simulated clock, which begins at 0 with the run, so {@code rel_st} = {@code start}; {@code slack} the
 * next release − the completion; {@code c_duration} the job's execution time; {@code c_period} its
 * period; {@code wu_lat} the wake-up latency at the next release (0 when the job overran it).
 */
public final class RtAppLog {
    /** rt-app's header line (src/rt-app.c: {@code "%s %8s %8s %8s %15s %15s %15s %10s %10s %10s %10s"}). */
    public static final String HEADER = String.format(Locale.ROOT, "%s %8s %8s %8s %15s %15s %15s %10s %10s %10s %10s",
            "#idx", "perf", "run", "period", "start", "end", "rel_st", "slack", "c_duration", "c_period", "wu_lat");

    private RtAppLog() {
    }

    /** The log of task number {@code idx}: the header, then a row per job. */
    public static void write(int idx, List<JobRow> rows, StringBuilder out) {
        out.append(HEADER).append('\n');
        for (JobRow r : rows) {
            long start = us(r.startNs());
            long end = us(r.endNs());
            // src/rt-app_utils.c log_timing: "%4d %8lu %8lu %8lu %15llu %15llu %15llu %10ld %10lu %10lu %10lu"
            out.append(String.format(Locale.ROOT, "%4d %8d %8d %8d %15d %15d %15d %10d %10d %10d %10d", idx, 0,
                    us(r.runNs()), us(r.endNs() - r.startNs()), start, end, start, us(r.slackNs()), us(r.demandNs()),
                    us(r.periodNs()), us(r.wakeupLatencyNs()))).append('\n');
        }
    }

    private static long us(long ns) {
        return Math.floorDiv(ns, 1000);
    }
}
