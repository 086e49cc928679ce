package org.rtvsim.kernel;

import org.rtvsim.engine.Phase;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Simulation;

/**
 * A SCHED_DEADLINE scheduling entity (struct sched_dl_entity): a task's reservation, or a CPU's fair server.
 * Parameters {@code dl_runtime ≤ dl_deadline ≤ dl_period}; state the remaining {@code runtime} and the absolute
 * {@code deadline} of the current CBS period, and whether the entity is throttled (dl_throttled). The rules
 * of the constant bandwidth server are kernel/sched/deadline.c's, in ns:
 * <ul>
 * <li>{@link #wakeUp} — update_dl_entity: a woken entity whose deadline has passed, or whose remaining
 * runtime would overflow its bandwidth before the deadline (dl_entity_overflow), gets a new period
 * (replenish_dl_new_period: deadline = now + dl_deadline, full runtime); with a constrained deadline and the
 * deadline still ahead, only its runtime is cut to dl_runtime/dl_deadline × laxity
 * (update_dl_revised_wakeup);</li>
 * <li>{@link #replenish} — replenish_dl_entity: postpone the deadline by dl_period and add dl_runtime
 * until the runtime is positive; an entity lagging behind (its deadline still before now) restarts from now.</li>
 * </ul>
 */
final class DlEntity {
    final long dlRuntimeNs;
    final long dlDeadlineNs;
    final long dlPeriodNs;
    /** dl_bw: dl_runtime/dl_period in 20-bit fixed point (to_ratio). */
    final long bw;
    /** SCHED_FLAG_RECLAIM: its runtime is charged by GRUB ({@link Grub}). */
    boolean reclaim;
    /** GRUB: blocked before its 0-lag time, still counted as active (dl_non_contending). */
    boolean nonContending;
    private Grub.InactiveTimer inactiveTimer;
    /** The task this entity schedules, or null for a fair server. */
    final Task task;
    long runtimeNs;
    /** Absolute deadline of the current period (0: never activated). */
    long deadlineNs;
    boolean throttled;
    boolean queued;
    DlEntity next;
    DlEntity prev;
    private ReplenishTimer timer;

    DlEntity(Task task, long runtimeNs, long deadlineNs, long periodNs) {
        if (runtimeNs <= 0 || runtimeNs > deadlineNs || deadlineNs > periodNs) {
            throw new IllegalArgumentException("expected 0 < runtime <= deadline <= period; got " + runtimeNs
                    + ", " + deadlineNs + ", " + periodNs + " ns");
        }
        this.task = task;
        this.dlRuntimeNs = runtimeNs;
        this.dlDeadlineNs = deadlineNs;
        this.dlPeriodNs = periodNs;
        this.bw = toRatio(periodNs, runtimeNs);
    }

    /** dl_entity_preempt: whether this entity's deadline is strictly earlier than {@code other}'s. */
    boolean preempts(DlEntity other) {
        return deadlineNs < other.deadlineNs;
    }

    /** replenish_dl_new_period: a fresh period from {@code now}. */
    void newPeriod(long now) {
        deadlineNs = now + dlDeadlineNs;
        runtimeNs = dlRuntimeNs;
    }

    /** update_dl_entity: the CBS wake-up rule. */
    void wakeUp(long now) {
        if (deadlineNs == 0 || deadlineNs < now || overflows(now)) { // (0: the first activation)
            if (dlDeadlineNs != dlPeriodNs && deadlineNs > now) {
                runtimeNs = (long) ((double) dlRuntimeNs * (deadlineNs - now) / dlDeadlineNs);
                return;
            }
            newPeriod(now);
        }
    }

    /**
     * dl_entity_overflow: runtime / (deadline − now) &gt; dl_runtime / dl_deadline, compared as the kernel
     * does by cross-multiplying (in doubles here, which are exact to 2^53 and keep large periods safe).
     */
    boolean overflows(long now) {
        return (double) runtimeNs * dlDeadlineNs > (double) (deadlineNs - now) * dlRuntimeNs;
    }

    /** replenish_dl_entity. */
    void replenish(long now) {
        if (deadlineNs == 0) {
            newPeriod(now);
            return;
        }
        while (runtimeNs <= 0) {
            deadlineNs += dlPeriodNs;
            runtimeNs += dlRuntimeNs;
        }
        if (deadlineNs < now) {
            newPeriod(now);
        }
    }

    /** dl_next_period: the start of the next period, when a throttled entity is replenished (start_dl_timer). */
    long nextPeriodNs() {
        return deadlineNs - dlDeadlineNs + dlPeriodNs;
    }

    /** Arms this entity's replenishment (or zero-laxity) timer at {@code atNs}, calling {@code action} then. */
    void armTimer(Simulation sim, long atNs, Runnable action) {
        if (timer == null) {
            timer = new ReplenishTimer(sim);
        }
        timer.action = action;
        timer.scheduleAt(atNs);
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel();
        }
    }

    /** Arms the GRUB inactive timer at the 0-lag time {@code atNs}. */
    void armInactiveTimer(Simulation sim, long atNs, Runnable action) {
        if (inactiveTimer == null) {
            inactiveTimer = new Grub.InactiveTimer(sim);
        }
        inactiveTimer.action = action;
        inactiveTimer.scheduleAt(atNs);
    }

    void cancelInactiveTimer() {
        if (inactiveTimer != null) {
            inactiveTimer.cancel();
        }
    }

    boolean timerArmed() {
        return timer != null && timer.isScheduled();
    }

    /** Bandwidth runtime/period in the kernel's fixed point (to_ratio, BW_SHIFT = 20). */
    static long toRatio(long periodNs, long runtimeNs) {
        return java.math.BigInteger.valueOf(runtimeNs).shiftLeft(20).divide(java.math.BigInteger.valueOf(periodNs))
                .longValueExact();
    }

    /** The dl_timer: replenishment of a throttled entity (dl_task_timer) or a fair server's zero-laxity point. */
    private static final class ReplenishTimer extends SimEvent {
        Runnable action;

        ReplenishTimer(Simulation sim) {
            super(sim, Phase.RELEASE);
        }

        @Override
        protected void fire() {
            action.run();
        }
    }
}
