package org.rtvsim.scenario;

import java.util.List;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.DistSpec;

/**
 * One entry of a {@code workload:} list: a one-key map in the scenario ({@code cyclictest:}, {@code periodic:}, …).
 * {@code path} is the component path that names its random streams: the list it is in, its kind and its
 * occurrence among entries of that kind, e.g. {@code host.workload.kernel_activity[0]} (see WorkloadBinder).
 */
public sealed interface WorkloadSpec {

    String path();

    /**
     * The measuring task, with cyclictest's options.
     *
     * @param cpus             thread i is pinned to the i-th CPU of this list (like {@code -a}); null = CPU i
     * @param intervalNs       {@code -i}
     * @param distanceNs       {@code -d}: thread i's interval is interval + i·distance
     * @param latencyTargetNs  {@code --latency}/cpu_dma_latency value written, null = not written (cyclictest
     *                         writes 0 by default)
     * @param affinity         every thread's affinity mask, holding all the threads' CPUs (null: each pinned,
     *                         as with {@code -a}); a thread still starts on its CPU
     */
    record CyclictestSpec(String path, int threads, CpuSet cpus, int priority, SchedPolicy policy,
                          long intervalNs, long distanceNs, boolean mlock, Long latencyTargetNs,
                          double minorFaultProbability, double majorFaultProbability, FairSpec fair,
                          CpuSet affinity) implements WorkloadSpec {
        /** Threads pinned to their CPUs (as cyclictest's {@code -a}). */
        public CyclictestSpec(String path, int threads, CpuSet cpus, int priority, SchedPolicy policy,
                              long intervalNs, long distanceNs, boolean mlock, Long latencyTargetNs,
                              double minorFaultProbability, double majorFaultProbability, FairSpec fair) {
            this(path, threads, cpus, priority, policy, intervalNs, distanceNs, mlock, latencyTargetNs,
                    minorFaultProbability, majorFaultProbability, fair, null);
        }
    }

    /**
     * An RT task set, and the locks its critical sections take ({@code mutexes:}; a lock not declared
     * there is a pthread mutex without a protocol).
     */
    record PeriodicSpec(String path, List<PeriodicTaskSpec> tasks, java.util.Map<String, MutexSpec> mutexes)
            implements WorkloadSpec {
    }

    /**
     * A lock: {@code kind} one of pthread_mutex, rt_mutex, mutex, spinlock, raw_spinlock; {@code protocol}
     * none, inherit or protect (pthread mutexes; the kernel kinds imply theirs); {@code ceiling} the
     * priority of PROTECT, null = the highest priority among the tasks that take it; {@code irqsave} (spinning
     * kinds): taken with {@code *_lock_irqsave}, interrupts off while spinning and holding.
     */
    record MutexSpec(String name, String kind, String protocol, Integer ceiling, boolean irqsave) {
    }

    /**
     * One periodic task. {@code wcet} is drawn at each release; {@code deadlineNs} defaults to the period.
     * {@code locks} are critical sections (locking issue). A {@code deadline}-policy task has the reservation
     * {@code dlRuntimeNs} / {@code deadlineNs} / {@code periodNs} (sched_setattr's runtime, deadline, period);
     * {@code dlRuntimeNs} is 0 for other policies; {@code dlReclaim} is SCHED_FLAG_RECLAIM (GRUB).
     */
    record PeriodicTaskSpec(String name, long periodNs, DistSpec wcet, int priority, SchedPolicy policy, int cpu,
                            long offsetNs, long deadlineNs, List<CriticalSectionSpec> locks, FairSpec fair,
                            CpuSet mask, long dlRuntimeNs, boolean dlReclaim, JobSequenceSpec sequence) {
        /** A task with a SCHED_DEADLINE runtime and reclaim flag whose every job is alike. */
        public PeriodicTaskSpec(String name, long periodNs, DistSpec wcet, int priority, SchedPolicy policy, int cpu,
                                long offsetNs, long deadlineNs, List<CriticalSectionSpec> locks, FairSpec fair,
                                CpuSet mask, long dlRuntimeNs, boolean dlReclaim) {
            this(name, periodNs, wcet, priority, policy, cpu, offsetNs, deadlineNs, locks, fair, mask, dlRuntimeNs,
                    dlReclaim, JobSequenceSpec.EVERY_JOB_ALIKE);
        }

        /** A task with a job sequence, without SCHED_FLAG_RECLAIM. */
        public PeriodicTaskSpec(String name, long periodNs, DistSpec wcet, int priority, SchedPolicy policy, int cpu,
                                long offsetNs, long deadlineNs, List<CriticalSectionSpec> locks, FairSpec fair,
                                CpuSet mask, long dlRuntimeNs, JobSequenceSpec sequence) {
            this(name, periodNs, wcet, priority, policy, cpu, offsetNs, deadlineNs, locks, fair, mask, dlRuntimeNs,
                    false, sequence);
        }

        /** A task with an affinity mask (null: pinned) and a SCHED_DEADLINE runtime (0 for the other policies). */
        public PeriodicTaskSpec(String name, long periodNs, DistSpec wcet, int priority, SchedPolicy policy, int cpu,
                                long offsetNs, long deadlineNs, List<CriticalSectionSpec> locks, FairSpec fair,
                                CpuSet mask, long dlRuntimeNs) {
            this(name, periodNs, wcet, priority, policy, cpu, offsetNs, deadlineNs, locks, fair, mask, dlRuntimeNs,
                    false, JobSequenceSpec.EVERY_JOB_ALIKE);
        }

        /** The task's phases in order: its own period, wcet, deadline and locks as one phase when it has none. */
        public List<JobPhaseSpec> phases() {
            return sequence.phases().isEmpty() ? List.of(new JobPhaseSpec(periodNs, wcet, deadlineNs, locks, 1))
                    : sequence.phases();
        }

        /** Every critical section the task takes, in any phase. */
        public List<CriticalSectionSpec> allLocks() {
            List<CriticalSectionSpec> all = new java.util.ArrayList<>(locks);
            for (JobPhaseSpec p : sequence.phases()) {
                all.addAll(p.locks());
            }
            return all;
        }
        /** A task pinned to {@code cpu}. */
        public PeriodicTaskSpec(String name, long periodNs, DistSpec wcet, int priority, SchedPolicy policy, int cpu,
                                long offsetNs, long deadlineNs, List<CriticalSectionSpec> locks, FairSpec fair) {
            this(name, periodNs, wcet, priority, policy, cpu, offsetNs, deadlineNs, locks, fair, null, 0);
        }

        /** A task with an affinity mask (null: pinned to {@code cpu}), not SCHED_DEADLINE. */
        public PeriodicTaskSpec(String name, long periodNs, DistSpec wcet, int priority, SchedPolicy policy, int cpu,
                                long offsetNs, long deadlineNs, List<CriticalSectionSpec> locks, FairSpec fair,
                                CpuSet mask) {
            this(name, periodNs, wcet, priority, policy, cpu, offsetNs, deadlineNs, locks, fair, mask, 0);
        }

        /** A task pinned to {@code cpu} with a SCHED_DEADLINE runtime (0 for the other policies). */
        public PeriodicTaskSpec(String name, long periodNs, DistSpec wcet, int priority, SchedPolicy policy, int cpu,
                                long offsetNs, long deadlineNs, List<CriticalSectionSpec> locks, FairSpec fair,
                                long dlRuntimeNs) {
            this(name, periodNs, wcet, priority, policy, cpu, offsetNs, deadlineNs, locks, fair, null, dlRuntimeNs);
        }
    }

    /**
     * The order of a periodic task's jobs. {@code phases} (empty: every job is the task's own) run in order,
     * phase i for {@code jobs} consecutive jobs; the whole sequence runs {@code repeat} times (0: until the end
     * of the run), then the task releases no more jobs. {@code shiftOnOverrun}: a release that finds the
     * previous job unfinished waits for its completion and the release grid restarts there (rt-app's relative
     * timer); otherwise the job waits in order at its grid release time.
     */
    record JobSequenceSpec(List<JobPhaseSpec> phases, int repeat, boolean shiftOnOverrun) {
        public static final JobSequenceSpec EVERY_JOB_ALIKE = new JobSequenceSpec(List.of(), 0, false);
    }

    /**
     * One phase of a periodic task: {@code jobs} consecutive jobs with this period, wcet, deadline, locks and
     * synchronisation points ({@code syncs}, in job order).
     */
    record JobPhaseSpec(long periodNs, DistSpec wcet, long deadlineNs, List<CriticalSectionSpec> locks, int jobs,
                        List<SyncOpSpec> syncs) {
        /** A phase without synchronisation points. */
        public JobPhaseSpec(long periodNs, DistSpec wcet, long deadlineNs, List<CriticalSectionSpec> locks, int jobs) {
            this(periodNs, wcet, deadlineNs, locks, jobs, List.of());
        }
    }

    /**
     * A synchronisation point of a job at {@code offsetNs} of its work: {@code barrier} (wait until every use of
     * barrier {@code name} in the workload has arrived), {@code suspend} (sleep until another task resumes this
     * one; {@code name} unused), {@code resume} (wake task {@code name} if it is suspended; never blocks),
     * {@code wait} (sleep on condition variable {@code name} until signalled, releasing {@code mutex} meanwhile
     * when the task holds it, taking it back after), {@code signal} / {@code broadcast} (wake one / every
     * waiter of {@code name}; never block), {@code sleep} (sleep {@code lengthNs}, nanosleep). {@code mutex} is
     * null except for {@code wait}; {@code lengthNs} 0 except for {@code sleep}.
     */
    record SyncOpSpec(long offsetNs, String op, String name, String mutex, long lengthNs) {
        public static final List<String> OPS = List.of("barrier", "suspend", "resume", "wait", "signal", "broadcast",
                "sleep");

        /** A point without a mutex. */
        public SyncOpSpec(long offsetNs, String op, String name) {
            this(offsetNs, op, name, null, 0);
        }

        /** A point with a mutex (a wait's). */
        public SyncOpSpec(long offsetNs, String op, String name, String mutex) {
            this(offsetNs, op, name, mutex, 0);
        }
    }

    /** A critical section of a periodic task: lock name, offset into the job, length. */
    record CriticalSectionSpec(String lock, long offsetNs, long lengthNs) {
    }

    /**
     * SCHED_OTHER tasks looping over syscalls whose kernel paths are typed segments.
     *
     * @param cpus     CPUs the tasks run on (null: the kernel's housekeeping CPUs)
     * @param tasks    tasks per CPU
     * @param locks    spinlock_t and raw_spinlock_t objects its spinlock and raw_spinlock sections spread over
     *                 (uniformly, shared by all its tasks on all CPUs); 0 = sections are durations only
     * @param profile  named mix ({@code idle}, {@code hackbench}, {@code io}, {@code compile}); null when
     *                 {@code segments} are given
     * @param segments explicit syscall path, one loop iteration
     * @param think    user time between syscalls
     * @param sleep    blocking time after a syscall (woken by another CPU), null = never blocks
     * @param sleepProbability probability that a syscall ends by blocking for {@code sleep}
     * @param policy   the tasks' fair policy (other, batch or idle)
     * @param fair     their nice value and slice
     * @param sections overrides of the profile's section-length shape (null: the profile's own)
     * @param affinity every task's affinity mask, holding all of {@code cpus} (null: each pinned to its CPU)
     */
    record KernelActivitySpec(String path, CpuSet cpus, int tasks, int locks, String profile, List<SegmentSpec> segments,
                              DistSpec think, DistSpec sleep, double sleepProbability, SchedPolicy policy,
                              FairSpec fair, SectionShapeSpec sections, CpuSet affinity) implements WorkloadSpec {
        /** Tasks pinned to their CPU of {@code cpus}. */
        public KernelActivitySpec(String path, CpuSet cpus, int tasks, int locks, String profile,
                                  List<SegmentSpec> segments, DistSpec think, DistSpec sleep, double sleepProbability,
                                  SchedPolicy policy, FairSpec fair, SectionShapeSpec sections) {
            this(path, cpus, tasks, locks, profile, segments, think, sleep, sleepProbability, policy, fair, sections,
                    null);
        }
    }

    /**
     * {@code kernel_activity.sections}: the length shape of a profile's lock and irqs-off sections, a lognormal
     * body with a rare Pareto tail, both capped. Each field is NaN where the scenario leaves the profile's value
     * (times in ns). Sources and defaults: docs/model-reference.md §13.
     */
    record SectionShapeSpec(double medianNs, double sigma, double tailAlpha, double tailXminNs, double tailProbability,
                            double capNs) {
    }

    /** One segment of a syscall path; taken with {@code probability} each iteration. */
    record SegmentSpec(SegmentKind kind, DistSpec length, double probability) {
    }

    /**
     * A device interrupt source.
     *
     * @param rateHz           Poisson arrivals at this rate, or 0 when {@code intervalNs} is set
     * @param intervalNs       periodic arrivals, or 0
     * @param cpus             CPUs the interrupt is delivered to (round-robin); null = the kernel's
     *                         {@code irqaffinity}, else all CPUs
     * @param threadedPriority priority of its IRQ thread on {@code rt} (null: kernel default, 50)
     */
    record DeviceIrqSpec(String path, String name, double rateHz, long intervalNs, CpuSet cpus, DistSpec handler,
                         DistSpec softirq, Integer threadedPriority) implements WorkloadSpec {
    }

    /** (in a guest) accesses to emulated devices that exit to qemu (virtualization issue). */
    record EmulatedIoSpec(String path, double rateHz, CpuSet cpus, DistSpec service, boolean needsBql)
            implements WorkloadSpec {
    }

    /** A memory-streaming neighbour (cache issue), streaming a fraction {@code duty} of the time in bursts. */
    record CacheHogSpec(String path, CpuSet cpus, double bandwidthBytesPerS, long footprintBytes, String catClass,
                        double duty, long burstNs)
            implements WorkloadSpec {
        /** Streaming all the time. */
        public CacheHogSpec(String path, CpuSet cpus, double bandwidthBytesPerS, long footprintBytes,
                            String catClass) {
            this(path, cpus, bandwidthBytesPerS, footprintBytes, catClass, 1, Defaults.CACHE_HOG_BURST_NS);
        }
    }

    /** Tasks sharing a mutex (locking issue). */
    record LockSharingSpec(String path, String protocol, Integer ceiling, List<PeriodicTaskSpec> tasks)
            implements WorkloadSpec {
    }
}
