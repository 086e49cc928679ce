package org.rtvsim.measure;

import java.util.List;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * Records the response times of one periodic task's jobs in nanoseconds (release to completion)
 * and its deadline misses, in constant memory (min/max/sum and an HdrHistogram with 3 significant
 * digits for percentiles).
 *
 * <p>The simulator calls {@link #record} when a job completes. Not thread-safe.
 */
public final class ResponseTimeRecorder {
    private final String task;
    private final int cpu;
    private final int priority;
    private final long periodNs;
    private final long deadlineNs;
    private final Histogram hdr = new Histogram(3);
    private long jobs;
    private long minNs;
    private long maxNs;
    private long sumNs;
    private long deadlineMisses;
    private BlameRegistry blames;
    private int[] worstIds = new int[8];
    private long[] worstParts = new long[8];
    private int worstCount = -1;
    /** The task's CPU share so far (its time on the CPU / the simulated time), or null: unknown. */
    private java.util.function.DoubleSupplier cpuShare;

    public ResponseTimeRecorder(String task, int cpu, int priority, long periodNs, long deadlineNs) {
        this.task = Objects.requireNonNull(task, "task");
        this.cpu = cpu;
        this.priority = priority;
        this.periodNs = periodNs;
        this.deadlineNs = deadlineNs;
    }

    /** Receives the task's job rows (null: none are made). */
    private JobSink jobSink;

    /** Sends every job's row to {@code sink} (a per-job log; observing only). */
    public void jobSink(JobSink sink) {
        this.jobSink = sink;
    }

    /** Whether job rows are wanted, so the task keeps what they need. */
    public boolean logsJobs() {
        return jobSink != null;
    }

    /** One job's row, for the job sink (all jobs, warm-up included). */
    public void logJob(JobRow row) {
        if (jobSink != null) {
            jobSink.job(task, row);
        }
    }

    /** Where the task's CPU share (time on its CPU / simulated time, whole run) is read when the result is made. */
    public void setCpuShare(java.util.function.DoubleSupplier share) {
        this.cpuShare = share;
    }

    /**
     * Records one completed job with its attribution: n (label id, ns) pairs that add up exactly to the
     * response time (an IllegalStateException otherwise — a model invariant). The worst job's is kept.
     */
    public void record(long responseNs, boolean deadlineMissed, int[] ids, long[] parts, int n,
                       BlameRegistry registry) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += parts[i];
        }
        if (sum != responseNs) {
            throw new IllegalStateException(task + ": attribution sums to " + sum + " ns, response time is "
                    + responseNs + " ns");
        }
        boolean worst = jobs == 0 || responseNs > maxNs;
        record(responseNs, deadlineMissed);
        if (worst) {
            blames = registry;
            if (n > worstIds.length) {
                worstIds = java.util.Arrays.copyOf(worstIds, n);
                worstParts = java.util.Arrays.copyOf(worstParts, n);
            }
            System.arraycopy(ids, 0, worstIds, 0, n);
            System.arraycopy(parts, 0, worstParts, 0, n);
            worstCount = n;
        }
    }

    /** Records one completed job's response time and whether it missed its deadline. */
    public void record(long responseNs, boolean deadlineMissed) {
        if (responseNs < 0) {
            throw new IllegalArgumentException(task + ": negative response time " + responseNs + " ns");
        }
        if (jobs == 0 || responseNs < minNs) {
            minNs = responseNs;
        }
        if (jobs == 0 || responseNs > maxNs) {
            maxNs = responseNs;
        }
        jobs++;
        sumNs += responseNs;
        if (deadlineMissed) {
            deadlineMisses++;
        }
        hdr.recordValue(responseNs);
    }

    /** The immutable result with the given percentiles (in percent, e.g. 99.9). */
    public TaskResult result(List<Double> percentiles) {
        Attribution worst = null;
        if (worstCount >= 0 && blames != null) {
            long[] byId = new long[blames.size()];
            for (int i = 0; i < worstCount; i++) {
                byId[worstIds[i]] += worstParts[i];
            }
            worst = new Attribution(maxNs, Attribution.components(byId, byId.length, blames));
        }
        return new TaskResult(task, cpu, priority, periodNs, deadlineNs, jobs, minNs, maxNs, sumNs, deadlineMisses,
                Percentiles.of(hdr, percentiles, minNs, maxNs), worst,
                cpuShare == null ? Double.NaN : cpuShare.getAsDouble());
    }
}
