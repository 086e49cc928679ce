package org.rtvsim.scenario;

import org.rtvsim.engine.DistSpec;

/**
 * The kernel's own per-CPU housekeeping work ({@code kernel.housekeeping:}, host or guest kernel): RCU
 * callback batches, vmstat updates, workqueue items and timer-wheel softirq work. A null source is off;
 * the whole record is null for {@code housekeeping: off} (and is ignored under {@code overheads: none}).
 * Times in ns, rates in Hz. Defaults and sources: docs/model-reference.md §7b.
 *
 * @param rcuCallbacks   RCU callback batches per CPU (Poisson), invoked from the tick
 * @param vmstat         vmstat_update per CPU every {@code intervalNs}, in the CPU's kworker
 * @param kworker        workqueue items on housekeeping CPUs (per-CPU and unbound)
 * @param timerSoftirq   timer-wheel expiries per CPU (Poisson), run as TIMER softirq at the tick
 * @param rcuKthreadPrio {@code rcutree.kthread_prio}: SCHED_FIFO priority of rcuc/rcuo kthreads, 0 =
 *                       SCHED_OTHER; -1 = the kernel default (1 on {@code rt}, RCU_BOOST; else 0)
 */
public record HousekeepingSpec(RateWork rcuCallbacks, PeriodicWork vmstat, KworkerWork kworker,
                               RateWork timerSoftirq, int rcuKthreadPrio) {

    /** Work arriving as a Poisson stream of {@code rateHz} per CPU, each piece lasting a draw of {@code duration}. */
    public record RateWork(double rateHz, DistSpec duration) {
    }

    /** Work due every {@code intervalNs} per CPU, each time lasting a draw of {@code duration}. */
    public record PeriodicWork(long intervalNs, DistSpec duration) {
    }

    /**
     * Workqueue items: {@code rateHz} per housekeeping CPU on its per-CPU kworker, plus {@code unboundRateHz}
     * in all spread uniformly over the housekeeping CPUs (the workqueue cpumask).
     */
    public record KworkerWork(double rateHz, double unboundRateHz, DistSpec duration) {
    }

    /** The kernel default of {@code rcutree.kthread_prio} for a preemption model. */
    public int effectiveRcuKthreadPrio(PreemptModel preempt) {
        return rcuKthreadPrio >= 0 ? rcuKthreadPrio : (preempt == PreemptModel.RT ? 1 : 0);
    }
}
