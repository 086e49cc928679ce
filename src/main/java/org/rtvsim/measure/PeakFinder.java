package org.rtvsim.measure;

import java.util.HashMap;
import java.util.Map;
import org.rtvsim.engine.Units;

/**
 * A {@link TraceSink} that finds the worst moment of a run after its warm-up ({@code fromNs}, ns): the
 * interval of the largest latency sample (from its intended wake-up to the sample) and the interval of
 * the worst periodic job (release to completion): the one with the largest response time relative to its
 * deadline, so a job that misses its deadline outranks a long job of a task with a long deadline; with
 * no deadline given, the longest. Memory is constant (one entry per task that waited on a lock).
 *
 * <p>Both are read from the values the workloads report, so they agree with the run's own tables:
 * sample values from the {@link TraceSink.Instant#SAMPLE} detail ({@code "12.345 us"}), counted when the
 * intended wake-up is after warm-up (as cyclictest's recorder counts them); job responses from the
 * {@link TraceSink.Instant#JOB_END} detail, counted when the job was released after warm-up (as the
 * task table counts them). A job's end is reported by the task set itself, so jobs that queue behind
 * an overrunning one (and never sleep in between) are measured from their own release.
 */
public final class PeakFinder implements TraceSink {

    /**
     * The worst interval found, {@code [startNs, endNs]}; {@code what} describes it for the user.
     * {@code focusNs} is the moment to centre a picture on: for a job that waited on a lock, the first
     * priority inversion of the job (the lock holder displaced by a task of lower priority than the
     * waiter, while the waiter is blocked), else -1 (then the middle of the interval).
     */
    public record Peak(long startNs, long endNs, String task, String what, long focusNs, long blockedNs) {
        public Peak(long startNs, long endNs, String task, String what) {
            this(startNs, endNs, task, what, -1, -1);
        }

        /**
         * A window {@code widthNs} wide: with an inversion whose wait began (the waiter blocked) less than
         * 0.8 of the width before it, from just before the wait began (a tenth of the width), so the picture shows the
         * waiter blocking, the holder running and then being displaced; otherwise centred on {@link #centreNs()}.
         */
        public long windowStartNs(long widthNs) {
            if (focusNs >= 0 && blockedNs >= 0 && focusNs - blockedNs < widthNs * 8 / 10) {
                return Math.max(0, blockedNs - widthNs / 10);
            }
            return Math.max(0, centreNs() - widthNs / 2);
        }

        /** The focus if there is one, else the middle of the interval. */
        public long centreNs() {
            return focusNs >= 0 ? focusNs : startNs + (endNs - startNs) / 2;
        }
    }

    /** A blocked waiter: since when, on whom, and the first inversion of its current job (-1: none yet). */
    private static final class Waiter {
        String holder;
        boolean blocked;
        long inversionNs = -1;
        long blockedNs = -1;
        long blockedAtInversionNs = -1;
    }

    private final Map<String, Waiter> waiters = new HashMap<>();
    private final Map<String, Integer> prios = new HashMap<>();
    private final Map<String, Integer> cpuOf = new HashMap<>();

    private final long fromNs;
    private Peak sample;
    private long sampleNs = -1;
    private Peak job;
    private double jobBadness = -1;

    /** Looks at events from {@code fromNs} on (the end of the warm-up). */
    public PeakFinder(long fromNs) {
        this.fromNs = fromNs;
    }

    @Override
    public void describeTask(String task, int pid, int kernelPrio) {
        prios.put(task, kernelPrio);
    }

    /** A task other than a blocked waiter's lock holder, of lower priority than the waiter, takes the holder's CPU. */
    @Override
    public void occupy(long tNs, int cpu, Slice kind, String label, String task) {
        if (task == null || (kind != Slice.TASK && kind != Slice.SWITCH) || waiters.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Waiter> e : waiters.entrySet()) {
            Waiter w = e.getValue();
            if (w.blocked && w.inversionNs < 0 && !task.equals(w.holder) && !task.equals(e.getKey())
                    && Integer.valueOf(cpu).equals(cpuOf.get(w.holder))
                    && prios.getOrDefault(task, 120) > prios.getOrDefault(e.getKey(), 120)) {
                w.inversionNs = tNs;
                w.blockedAtInversionNs = w.blockedNs;
            }
        }
    }

    @Override
    public void instant(long tNs, int cpu, Instant kind, String task, String detail) {
        if (kind == Instant.LOCK_CONTENDED && task != null && detail != null && detail.contains(" held by ")) {
            Waiter w = waiters.computeIfAbsent(task, k -> new Waiter());
            w.holder = detail.substring(detail.indexOf(" held by ") + 9);
            w.blocked = true;
            w.blockedNs = tNs;
            return;
        }
        if (kind == Instant.LOCK_ACQUIRE && task != null && waiters.containsKey(task)) {
            waiters.get(task).blocked = false;
            return;
        }
        if ((kind != Instant.SAMPLE && kind != Instant.JOB_END) || detail == null) {
            return;
        }
        long valueNs;
        long deadlineNs = 0;
        try {
            String[] parts = detail.split(" deadline ");
            valueNs = Units.durationNs(parts[0].replace(" ", ""));
            if (parts.length > 1) {
                deadlineNs = Units.durationNs(parts[1].replace(" ", ""));
            }
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
        } else {
            Waiter w = waiters.get(task);
            long focus = w == null || w.inversionNs < tNs - valueNs ? -1 : w.inversionNs;
            long blocked = focus < 0 ? -1 : w.blockedAtInversionNs;
            if (w != null) {
                w.inversionNs = -1;
            }
            // the worst job is the one most late against its deadline (response / deadline); without deadlines, the longest
            double badness = deadlineNs > 0 ? (double) valueNs / deadlineNs : valueNs;
            if (badness > jobBadness) {
                jobBadness = badness;
                job = new Peak(tNs - valueNs, tNs, task, "max response time " + Units.formatNs(valueNs)
                        + " of " + task + (deadlineNs > 0 ? String.format(java.util.Locale.ROOT,
                        " (%.0f %% of its %s deadline)", 100.0 * valueNs / deadlineNs, Units.formatNs(deadlineNs)) : "")
                        + (focus >= 0 ? ", priority inversion from " + secondsOf(focus) : ""), focus, blocked);
            }
        }
    }

    @Override
    public void taskState(long tNs, int cpu, String task, TaskState state, String detail) {
        cpuOf.put(task, cpu);
    }

    private static String secondsOf(long ns) {
        return java.math.BigDecimal.valueOf(ns, 9).toPlainString() + " s";
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
