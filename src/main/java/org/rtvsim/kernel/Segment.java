package org.rtvsim.kernel;

import org.rtvsim.scenario.SegmentKind;

/**
 * A piece of work on a CPU context: the CPU time still to run (ns) and the flags that decide what
 * may interrupt or preempt it. The preemption model maps a workload's {@link SegmentKind} to the
 * flags ({@link PreemptionRules}); a segment progresses only while its CPU has supply.
 * Mutable and reused: each task and each interrupt frame owns one.
 */
public final class Segment {
    long remainingNs;
    /** The segment's whole length; chunk boundaries are measured from its start. */
    long totalNs;
    SegmentKind kind;
    boolean irqsOff;
    boolean preemptOff;
    /** Under {@code voluntary}: runs in chunks of at most the cond_resched gap, each end a preemption point. */
    boolean chunked;
    int blame;
    boolean live;
    /** A vCPU thread's guest-mode segment: while it executes, the vCPU's guest CPU has supply. */
    boolean guest;

    void set(long ns, SegmentKind kind, boolean irqsOff, boolean preemptOff, boolean chunked, int blame) {
        if (ns < 0) {
            throw new IllegalArgumentException("negative segment length " + ns);
        }
        this.remainingNs = ns;
        this.totalNs = ns;
        this.kind = kind;
        this.irqsOff = irqsOff;
        this.preemptOff = preemptOff || irqsOff;
        this.chunked = chunked;
        this.blame = blame;
        this.live = true;
        this.guest = false;
    }

    /** An interrupt-context segment: irqs off (hardirq) or preemption off with irqs on (softirq). */
    void setIrq(long ns, boolean irqsOff, int blame) {
        set(ns, SegmentKind.KERNEL, irqsOff, true, false, blame);
    }

    public long remainingNs() {
        return remainingNs;
    }

    public boolean live() {
        return live;
    }

    public int blame() {
        return blame;
    }

    public SegmentKind kind() {
        return kind;
    }
}
