package org.rtvsim.kernel;

/**
 * The code an interrupt frame runs: a hardirq handler or softirq processing, as a sequence of
 * segments. The CPU pushes a frame, calls {@link #start}, and calls {@link #next} each time the
 * current segment ends, until it returns false (the frame is popped: irq exit).
 */
abstract class IrqActivity {

    /** Sets the frame's first segment; returns false when there is nothing to run. */
    abstract boolean start(Cpu cpu, Segment seg);

    /** The current segment ended (its side effects happen here); sets the next one or returns false. */
    abstract boolean next(Cpu cpu, Segment seg);

    /** True for softirq processing (irqs on, preemption off), false for hardirq handlers. */
    boolean softirq() {
        return false;
    }
}
