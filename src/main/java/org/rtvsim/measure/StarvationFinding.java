package org.rtvsim.measure;

/**
 * A kernel thread that waited for its CPU long enough to matter (see {@link Starvation}).
 *
 * @param task        the kthread's name
 * @param cpu         its CPU
 * @param level       {@code error} (past the kernel's own detector: RCU stall, hung task), {@code warning}
 *                    (past the warning threshold) or {@code projection} (the run ended first, the
 *                    kthread still waiting)
 * @param waitNs      its longest runnable wait (ns)
 * @param runnableAtEnd whether that wait lasted to the end of the run
 * @param thresholdNs the kernel detector's threshold that applies to this kthread (ns)
 * @param message     one line for the reader, e.g. "rcuc/5 runnable for 21 s (still runnable at the
 *                    end): RCU CPU stall warning (rcu_cpu_stall_timeout 21 s); system deadlock risk"
 */
public record StarvationFinding(String task, int cpu, String level, long waitNs, boolean runnableAtEnd,
                                long thresholdNs, String message) {
}
