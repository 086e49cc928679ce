package org.rtvsim.measure;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.rtvsim.engine.Units;

/**
 * A {@link TraceSink} that finds the worst moment of a run after its warm-up ({@code fromNs}, ns): the
 * interval of the largest latency sample (from its intended wake-up to the sample) and the interval of
 * the periodic job with the largest response time (release to completion). Memory is constant.
 *
 * <p>Both are read from the values the workloads report, so they agree with the run's own tables:
 * sample values from the {@link TraceSink.Instant#SAMPLE} detail ({@code "12.345 us"}), counted when the
 * intended wake-up is after warm-up (as cyclictest's recorder counts them); job responses from the
 * {@link TraceSink.Instant#JOB_END} detail, counted when the job was released after warm-up (as the
 * task table counts them). A job's end is reported by the task set itself, so jobs that queue behind
 * an overrunning one (and never sleep in between) are measured from their own release.
 */
public final class PeakFinder implements TraceSink {

    /** The worst interval found, {@code [startNs, endNs]}; {@code what} describes it for the user. */
    public record Peak(long startNs, long endNs, String task, String what) {
        /** The middle of the interval. */
        public long centreNs() {
            return startNs + (endNs - startNs) / 2;
        }
    }

    private final long fromNs;
    private Peak sample;
    private long sampleNs = -1;
    private Peak job;
    private long jobNs = -1;

    /** Looks at events from {@code fromNs} on (the end of the warm-up). */
    public PeakFinder(long fromNs) {
        this.fromNs = fromNs;
    }

    @Override
    public void occupy(long tNs, int cpu, Slice kind, String label, String task) {
    }

    @Override
    public void instant(long tNs, int cpu, Instant kind, String task, String detail) {
        if ((kind != Instant.SAMPLE && kind != Instant.JOB_END) || detail == null) {
            return;
        }
        long valueNs;
        try {
            valueNs = Units.durationNs(detail.replace(" ", ""));
        } catch (IllegalArgumentException e) {
            return;
        }
        if (tNs - valueNs < fromNs) {
            return;
        }
        if (kind == Instant.SAMPLE) {
            if (valueNs > sampleNs) {
                sampleNs = valueNs;
                sample = new Peak(tNs - valueNs, tNs, task, "max latency sample " + detail + " of " + task);
            }
        } else if (valueNs > jobNs) {
            jobNs = valueNs;
            job = new Peak(tNs - valueNs, tNs, task, "max response time " + Units.formatNs(valueNs)
                    + " of " + task);
        }
    }

    @Override
    public void taskState(long tNs, int cpu, String task, TaskState state, String detail) {
    }

    @Override
    public boolean wants(long tNs) {
        return tNs >= fromNs;
    }

    /** The largest sample's interval, else the longest job's, else null (nothing seen). */
    public Peak peak() {
        return sample != null ? sample : job;
    }

    /** The longest job's interval, or null when no job released after warm-up completed. */
    public Peak jobPeak() {
        return job;
    }

    /** The largest sample's interval, or null when there was none after warm-up. */
    public Peak samplePeak() {
        return sample;
    }
}
