package org.rtvsim.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Judges the longest runnable waits of kernel threads against the kernel's own detectors: a kthread
 * kept off its CPU stops the work it does for everybody else (RCU callbacks, deferred work, softirqs,
 * device interrupts). Thresholds (ns):
 *
 * <ul>
 *   <li>{@link #RCU_STALL_NS} 21 s: {@code rcu_cpu_stall_timeout} default (CONFIG_RCU_CPU_STALL_TIMEOUT)
 *       [K] kernel/rcu/Kconfig.debug — an rcuc/rcuo kthread starved this long shows in the RCU CPU stall
 *       warning ("rcuc kthread starved");
 *   <li>{@link #HUNG_TASK_NS} 120 s: {@code hung_task_timeout_secs} default
 *       (CONFIG_DEFAULT_HUNG_TASK_TIMEOUT) [K] kernel/hung_task.c — tasks waiting for the work of any
 *       other kthread (flush_work, a threaded handler) are reported hung;
 *   <li>{@link #WARN_NS} 1 s: assumption — no kernel detector, but a second without deferred work is
 *       already visible to the rest of the system.
 * </ul>
 *
 * A kthread still runnable at the end of a run shorter than these is reported as a projection when it
 * waited at least {@code min(WARN_NS, run / 2)}: "would reach … after 21 s".
 */
public final class Starvation {
    public static final long WARN_NS = 1_000_000_000L;
    public static final long RCU_STALL_NS = 21_000_000_000L;
    public static final long HUNG_TASK_NS = 120_000_000_000L;
    /** How many tasks {@link #top} keeps. */
    public static final int TOP = 10;

    private Starvation() {
    }

    /** The {@code n} longest waits, longest first (ties by task name). */
    public static List<TaskWait> top(List<TaskWait> waits, int n) {
        List<TaskWait> sorted = new ArrayList<>(waits);
        sorted.sort(Comparator.comparingLong(TaskWait::longestNs).reversed().thenComparing(TaskWait::task));
        return List.copyOf(sorted.subList(0, Math.min(n, sorted.size())));
    }

    /** The findings over the kthreads of {@code waits}, for a run that ended at {@code endNs}; most severe first. */
    public static List<StarvationFinding> findings(List<TaskWait> waits, long endNs) {
        List<StarvationFinding> out = new ArrayList<>();
        for (TaskWait w : waits) {
            if (!w.kthread() || w.longestNs() <= 0) {
                continue;
            }
            boolean rcu = w.task().startsWith("rcu");
            long hard = rcu ? RCU_STALL_NS : HUNG_TASK_NS;
            String hardText = rcu ? "RCU CPU stall warning (rcu_cpu_stall_timeout 21 s); system deadlock risk"
                    : "tasks waiting for its work reported hung (hung_task_timeout_secs 120 s)";
            String head = w.task() + " runnable for " + format(w.longestNs())
                    + (w.runnableAtEnd() ? " (still runnable at the end)" : "") + ": ";
            if (w.longestNs() >= hard) {
                out.add(new StarvationFinding(w.task(), w.cpu(), "error", w.longestNs(), w.runnableAtEnd(), hard,
                        head + hardText));
            } else if (w.longestNs() >= WARN_NS) {
                out.add(new StarvationFinding(w.task(), w.cpu(), "warning", w.longestNs(), w.runnableAtEnd(), hard,
                        head + consequence(w.task()) + (w.runnableAtEnd() ? "; would reach the "
                                + (rcu ? "RCU CPU stall warning" : "hung-task warning") + " after " + format(hard) : "")));
            } else if (w.runnableAtEnd() && w.longestNs() >= Math.min(WARN_NS, endNs / 2)) {
                out.add(new StarvationFinding(w.task(), w.cpu(), "projection", w.longestNs(), true, hard,
                        head + consequence(w.task()) + "; the run ended first: would reach the "
                                + (rcu ? "RCU CPU stall warning" : "hung-task warning") + " after " + format(hard)
                                + " if it stays runnable"));
            }
        }
        out.sort(Comparator.comparingInt((StarvationFinding f) -> rank(f.level()))
                .thenComparing(Comparator.comparingLong(StarvationFinding::waitNs).reversed())
                .thenComparing(StarvationFinding::task));
        return List.copyOf(out);
    }

    private static int rank(String level) {
        return switch (level) {
            case "error" -> 0;
            case "warning" -> 1;
            default -> 2;
        };
    }

    /** What stops while a kthread of this name waits. */
    static String consequence(String task) {
        if (task.startsWith("rcu")) {
            return "RCU callbacks not invoked (memory not freed)";
        }
        if (task.startsWith("kworker")) {
            return "deferred work stalled";
        }
        if (task.startsWith("ksoftirqd") || task.startsWith("ktimers")) {
            return "softirq work (timers) stalled";
        }
        if (task.startsWith("irq/")) {
            return "device interrupt handling stalled";
        }
        return "kernel thread work stalled";
    }

    /** "21 s", "2.3 s", "950 ms", "12.5 us". */
    static String format(long ns) {
        if (ns >= 1_000_000_000L) {
            return trim(ns / 1e9) + " s";
        }
        if (ns >= 1_000_000L) {
            return trim(ns / 1e6) + " ms";
        }
        return trim(ns / 1e3) + " us";
    }

    private static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }
}
