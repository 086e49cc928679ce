package org.rtvsim.kernel;

import org.rtvsim.measure.TraceSink;
import org.rtvsim.scenario.SegmentKind;

/**
 * A {@link Cpu}'s dispatcher: every change — an interrupt raised, a wake-up, a segment end, supply lost or
 * back — ends in {@link #dispatch()}, which pauses the running segment, decides what should run now (pending
 * interrupts unless irqs are off; completion of zero-length work inline; a reschedule at a preemption point;
 * the way into or out of guest mode on a host CPU running a vCPU thread) and starts it. Re-entrant calls
 * (a decision that causes another change) are folded into one more pass. Nothing here allocates.
 */
final class Dispatcher {
    private final Cpu cpu;
    private boolean inFlow;
    private boolean redispatch;

    Dispatcher(Cpu cpu) {
        this.cpu = cpu;
    }

    /** Whether a dispatch is in progress (a stimulus then only marks another pass). */
    boolean inFlow() {
        return inFlow;
    }

    void dispatch() {
        if (inFlow) {
            redispatch = true;
            return;
        }
        inFlow = true;
        try {
            do {
                redispatch = false;
                cpu.pauseRunning();
                decide();
            } while (redispatch);
        } finally {
            inFlow = false;
        }
        if (cpu.hosting != null) {
            Segment running = cpu.clock.running();
            cpu.hosting.sync(running != null && running.guest ? cpu.sched.curr : null);
        }
    }

    private void decide() {
        for (int guard = 0; ; guard++) {
            if (guard > 10_000_000) {
                throw new IllegalStateException("cpu" + cpu.id + ": zero-time loop at " + cpu.now() + " ns");
            }
            if (!cpu.supplied) {
                cpu.clock.cancel();
                cpu.charge(cpu.supply.unavailableBlame());
                cpu.tracing.occupy(TraceSink.Slice.NO_SUPPLY, cpu.supply.unavailableBlame(), null);
                return;
            }
            Segment top = cpu.top();
            if (cpu.pending.size() > 0 && (top == null || !top.irqsOff)) {
                if (cpu.frames.depth() == 0 && cpu.sched.state == CpuScheduler.IDLE
                        && cpu.sched.beginIdleExit(cpu.cstates)) {
                    continue;
                }
                deliverPending();
                continue;
            }
            if (cpu.frames.depth() == 0 && cpu.sched.state == CpuScheduler.RUNNING) {
                // A preemption point is honoured before the next segment runs, even a zero-length one;
                // a segment that has just used up its time completes first (its work is done now).
                if (cpu.sched.needReschedLazy && cpu.sched.atBoundary && cpu.sched.curr.seg.kind == SegmentKind.USER) {
                    cpu.sched.needResched = true;
                }
                if (cpu.sched.needResched && (cpu.sched.atBoundary || (!cpu.sched.curr.seg.preemptOff
                        && cpu.sched.curr.seg.remainingNs > 0))) {
                    cpu.sched.schedule();
                    continue;
                }
            }
            if (top != null && top.remainingNs <= 0) {
                completeTop(top);
                continue;
            }
            if (cpu.frames.depth() == 0) {
                if (cpu.sched.state == CpuScheduler.IDLE) {
                    if (cpu.sched.pick(null) != null) {
                        cpu.sched.schedule();
                        continue;
                    }
                    cpu.sched.enterIdle(cpu.cstates);
                    cpu.clock.cancel();
                    cpu.charge(cpu.kernel.blameIdle);
                    cpu.tracing.occupy(TraceSink.Slice.IDLE, cpu.kernel.blameIdle, null);
                    cpu.supply.consumerIdle(); // a halting vCPU gives its physical CPU back
                    return;
                }
                cpu.sched.atBoundary = false;
                if (cpu.hosting != null && cpu.sched.state == CpuScheduler.RUNNING
                        && cpu.hosting.needsEntry(cpu.sched.curr)) {
                    cpu.hosting.entry.vcpu = cpu.sched.curr;
                    pushFrame(cpu.hosting.entry);
                    continue;
                }
            }
            startRunning(top);
            return;
        }
    }

    private void startRunning(Segment s) {
        long len = s.remainingNs;
        if (s.chunked && cpu.condReschedGapNs > 0) {
            long toPoint = cpu.condReschedGapNs - (s.totalNs - s.remainingNs) % cpu.condReschedGapNs;
            len = Math.min(len, toPoint);
        }
        cpu.clock.start(s, len);
        cpu.meter.charge(s.blame, cpu.frames.depth() == 0
                && cpu.sched.state == CpuScheduler.RUNNING ? cpu.sched.curr : null);
        if (cpu.hosting != null) {
            cpu.hosting.blameChanged();
        }
        if (cpu.tracing.on()) {
            cpu.tracing.segment(s.blame, cpu.frames.depth() > 0, cpu.frames.inSoftirq());
        }
    }

    /** The running segment's completion event (or a cond_resched point inside it) fired. */
    void onCompletion() {
        Segment s = cpu.clock.running();
        cpu.pauseRunning();
        if (s != null && s.remainingNs > 0 && cpu.frames.depth() == 0) {
            cpu.sched.atBoundary = true; // a might_resched point inside voluntary cpu.kernel code
        }
        dispatch();
    }

    private void deliverPending() {
        if (cpu.hosting != null && cpu.frames.depth() == 0 && cpu.sched.state == CpuScheduler.RUNNING
                && cpu.hosting.needsExit(cpu.sched.curr)) {
            cpu.hosting.exit.vcpu = cpu.sched.curr; // an external-interrupt VM exit before the host handles it
            pushFrame(cpu.hosting.exit);
            return;
        }
        pushFrame(cpu.pending.poll().handler);
    }

    private void pushFrame(IrqActivity act) {
        if (!cpu.frames.push(cpu, act)) {
            irqExit(false);
        }
    }

    /** After a frame was popped: cpu.pending softirq work runs now (not inside another softirq frame). */
    private void irqExit(boolean wasSoftirq) {
        if (!wasSoftirq && !cpu.softirqs.isEmpty() && !cpu.frames.inSoftirq()) {
            pushFrame(cpu.softirqs);
        }
        if (cpu.frames.depth() == 0 && cpu.sched.state == CpuScheduler.IDLE) {
            cpu.sched.idleSinceNs = cpu.now();
        }
    }

    private void completeTop(Segment top) {
        top.live = false;
        if (cpu.frames.depth() > 0) {
            if (!cpu.frames.advance(cpu)) {
                irqExit(cpu.frames.pop());
            }
            return;
        }
        cpu.sched.completed();
    }
}
