package org.rtvsim.measure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What rtla osnoise measures, read from the model's CPU occupancy ({@link TraceSink#occupy}): on each CPU that
 * runs an osnoise workload thread ({@code osnoise/N}), every stretch of time inside a sample window
 * {@code [releaseNs + k·periodNs, … + runtimeNs)} during which that thread does not run is noise. A sample's noise
 * is the sum of its stretches; a single noise is one contiguous stretch (rtla's "Max Single"). Occurrences are
 * counted by what takes the CPU: a hardirq frame (IRQ), a softirq (Softirq), another task (Thread), missing supply —
 * an SMI, a descheduled vCPU — (HW: rtla sees these only as unexplained gaps); NMIs are not modelled (0). A context
 * switch is noise time without an occurrence of its own (the thread it switches to is counted). Idle time (the
 * thread asleep between samples) is neither runtime nor noise.
 *
 * <p>Only sample windows that start at or after {@code fromNs} (the warm-up's end) count; the last one may be cut by
 * the run's end (its runtime then counts only up to there). Passive: it changes nothing in the model.
 */
public final class OsnoiseRecorder implements TraceSink {
    private final long fromNs;
    private final long releaseNs;
    private final long periodNs;
    private final long runtimeNs;
    /** The first sample window that starts at or after {@code fromNs}: earlier ones are not counted. */
    private final long firstSample;
    private final Map<Integer, PerCpu> cpus = new HashMap<>();

    /** Per CPU: the osnoise thread's name and what was counted so far. */
    private static final class PerCpu {
        final String thread;
        long lastNs = -1;
        Slice lastKind;
        String lastTask;
        boolean inNoise;
        long singleNs;
        long maxSingleNs;
        long noiseNs;
        long hw;
        long irq;
        long softirq;
        long threads;
        final Map<Long, Long> noisePerSample = new HashMap<>();

        PerCpu(String thread) {
            this.thread = thread;
        }
    }

    /** One CPU's result, times in ns: {@code samples} windows of {@code runtimeNs} each. */
    public record CpuNoise(int cpu, long samples, long runtimeNs, long noiseNs, long maxSampleNoiseNs,
                           long maxSingleNs, long hw, long nmi, long irq, long softirq, long thread) {
    }

    /**
     * Watches CPUs {@code threads.keySet()}, each running the osnoise thread named by the map, whose samples start at
     * {@code releaseNs + k·periodNs} and last {@code runtimeNs}; counts from {@code fromNs} on.
     */
    public OsnoiseRecorder(Map<Integer, String> threads, long fromNs, long releaseNs, long periodNs, long runtimeNs) {
        if (periodNs <= 0 || runtimeNs <= 0 || runtimeNs > periodNs) {
            throw new IllegalArgumentException("need 0 < runtime <= period, got " + runtimeNs + " and " + periodNs);
        }
        this.fromNs = fromNs;
        this.releaseNs = releaseNs;
        this.periodNs = periodNs;
        this.runtimeNs = runtimeNs;
        this.firstSample = Math.max(0, Math.floorDiv(fromNs - releaseNs + periodNs - 1, periodNs));
        threads.forEach((cpu, name) -> cpus.put(cpu, new PerCpu(name)));
    }

    @Override
    public boolean wants(long tNs) {
        return true;
    }

    @Override
    public void occupy(long tNs, int cpu, Slice kind, String label, String task) {
        PerCpu c = cpus.get(cpu);
        if (c == null) {
            return;
        }
        advance(c, tNs);
        boolean noise = isNoise(c, kind, task);
        if (noise && tNs >= fromNs && inWindow(tNs)) {
            switch (kind) {
                case HARDIRQ -> c.irq++;
                case SOFTIRQ -> {
                    if (c.lastKind != Slice.SOFTIRQ) {
                        c.softirq++;
                    }
                }
                case NO_SUPPLY -> {
                    if (c.lastKind != Slice.NO_SUPPLY) {
                        c.hw++;
                    }
                }
                case TASK -> {
                    if (c.lastKind != Slice.TASK || !task.equals(c.lastTask)) {
                        c.threads++;
                    }
                }
                default -> {
                }
            }
        }
        c.lastKind = kind;
        c.lastTask = task;
    }

    private static boolean isNoise(PerCpu c, Slice kind, String task) {
        return kind != Slice.IDLE && !(kind == Slice.TASK && c.thread.equals(task));
    }

    /** Charges the time from the CPU's last event to {@code tNs} to what occupied it. */
    private void advance(PerCpu c, long tNs) {
        if (c.lastNs >= 0 && c.lastKind != null && tNs > c.lastNs) {
            boolean noise = isNoise(c, c.lastKind, c.lastTask);
            long a = Math.max(c.lastNs, fromNs);
            if (noise && tNs > a) {
                // split by sample window; only time inside windows counts
                long t = a;
                while (t < tNs) {
                    long k = Math.floorDiv(t - releaseNs, periodNs);
                    long ws = releaseNs + k * periodNs;
                    long we = ws + runtimeNs;
                    long end = Math.min(tNs, ws + periodNs);
                    long inA = Math.max(t, ws);
                    long inB = Math.min(end, we);
                    if (inB > inA && k >= firstSample) {
                        long d = inB - inA;
                        c.noiseNs += d;
                        c.noisePerSample.merge(k, d, Long::sum);
                        c.singleNs += d;
                        c.maxSingleNs = Math.max(c.maxSingleNs, c.singleNs);
                    }
                    t = end;
                }
            } else if (!noise && c.lastKind != Slice.IDLE) {
                c.singleNs = 0;
            }
            if (c.lastKind == Slice.IDLE) {
                c.singleNs = 0;
            }
        }
        c.lastNs = tNs;
    }

    private boolean inWindow(long tNs) {
        long k = Math.floorDiv(tNs - releaseNs, periodNs);
        return k >= firstSample && tNs < releaseNs + k * periodNs + runtimeNs;
    }

    @Override
    public void instant(long tNs, int cpu, Instant kind, String task, String detail) {
    }

    @Override
    public void taskState(long tNs, int cpu, String task, TaskState state, String detail) {
    }

    /** The results at simulated time {@code endNs} (the run's end), CPUs ascending. */
    public List<CpuNoise> result(long endNs) {
        List<CpuNoise> out = new ArrayList<>();
        cpus.keySet().stream().sorted().forEach(cpu -> {
            PerCpu c = cpus.get(cpu);
            advance(c, endNs);
            long samples = 0;
            long runtime = 0;
            for (long k = firstSample; releaseNs + k * periodNs < endNs; k++) {
                samples++;
                runtime += Math.min(runtimeNs, endNs - (releaseNs + k * periodNs));
            }
            long maxSample = c.noisePerSample.values().stream().mapToLong(Long::longValue).max().orElse(0);
            out.add(new CpuNoise(cpu, samples, runtime, c.noiseNs, maxSample, c.maxSingleNs, c.hw, 0,
                    c.irq, c.softirq, c.threads));
        });
        return out;
    }
}
