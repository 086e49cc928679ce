package org.rtvsim.measure;

/**
 * The longest time one task was runnable but not running (from being woken or preempted until it was
 * next picked to run), in ns over the whole run, warm-up included.
 *
 * @param task          task name ({@code rcuc/5}, {@code kworker/5:1}, a cyclictest thread …)
 * @param cpu           the CPU it is pinned to
 * @param policy        {@code fifo}, {@code rr} or {@code other}
 * @param priority      its static priority (-1 for SCHED_OTHER)
 * @param kthread       whether it is a kernel thread (the starvation findings judge only these)
 * @param longestNs     the longest wait; a wait still going on at the end counts up to the end
 * @param startNs       when that wait began (simulated time), -1 when the task never waited
 * @param runnableAtEnd the longest wait was still going on when the run ended
 */
public record TaskWait(String task, int cpu, String policy, int priority, boolean kthread, long longestNs,
                       long startNs, boolean runnableAtEnd) {
}
