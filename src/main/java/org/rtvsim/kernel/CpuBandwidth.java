package org.rtvsim.kernel;

import org.rtvsim.engine.Phase;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Simulation;
import org.rtvsim.scenario.SchedPolicy;

/**
 * Per-CPU time accounting of the running task: the SCHED_RR timeslice and the fair task's EEVDF slice
 * check ({@link FairRunQueue}; both enforced at their exact expiry rather than at the next tick, an error
 * of at most one jiffy), the SCHED_DEADLINE runtime ({@link Cbs}), and either the RT class's bandwidth
 * ({@link RtThrottle}, kernels before 6.12) or the fair server ({@link FairServer}, 6.12+). The CPU calls
 * {@link #started} and {@link #stopped} when a task gets and leaves it.
 */
final class CpuBandwidth {
    private final Cpu cpu;
    private final Kernel kernel;
    private final SliceEnd sliceEnd;
    private RtThrottle throttle;
    private final Cbs cbs;
    private FairServer fairServer;

    CpuBandwidth(Simulation sim, Cpu cpu, Kernel kernel) {
        this.cpu = cpu;
        this.kernel = kernel;
        this.sliceEnd = new SliceEnd(sim);
        this.cbs = new Cbs(sim, cpu);
    }

    void enableFairServer(Simulation sim, long runtimeNs, long periodNs) {
        fairServer = new FairServer(sim, cpu, runtimeNs, periodNs);
    }

    /** This CPU's fair server, or null (kernels before 6.12, or {@code fair_server: off}). */
    FairServer fairServer() {
        return fairServer;
    }

    /** Whether {@code t} runs now as a fair task picked through the fair server (so at deadline priority). */
    boolean servedByFairServer(Task t) {
        return fairServer != null && fairServer.serving && t != null && t.priority < 0;
    }

    /** A fair task became runnable other than by a wake-up (a de-boost): start the fair server if stopped. */
    void fairServerStart() {
        if (fairServer != null) {
            fairServer.start();
        }
    }

    /** A deadline task wakes: the CBS wake-up rule. */
    void deadlineWakeUp(Task t) {
        cbs.wakeUp(t);
    }

    /**
     * pick_next_task's deadline class: the earliest-deadline task, or — when the fair server is the earliest
     * entity — the fair task EEVDF picks through it (the server stops if there is none); null when none.
     */
    Task pickDeadline(Task prevFair) {
        DlEntity e = cpu.rq.dl.peek();
        if (e == null) {
            return null;
        }
        if (e.task != null) {
            return e.task;
        }
        Task f = cpu.rq.fair.pick(prevFair, true);
        if (f == null) {
            fairServer.stop();
            return pickDeadline(prevFair);
        }
        fairServer.serving = true;
        return f;
    }

    /** GRUB: this CPU's this_bw or running_bw changed. */
    void reclaimRateChanged() {
        cbs.reclaimRateChanged();
    }

    /** dl_task_timer of {@code t}, which lives on this CPU (it may have moved since it was throttled). */
    void deadlineReplenished(Task t) {
        cbs.replenished(t);
    }

    void enableRtThrottling(Simulation sim, long runtimeNs, long periodNs) {
        throttle = new RtThrottle(sim, cpu, runtimeNs, periodNs);
    }

    boolean rtThrottled() {
        return throttle != null && throttle.throttled();
    }

    /** No fair task is runnable on this CPU: lift a throttle, which only exists for their sake. */
    void fairGone() {
        if (throttle != null && throttle.throttled()) {
            throttle.fairGone();
        }
        if (fairServer != null) {
            fairServer.stop();
        }
    }

    /** A fair task was enqueued on this CPU. */
    void fairEnqueued() {
        if (throttle != null) {
            throttle.fairRunnable();
        }
        if (fairServer != null) {
            fairServer.start();
        }
    }

    void started(Task t) {
        long now = cpu.now();
        t.runStartNs = now;
        t.onCpuSinceNs = now;
        if (t.dl != null && t.priority >= Task.DL_PRIO) {
            cbs.started(t);
        } else if (fairServer != null && t.priority < 0) {
            fairServer.fairStarted(fairServer.serving);
        }
        t.sliced = t.priority >= 0 && t.policy == SchedPolicy.RR;
        t.rtAccounted = t.priority >= 0 && t.priority < Task.DL_PRIO;
        if (cpu.rq.fair.curr == t) {
            fairSliceChanged();
        } else if (t.sliced) {
            if (t.sliceRemainingNs <= 0) {
                t.sliceRemainingNs = kernel.sliceFor(t);
            }
            sliceEnd.scheduleAt(now + t.sliceRemainingNs);
        }
        if (throttle != null && t.rtAccounted) {
            throttle.rtStarted(now);
        }
    }

    void stopped(Task t) {
        long now = cpu.now();
        t.lastRanNs = now;
        if (t.onCpuSinceNs >= 0) {
            t.onCpuNs += now - t.onCpuSinceNs;
            t.onCpuSinceNs = -1;
        }
        if (t.dl != null && t.priority >= Task.DL_PRIO) {
            cbs.stopped(t);
        } else if (fairServer != null) { // (also a fair task boosted while it ran: its charge ends here)
            fairServer.fairStopped();
        }
        if (cpu.rq.fair.curr == t) {
            cpu.rq.fair.updateCurr();
            sliceEnd.cancel();
        } else if (t.sliced) {
            t.sliceRemainingNs -= now - t.runStartNs;
            sliceEnd.cancel();
        }
        if (throttle != null && t.rtAccounted) {
            throttle.rtStopped(now);
        }
    }

    /**
     * The running fair task's deadline or protected slice may have moved: the next slice check is when its
     * vruntime reaches the nearer of the two (an exact time, as with the HRTICK feature, not the next tick).
     */
    void fairSliceChanged() {
        Task t = cpu.sched.runningTask();
        if (t != null && cpu.rq.fair.curr == t) {
            sliceEnd.scheduleAt(cpu.now() + cpu.rq.fair.nsToSliceCheck());
        }
    }

    /**
     * The running RR task's slice ran out: it yields to an equal-priority task, if any; the running fair
     * task reached its deadline or the end of its protected slice: update_curr's slice check.
     */
    private void onSliceEnd() {
        Task t = cpu.sched.runningTask();
        if (t == null) {
            return;
        }
        if (cpu.rq.fair.curr == t) {
            if (cpu.rq.fair.sliceCheck()) {
                cpu.sched.requestResched();
            } else {
                fairSliceChanged();
            }
            return;
        }
        if (!t.sliced) { // a fair task that left its class while running (a PI boost): no slice any more
            return;
        }
        long now = cpu.now();
        t.sliceRemainingNs = kernel.sliceFor(t);
        t.runStartNs = now;
        if (cpu.rq.hasPriority(t.priority)) {
            t.requeueTail = true;
            cpu.sched.requestResched();
        } else {
            sliceEnd.scheduleAt(now + t.sliceRemainingNs);
        }
    }

    /** The current SCHED_RR or fair task's slice ran out. */
    private final class SliceEnd extends SimEvent {
        SliceEnd(Simulation sim) {
            super(sim, Phase.COMPLETION);
        }

        @Override
        protected void fire() {
            onSliceEnd();
        }
    }
}
