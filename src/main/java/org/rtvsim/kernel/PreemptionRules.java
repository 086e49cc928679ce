package org.rtvsim.kernel;

import org.rtvsim.scenario.PreemptModel;
import org.rtvsim.scenario.SegmentKind;

/**
 * The table of the design brief: how a preemption model treats each kind of segment.
 *
 * <pre>
 * kind           none / voluntary            full / lazy    rt
 * user           preemptible                 preemptible    preemptible
 * kernel         preempt off (*)             preemptible    preemptible
 * spinlock       preempt off                 preempt off    preemptible (rt_mutex)
 * raw_spinlock   preempt off                 preempt off    preempt off
 * irqoff         irqs off                    irqs off       irqs off
 * softirq        preempt off                 preempt off    preemptible (task context)
 * </pre>
 * (*) none: until the return to user space (segment boundaries inside the kernel are not
 * preemption points); voluntary: until the next might_resched point, modelled as boundaries
 * between kernel segments plus a point every {@code cond_resched_gap} of a long one's executed time,
 * counted from its start (interrupts that pause it do not move the points).
 * Hardirq handlers always run with irqs off; on {@code rt} device handlers are threaded
 * (see {@link Cpu}), timer and IPI handlers never are.
 *
 * @see <a href="https://www.kernel.org/doc/html/latest/locking/locktypes.html">locktypes.rst</a>
 */
public final class PreemptionRules {
    private final PreemptModel model;

    public PreemptionRules(PreemptModel model) {
        this.model = model;
    }

    public PreemptModel model() {
        return model;
    }

    public boolean irqsOff(SegmentKind kind) {
        return kind == SegmentKind.IRQOFF;
    }

    public boolean preemptOff(SegmentKind kind) {
        return switch (kind) {
            case USER -> false;
            case KERNEL -> model == PreemptModel.NONE || model == PreemptModel.VOLUNTARY;
            case SPINLOCK, SOFTIRQ -> model != PreemptModel.RT;
            case RAW_SPINLOCK, IRQOFF -> true;
        };
    }

    /** Whether the segment runs in cond_resched-gap chunks (voluntary kernel code). */
    public boolean chunked(SegmentKind kind) {
        return model == PreemptModel.VOLUNTARY && kind == SegmentKind.KERNEL;
    }

    /**
     * Whether the boundary between two segments of a task is a preemption point.
     *
     * @param next the next segment's kind, or null when the task leaves the CPU (sleeps or blocks)
     */
    public boolean boundaryIsPoint(SegmentKind next) {
        if (model == PreemptModel.NONE) {
            return next == null || next == SegmentKind.USER;
        }
        return true;
    }

    /** What a wake-up asks of the CPU: nothing, a reschedule now, or one at the next tick or return to user. */
    public enum Resched { NONE, NOW, LAZY }

    /**
     * The wake-up preemption rule: a woken task preempts the current one (null: the CPU idles) when its
     * priority is higher — unless it is real-time and the RT class is throttled; a woken fair task
     * preempts a fair task when EEVDF says so ({@code fairPreempts}: wakeup_preempt_fair), at once, or
     * lazily under PREEMPT_LAZY.
     */
    public Resched onWakeup(Task woken, Task current, boolean rtThrottled, boolean fairPreempts) {
        if (current == null) {
            return Resched.NOW;
        }
        if (woken.priority > current.priority) {
            return rtThrottled && woken.priority >= 0 && woken.priority < Task.DL_PRIO ? Resched.NONE : Resched.NOW;
        }
        if (woken.priority < 0 && current.priority < 0 && fairPreempts) {
            return lazyFair() ? Resched.LAZY : Resched.NOW;
        }
        return Resched.NONE;
    }

    /** Whether device interrupt handlers run in IRQ threads (forced threading on PREEMPT_RT). */
    public boolean threadedIrqs() {
        return model == PreemptModel.RT;
    }

    /** Whether a fair-class wakeup waits for the tick or the return to user (PREEMPT_LAZY). */
    public boolean lazyFair() {
        return model == PreemptModel.LAZY;
    }
}
