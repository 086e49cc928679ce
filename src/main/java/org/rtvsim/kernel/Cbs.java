package org.rtvsim.kernel;

import org.rtvsim.engine.Phase;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Simulation;

/**
 * The constant bandwidth server of one CPU's SCHED_DEADLINE tasks (kernel/sched/deadline.c). The running
 * deadline task's execution is charged to its runtime (update_curr_dl); when the runtime is used up
 * (dl_runtime_exceeded: runtime ≤ 0) the task is throttled (dl_throttled), leaves the queue and is
 * rescheduled away; its replenishment timer (start_dl_timer) fires at the start of its next period
 * (dl_next_period), when replenish_dl_entity gives it runtime and a later deadline and it is queued again
 * (dl_task_timer), preempting a running task with a later deadline. A task whose next period has already
 * begun is replenished at once, as when start_dl_timer finds the time passed. A woken task goes through
 * the CBS wake-up rule ({@link DlEntity#wakeUp}). Run time counts from the switch in to the switch out,
 * interrupts over the task included. A task with SCHED_FLAG_RECLAIM is charged at GRUB's rate instead
 * ({@link Grub}; update_curr_dl → grub_reclaim): delta × rate &gt;&gt; BW_SHIFT, the rate taken when it starts and
 * whenever its CPU's utilisations change.
 */
final class Cbs {
    private final Cpu cpu;
    private final Simulation sim;
    private final Depletion depletion;
    private Task running;
    private long chargedToNs;
    /** GRUB's charge rate of the running reclaiming task (BW_SHIFT fixed point); 0: charged 1:1. */
    private long rate;

    Cbs(Simulation sim, Cpu cpu) {
        this.cpu = cpu;
        this.sim = sim;
        this.depletion = new Depletion(sim);
    }

    /** A deadline task wakes: GRUB's task_contending, and the CBS wake-up rule (update_dl_entity) unless throttled. */
    void wakeUp(Task t) {
        if (cpu.kernel.grub != null) {
            cpu.kernel.grub.contending(t);
        }
        if (!t.dl.throttled) {
            t.dl.wakeUp(cpu.now());
        }
    }

    void started(Task t) {
        running = t;
        chargedToNs = cpu.now();
        rate = t.dl.reclaim ? cpu.kernel.grub.rate(cpu, t.dl) : 0;
        armDepletion();
    }

    /** GRUB: this CPU's utilisations changed; a running reclaiming task is charged so far and goes on at the new rate. */
    void reclaimRateChanged() {
        if (running == null || rate == 0) {
            return;
        }
        charge();
        rate = cpu.kernel.grub.rate(cpu, running.dl);
        if (running.dl.runtimeNs > 0) {
            depletion.cancel();
            armDepletion();
        }
    }

    void stopped(Task t) {
        charge();
        depletion.cancel();
        running = null;
        rate = 0;
        if (cpu.kernel.grub != null && t.state != TaskState.RUNNING && t.state != TaskState.RUNNABLE) {
            cpu.kernel.grub.nonContending(t); // dequeue_task_dl with DEQUEUE_SLEEP
        }
        if (t.dl.runtimeNs <= 0 && !t.dl.throttled) { // used up just as it left the CPU (update_curr_dl at dequeue)
            throttle(t);
        }
    }

    private void charge() {
        long now = cpu.now();
        long delta = now - chargedToNs;
        running.dl.runtimeNs -= rate == 0 ? delta : delta * rate >> Grub.BW_SHIFT;
        chargedToNs = now;
    }

    private void armDepletion() {
        if (!running.dl.throttled) {
            long left = Math.max(0, running.dl.runtimeNs);
            depletion.scheduleAt(cpu.now() + (rate == 0 ? left : ((left << Grub.BW_SHIFT) + rate - 1) / rate));
        }
    }

    private void onDepletion() {
        Task t = running;
        if (t == null) {
            return;
        }
        charge();
        if (t.dl.runtimeNs > 0) {
            armDepletion();
            return;
        }
        if (throttle(t)) {
            cpu.sched.requestResched();
        }
    }

    /** dl_throttled and start_dl_timer; false when the next period has already begun (replenished at once). */
    private boolean throttle(Task t) {
        t.dl.throttled = true;
        cpu.rq.remove(t);
        long at = t.dl.nextPeriodNs();
        if (at <= cpu.now()) {
            replenished(t);
            return false;
        }
        t.dl.armTimer(sim, at, () -> t.cpu.bandwidth.deadlineReplenished(t)); // dl_task_timer: the task's rq now
        return true;
    }

    /**
     * dl_task_timer: the throttled task (living on this CPU now) gets its runtime back and, if it wants the CPU,
     * is queued again; then a pushable task may move away (push_dl_task).
     */
    void replenished(Task t) {
        t.dl.replenish(cpu.now());
        t.dl.throttled = false;
        if (t == running) { // it never left the CPU (no preemption point since it was throttled)
            armDepletion();
            return;
        }
        if (t.state == TaskState.RUNNABLE && !t.queued) {
            cpu.rq.enqueue(t, false);
            cpu.sched.deadlineArrived(t.dl);
            if (cpu.kernel.placement != null) {
                cpu.kernel.placement.dl.replenished(cpu);
            }
        }
    }

    /** The running deadline task's runtime is used up. */
    private final class Depletion extends SimEvent {
        Depletion(Simulation sim) {
            super(sim, Phase.COMPLETION);
        }

        @Override
        protected void fire() {
            onDepletion();
        }
    }
}
