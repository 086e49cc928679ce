package org.rtvsim.workload;

import org.rtvsim.engine.CpuSet;
import org.rtvsim.hw.Cache;
import org.rtvsim.hw.CacheStreamer;
import org.rtvsim.kernel.Kernel;
import org.rtvsim.kernel.Task;
import org.rtvsim.kernel.TaskBehaviour;
import org.rtvsim.scenario.SchedPolicy;
import org.rtvsim.scenario.SegmentKind;
import org.rtvsim.scenario.WorkloadSpec.CacheHogSpec;

/**
 * A memory-streaming neighbour (like {@code stress-ng --vm}): one SCHED_OTHER task per CPU of its set,
 * streaming {@code bandwidth} bytes/s (all its CPUs together) through its ways of the LLC — the ways of
 * its CAT class, so with CAT it cannot evict another class's lines ({@link Cache}) — and, while each task
 * runs, its share through the private L2 of that CPU, which CAT does not protect.
 *
 * <p>With {@code duty = 1} it streams and is runnable all the time, and its LLC pressure continues
 * while real-time tasks preempt it (an upper bound). With {@code duty < 1} it streams in bursts
 * ({@link CacheStreamer}): its tasks run during a burst and sleep (clock_nanosleep) between bursts.
 */
public final class CacheHog {
    private static final long CHUNK_NS = 1_000_000;
    private final Task[] tasks;

    public CacheHog(Kernel kernel, CacheHogSpec spec, Cache cache, long waysMask) {
        CpuSet cpus = spec.cpus() != null ? spec.cpus() : kernel.housekeeping();
        int blame = kernel.blames().id("cache_hog: user code");
        CacheStreamer streamer = cache.addStreamer(waysMask, spec.bandwidthBytesPerS(), spec.duty(), spec.burstNs(),
                spec.path());
        TaskBehaviour busy;
        if (spec.duty() >= 1) {
            busy = t -> t.run(CHUNK_NS, SegmentKind.USER, blame);
        } else {
            int timer = kernel.blames().id("cache_hog: burst timer");
            busy = t -> {
                long now = t.now();
                long next = streamer.nextSwitchAfter(now);
                if (streamer.onAt(now)) {
                    t.run(Math.min(CHUNK_NS, next - now), SegmentKind.USER, blame);
                } else {
                    t.sleepUntil(next, timer);
                }
            };
        }
        tasks = new Task[cpus.size()];
        int i = 0;
        for (int cpu : cpus) {
            tasks[i] = kernel.createTask("cache_hog/" + cpu, SchedPolicy.OTHER, 0, cpu, busy);
            cache.addPrivateFiller(tasks[i], spec.bandwidthBytesPerS() / cpus.size());
            i++;
        }
    }

    public void start() {
        for (Task t : tasks) {
            t.kernel().wakeLocal(t);
        }
    }
}
