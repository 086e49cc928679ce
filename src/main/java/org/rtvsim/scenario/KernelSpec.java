package org.rtvsim.scenario;

import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.DistSpec;

/**
 * A kernel's configuration ({@code host.kernel:} or {@code vms[i].kernel:}). One {@code Kernel} class
 * reads it; PREEMPT vs PREEMPT_RT is this record's {@link #preempt} value, not a class hierarchy.
 *
 * @param preempt           preemption model
 * @param hz                tick frequency (CONFIG_HZ)
 * @param isolcpus          CPUs removed from the default affinity of tasks without explicit CPUs
 * @param nohzFull          CPUs whose tick stops while they run at most one task
 * @param rcuNocbs          CPUs whose RCU callbacks are offloaded (effect with the housekeeping model)
 * @param irqaffinity       default CPUs for device interrupts (empty = all CPUs)
 * @param rtThrottling      RT bandwidth limit, null for {@code "off"}
 * @param overheads         {@code none} removes all kernel costs (for textbook task sets)
 * @param costs             the kernel path costs (durations in ns)
 * @param condReschedGapNs  under {@code voluntary}: longest kernel run between two might_resched points
 * @param rrTimesliceNs     SCHED_RR timeslice (sched_rr_timeslice_ms)
 * @param fairSliceNs       SCHED_OTHER slice of the fair-share approximation
 * @param irqThreadPriority SCHED_FIFO priority of threaded IRQ handlers on {@code rt}
 * @param rtKvm             the RT KVM switches (virtualization issue); may be null
 * @param housekeeping      the kernel's per-CPU housekeeping work; null for {@code housekeeping: off}
 * @param timerSlackNs      timer slack of non-RT tasks' sleeps (task->timer_slack_ns); RT tasks have none
 * @param stockSections     the long sections of a stock kernel (all sources off unless the scenario turns them on)
 * @param version           {@code version:} as "MAJOR.MINOR", or null (unset: the classic RT throttling)
 * @param fairServer        the per-CPU fair server of 6.12+ kernels, null below 6.12 or for {@code fair_server: off}
 */
public record KernelSpec(
        PreemptModel preempt,
        int hz,
        CpuSet isolcpus,
        CpuSet nohzFull,
        CpuSet rcuNocbs,
        CpuSet irqaffinity,
        RtThrottlingSpec rtThrottling,
        Overheads overheads,
        KernelCostsSpec costs,
        long condReschedGapNs,
        long rrTimesliceNs,
        long fairSliceNs,
        int irqThreadPriority,
        RtKvmSpec rtKvm,
        HousekeepingSpec housekeeping,
        long timerSlackNs,
        StockSectionsSpec stockSections,
        String version,
        FairServerSpec fairServer) {

    /** Whether the kernel is 6.12 or later: deadline servers, and no RT throttling by default. */
    public boolean dlServerKernel() {
        return atLeast(version, 6, 12);
    }

    /** The RT throttling that acts (kernels before 6.12 only), or null. */
    public RtThrottlingSpec classicRtThrottling() {
        return dlServerKernel() ? null : rtThrottling;
    }

    /** Whether {@code version} ("MAJOR.MINOR[...]", null = unset) is at least major.minor. */
    static boolean atLeast(String version, int major, int minor) {
        if (version == null) {
            return false;
        }
        String[] p = version.split("\\.");
        int ma = Integer.parseInt(p[0]);
        int mi = p.length > 1 ? Integer.parseInt(p[1].replaceAll("[^0-9].*$", "")) : 0;
        return ma > major || ma == major && mi >= minor;
    }

    /** {@code fair_server: {runtime: 50ms, period: 1s}}: the fair server's reservation per CPU. */
    public record FairServerSpec(long runtimeNs, long periodNs) {
    }


    /** {@code rt_throttling: {runtime: 950ms, period: 1s}}. */
    public record RtThrottlingSpec(long runtimeNs, long periodNs) {
    }

    /** {@code rt_kvm:} switches of the seed talk (used by the virtualization layer). */
    public record RtKvmSpec(boolean extendedRcuQsInGuest, boolean kvmclockPeriodicSync, boolean stopTickForFifo,
                            String timerAdvance) {
    }

    /**
     * Costs of the kernel paths on the wake-up path and of housekeeping, as distributions in ns
     * ({@code host.kernel.costs:}). Defaults and sources: docs/model-reference.md.
     *
     * @param irqEntry      hardware interrupt entry + exit (vector entry, irq_enter/irq_exit) of the timer,
     *                      device and reschedule-IPI hardirqs
     * @param timerExpiry   hrtimer_interrupt handling of one expired timer incl. try_to_wake_up
     * @param contextSwitch __schedule + switch_to, irqs off
     * @param returnToUser  return from clock_nanosleep to user space (cyclictest's clock read is separate)
     * @param tick          tick handler (tick_sched_timer: update_process_times, scheduler_tick)
     * @param ipi           reschedule IPI handler on the receiving CPU, after {@code irqEntry}
     * @param irqThreadStub on {@code rt}: the primary handler that only wakes the IRQ thread
     * @param wakeup        enqueue of one remotely woken task in the reschedule IPI on its CPU
     * @param pageFaultMinor a minor page fault on the latency path (when cyclictest runs without mlock)
     * @param pageFaultMajor a major page fault (the page comes from storage)
     *                      (ttwu_do_activate), once per queued task
     */
    public record KernelCostsSpec(
            DistSpec irqEntry,
            DistSpec timerExpiry,
            DistSpec contextSwitch,
            DistSpec returnToUser,
            DistSpec tick,
            DistSpec ipi,
            DistSpec irqThreadStub,
            DistSpec wakeup,
            DistSpec pageFaultMinor,
            DistSpec pageFaultMajor) {
    }
}
