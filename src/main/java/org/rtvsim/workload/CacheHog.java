package org.rtvsim.workload;

import org.rtvsim.engine.CpuSet;
import org.rtvsim.hw.Cache;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.kernel.Task;
import org.rtvsim.kernel.TaskBehaviour;
import org.rtvsim.scenario.SchedPolicy;
import org.rtvsim.scenario.SegmentKind;
import org.rtvsim.scenario.WorkloadSpec.CacheHogSpec;

/**
 * A memory-streaming neighbour (like {@code stress-ng --vm}): one SCHED_OTHER task per CPU of its set,
 * always runnable, streaming {@code bandwidth} bytes/s through its ways of the LLC — the ways of its CAT
 * class, so with CAT it cannot evict another class's lines ({@link Cache}). It is assumed to stream
 * all the time, also while real-time tasks preempt it (an upper bound on its pressure).
 */
public final class CacheHog {
    private static final long CHUNK_NS = 1_000_000;
    private final Task[] tasks;

    public CacheHog(Kernel kernel, CacheHogSpec spec, Cache cache, long waysMask) {
        CpuSet cpus = spec.cpus() != null ? spec.cpus() : kernel.housekeeping();
        int blame = kernel.blames().id("cache_hog: user code");
        TaskBehaviour busy = t -> t.run(CHUNK_NS, SegmentKind.USER, blame);
        tasks = new Task[cpus.size()];
        int i = 0;
        for (int cpu : cpus) {
            tasks[i++] = kernel.createTask("cache_hog/" + cpu, SchedPolicy.OTHER, 0, cpu, busy);
        }
        cache.addStreamer(waysMask, spec.bandwidthBytesPerS());
    }

    public void start() {
        for (Task t : tasks) {
            t.kernel().wakeLocal(t);
        }
    }
}
