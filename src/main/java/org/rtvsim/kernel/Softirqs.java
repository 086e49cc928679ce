package org.rtvsim.kernel;

import org.rtvsim.engine.RingIndex;

/**
 * Pending softirq work on one CPU and its processing on irq exit (non-RT kernels): a softirq frame
 * runs each queued item as a segment with interrupts on and preemption off, so hardirqs may nest
 * over it but no task can preempt it. Items are drawn when raised. The 2 ms / 10-restart hand-off
 * to ksoftirqd (kernel/softirq.c) is not modelled (model-reference.md).
 */
final class Softirqs extends IrqActivity {
    private final RingIndex ring = new RingIndex(8);
    private long[] lengths = new long[8];
    private int[] blames = new int[8];

    boolean isEmpty() {
        return ring.isEmpty();
    }

    void add(long ns, int blame) {
        if (ring.full()) {
            lengths = ring.grow(lengths);
            blames = ring.grow(blames);
            ring.grown();
        }
        int at = ring.push();
        lengths[at] = ns;
        blames[at] = blame;
    }

    @Override
    boolean start(Cpu cpu, Segment seg) {
        return next(cpu, seg);
    }

    @Override
    boolean next(Cpu cpu, Segment seg) {
        if (ring.isEmpty()) {
            return false;
        }
        int head = ring.head();
        long ns = lengths[head];
        int b = blames[head];
        ring.pop();
        seg.setIrq(ns, false, b);
        return true;
    }

    @Override
    boolean softirq() {
        return true;
    }
}
