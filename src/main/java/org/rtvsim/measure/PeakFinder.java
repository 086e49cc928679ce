package org.rtvsim.measure;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.rtvsim.engine.Units;

/**
 * A {@link TraceSink} that finds, from {@code fromNs} on (ns), the worst moment of a run: the interval
 * of the largest latency sample (from its intended wake-up to the sample) or, when there are no
 * samples, the interval of the periodic job with the largest response time (release to completion).
 * Memory is constant: one pending-release queue per task, holding only unfinished jobs.
 *
 * <p>Sample values come from the {@link TraceSink.Instant#SAMPLE} detail ({@code "12.345 us"}); a job
 * completes when its task next reports {@link TraceSink.TaskState#SLEEPING}.
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
    private final Map<String, ArrayDeque<Long>> pendingReleases = new HashMap<>();
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
        if (tNs < fromNs) {
            return;
        }
        if (kind == Instant.SAMPLE && detail != null) {
            long valueNs;
            try {
                valueNs = Units.durationNs(detail);
            } catch (IllegalArgumentException e) {
                return;
            }
            if (valueNs > sampleNs) {
                sampleNs = valueNs;
                sample = new Peak(tNs - valueNs, tNs, task, "max latency sample " + detail + " of " + task);
            }
        } else if (kind == Instant.RELEASE && task != null) {
            pendingReleases.computeIfAbsent(task, k -> new ArrayDeque<>()).addLast(tNs);
        }
    }

    @Override
    public void taskState(long tNs, int cpu, String task, TaskState state, String detail) {
        if (state != TaskState.SLEEPING || tNs < fromNs) {
            return;
        }
        ArrayDeque<Long> pending = pendingReleases.get(task);
        if (pending == null || pending.isEmpty()) {
            return;
        }
        long release = pending.removeFirst();
        if (tNs - release > jobNs) {
            jobNs = tNs - release;
            job = new Peak(release, tNs, task, "max response time " + Units.formatNs(jobNs)
                    + " of " + task);
        }
    }

    @Override
    public boolean wants(long tNs) {
        return tNs >= fromNs;
    }

    /** The largest sample's interval, else the longest job's, else null (nothing seen). */
    public Peak peak() {
        return sample != null ? sample : job;
    }
}
