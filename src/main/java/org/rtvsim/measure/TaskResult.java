package org.rtvsim.measure;

import java.util.List;

/**
 * The response times of one periodic real-time task over a run, in nanoseconds from each job's
 * release to its completion, with the count of jobs that missed their deadline.
 *
 * <p>{@code worstJob} splits the worst response time into the labels of what happened meanwhile (null
 * when the job's attribution was not recorded).
 */
public record TaskResult(String task, int cpu, int priority, long periodNs, long deadlineNs, long jobs,
                         long minNs, long maxNs, long sumNs, long deadlineMisses, List<Percentile> percentiles,
                         Attribution worstJob) {
    public TaskResult {
        percentiles = List.copyOf(percentiles);
    }

    /** The exact mean response time in nanoseconds (0 without jobs). */
    public double avgNs() {
        return jobs == 0 ? 0.0 : (double) sumNs / jobs;
    }
}
