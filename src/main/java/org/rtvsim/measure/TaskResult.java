package org.rtvsim.measure;

import java.util.List;

/**
 * The response times of one periodic real-time task over a run, in nanoseconds from each job's
 * release to its completion, with the count of jobs that missed their deadline.
 *
 * <p>{@code worstJob} splits the worst response time into the labels of what happened meanwhile (null
 * when the job's attribution was not recorded). {@code cpuShare} is the task's time on its CPU over the simulated
 * time of the whole run (warm-up included; interrupts over the task count as its time), NaN when unknown.
 */
public record TaskResult(String task, int cpu, int priority, long periodNs, long deadlineNs, long jobs,
                         long minNs, long maxNs, long sumNs, long deadlineMisses, List<Percentile> percentiles,
                         Attribution worstJob, double cpuShare) {
    public TaskResult {
        percentiles = List.copyOf(percentiles);
    }

    /** The exact mean response time in nanoseconds (0 without jobs). */
    public double avgNs() {
        return jobs == 0 ? 0.0 : (double) sumNs / jobs;
    }
}
