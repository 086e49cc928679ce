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
 * <p>Each single noise of at least the threshold is also counted, truncated to whole µs, in a per-CPU histogram:
 * what the kernel's {@code osnoise:sample_threshold} event reports and {@code rtla osnoise hist} collects
 * ({@code run_osnoise()} in Linux {@code kernel/trace/trace_osnoise.c} emits it for every gap between two of the
 * thread's time reads of at least {@code tracing_thresh}, 5 µs when unset). A single noise ends when the osnoise
 * thread runs again, when the CPU idles or at its sample window's end.
 *
 * <p>Only sample windows that start at or after {@code fromNs} (the warm-up's end) count; the last one may be cut by
 * the run's end (its runtime then counts only up to there). A guest's CPUs are watched under their trace numbers
 * ({@code traceBase + cpu}, tasks named with the guest's prefix, as {@code Kernel.setTrace} numbers them) and
 * reported under their own. Passive: it changes nothing in the model.
 */
public final class OsnoiseRecorder implements TraceSink {
    private final long fromNs;
    private final long releaseNs;
    private final long periodNs;
    private final long runtimeNs;
    /** The first sample window that starts at or after {@code fromNs}: earlier ones are not counted. */
    private final long firstSample;
    private final long thresholdNs;
    private final Map<Integer, PerCpu> cpus = new HashMap<>();

    /** Per CPU: the osnoise thread's name and what was counted so far. */
    private static final class PerCpu {
        final int cpu;
        final String thread;
        /** The current single noise's length for the histogram (closed at a sample window's end). */
        long stretchNs;
        final MicrosecondCounts single = new MicrosecondCounts();
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

        PerCpu(int cpu, String thread) {
            this.cpu = cpu;
            this.thread = thread;
        }
    }

    /**
     * One CPU's result, times in ns: {@code samples} windows of {@code runtimeNs} each; {@code single} the single
     * noises of at least the threshold, in µs (empty where a result is built from numbers alone).
     */
    public record CpuNoise(int cpu, long samples, long runtimeNs, long noiseNs, long maxSampleNoiseNs,
                           long maxSingleNs, long hw, long nmi, long irq, long softirq, long thread,
                           MicrosecondCounts single) {

        /** A result without a histogram of single noises (the top view's numbers only). */
        public CpuNoise(int cpu, long samples, long runtimeNs, long noiseNs, long maxSampleNoiseNs,
                        long maxSingleNs, long hw, long nmi, long irq, long softirq, long thread) {
            this(cpu, samples, runtimeNs, noiseNs, maxSampleNoiseNs, maxSingleNs, hw, nmi, irq, softirq, thread,
                    new MicrosecondCounts());
        }
    }

    /**
     * Watches CPUs {@code threads.keySet()}, each running the osnoise thread named by the map, whose samples start at
     * {@code releaseNs + k·periodNs} and last {@code runtimeNs}; counts from {@code fromNs} on.
     */
    public OsnoiseRecorder(Map<Integer, String> threads, long fromNs, long releaseNs, long periodNs, long runtimeNs) {
        this(threads, 0, "", 5_000, fromNs, releaseNs, periodNs, runtimeNs);
    }

    /**
     * As {@link #OsnoiseRecorder(Map, long, long, long, long)} for the CPUs of a kernel whose trace CPUs are numbered
     * from {@code traceBase} and whose task names carry {@code taskPrefix} (a guest's; 0 and "" for the host), counting
     * single noises of at least {@code thresholdNs} in the histogram.
     */
    public OsnoiseRecorder(Map<Integer, String> threads, int traceBase, String taskPrefix, long thresholdNs,
                           long fromNs, long releaseNs, long periodNs, long runtimeNs) {
        if (thresholdNs <= 0) {
            throw new IllegalArgumentException("need a positive threshold, got " + thresholdNs);
        }
        this.thresholdNs = thresholdNs;
        if (periodNs <= 0 || runtimeNs <= 0 || runtimeNs > periodNs) {
            throw new IllegalArgumentException("need 0 < runtime <= period, got " + runtimeNs + " and " + periodNs);
        }
        this.fromNs = fromNs;
        this.releaseNs = releaseNs;
        this.periodNs = periodNs;
        this.runtimeNs = runtimeNs;
        this.firstSample = Math.max(0, Math.floorDiv(fromNs - releaseNs + periodNs - 1, periodNs));
        threads.forEach((cpu, name) -> cpus.put(traceBase + cpu, new PerCpu(cpu, taskPrefix + name)));
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
                        c.stretchNs += d;
                        if (inB == we) {
                            endSingle(c);
                        }
                    }
                    t = end;
                }
            } else if (!noise && c.lastKind != Slice.IDLE) {
                c.singleNs = 0;
                endSingle(c);
            }
            if (c.lastKind == Slice.IDLE) {
                c.singleNs = 0;
                endSingle(c);
            }
        }
        c.lastNs = tNs;
    }

    /** The current single noise ends: into the histogram if it reaches the threshold. */
    private void endSingle(PerCpu c) {
        if (c.stretchNs >= thresholdNs) {
            c.single.addNs(c.stretchNs);
        }
        c.stretchNs = 0;
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
        cpus.keySet().stream().sorted().forEach(traceCpu -> {
            PerCpu c = cpus.get(traceCpu);
            advance(c, endNs);
            long samples = 0;
            long runtime = 0;
            for (long k = firstSample; releaseNs + k * periodNs < endNs; k++) {
                samples++;
                runtime += Math.min(runtimeNs, endNs - (releaseNs + k * periodNs));
            }
            long maxSample = c.noisePerSample.values().stream().mapToLong(Long::longValue).max().orElse(0);
            out.add(new CpuNoise(c.cpu, samples, runtime, c.noiseNs, maxSample, c.maxSingleNs, c.hw, 0,
                    c.irq, c.softirq, c.threads, c.single.copy()));
        });
        return out;
    }
}
