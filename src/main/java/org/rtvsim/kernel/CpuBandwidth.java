package org.rtvsim.kernel;

import org.rtvsim.engine.Phase;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Simulation;
import org.rtvsim.scenario.SchedPolicy;

/**
 * Per-CPU time accounting of the running task: the SCHED_RR timeslice and the fair slice (enforced
 * at their exact expiry rather than at the next tick, an error of at most one jiffy), and the RT
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
        t.sliced = t.priority < 0 || t.policy == SchedPolicy.RR;
        t.rtAccounted = t.priority >= 0;
        if (t.sliced) {
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
        if (t.sliced) {
            t.sliceRemainingNs -= now - t.runStartNs;
            sliceEnd.cancel();
        }
        if (throttle != null && t.rtAccounted) {
            throttle.rtStopped(now);
        }
    }

    /** The running RR or fair task's slice ran out: it yields to an equal-priority task, if any. */
    private void onSliceEnd() {
        Task t = cpu.sched.runningTask();
        if (t == null) {
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
