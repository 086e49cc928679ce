package org.rtvsim.kernel;

/**
 * Pending softirq work on one CPU and its processing on irq exit (non-RT kernels): a softirq frame
 * runs each queued item as a segment with interrupts on and preemption off, so hardirqs may nest
 * over it but no task can preempt it. Items are drawn when raised. The 2 ms / 10-restart hand-off
 * to ksoftirqd (kernel/softirq.c) is not modelled (model-reference.md).
 */
final class Softirqs extends IrqActivity {
    private long[] lengths = new long[8];
    private int[] blames = new int[8];
    private int head;
    private int count;

    boolean isEmpty() {
        return count == 0;
    }

    void add(long ns, int blame) {
        if (count == lengths.length) {
            long[] l = new long[count * 2];
            int[] b = new int[count * 2];
            for (int i = 0; i < count; i++) {
                l[i] = lengths[(head + i) % lengths.length];
                b[i] = blames[(head + i) % lengths.length];
            }
            lengths = l;
            blames = b;
            head = 0;
        }
        int at = (head + count++) % lengths.length;
        lengths[at] = ns;
        blames[at] = blame;
    }

    @Override
    boolean start(Cpu cpu, Segment seg) {
        return next(cpu, seg);
    }

    @Override
    boolean next(Cpu cpu, Segment seg) {
        if (count == 0) {
            return false;
        }
        long ns = lengths[head];
        int b = blames[head];
        head = (head + 1) % lengths.length;
        count--;
        seg.setIrq(ns, false, b);
        return true;
    }

    @Override
    boolean softirq() {
        return true;
    }
}
