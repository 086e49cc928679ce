package org.rtvsim.kernel;

import org.rtvsim.engine.Phase;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Simulation;
import org.rtvsim.scenario.SchedPolicy;

/**
 * Per-CPU time accounting of the running task: the SCHED_RR timeslice and the fair task's EEVDF slice
 * check ({@link FairRunQueue}; both enforced at their exact expiry rather than at the next tick, an error
 * of at most one jiffy), and the RT
 * class's bandwidth ({@link RtThrottle}). The CPU calls {@link #started} and {@link #stopped} when a
 * task gets and leaves it.
 */
final class CpuBandwidth {
    private final Cpu cpu;
    private final Kernel kernel;
    private final SliceEnd sliceEnd;
    private RtThrottle throttle;

    CpuBandwidth(Simulation sim, Cpu cpu, Kernel kernel) {
        this.cpu = cpu;
        this.kernel = kernel;
        this.sliceEnd = new SliceEnd(sim);
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
    }

    /** A fair task was enqueued on this CPU. */
    void fairEnqueued() {
        if (throttle != null) {
            throttle.fairRunnable();
        }
    }

    void started(Task t) {
        long now = cpu.now();
        t.runStartNs = now;
        t.sliced = t.priority >= 0 && t.policy == SchedPolicy.RR;
        t.rtAccounted = t.priority >= 0;
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
