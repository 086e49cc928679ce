package org.rtvsim.scenario;

/**
 * What a piece of work is, as the workload describes it; the preemption model decides what it
 * means for preemption and interrupts (see {@code kernel.PreemptionRules}).
 */
public enum SegmentKind {
    /** User-space code: always preemptible. */
    USER,
    /** Kernel code holding no lock. */
    KERNEL,
    /** A {@code spinlock_t} critical section (a sleeping rt_mutex on PREEMPT_RT). */
    SPINLOCK,
    /** A {@code raw_spinlock_t} critical section: preemption off in every model. */
    RAW_SPINLOCK,
    /** A {@code local_irq_disable()} / {@code raw_spin_lock_irqsave()} section: interrupts off. */
    IRQOFF,
    /** Softirq processing (raised by a hardirq; where it runs depends on the model). */
    SOFTIRQ;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
