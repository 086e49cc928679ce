package org.rtvsim.kernel;

/**
 * The interrupt contexts stacked above a CPU's task context: hardirq frames (irqs off; they never
 * nest on each other) and softirq frames (irqs on, so a hardirq may nest over one). Each frame runs
 * an {@link IrqActivity} through its own reused {@link Segment}.
 */
final class IrqFrames {
    private static final int MAX_DEPTH = 4;

    private final IrqActivity[] acts = new IrqActivity[MAX_DEPTH];
    private final Segment[] segs = new Segment[MAX_DEPTH];
    private int depth;

    IrqFrames() {
        for (int i = 0; i < MAX_DEPTH; i++) {
            segs[i] = new Segment();
        }
    }

    /** Number of frames; 0 when the task context is on top. */
    int depth() {
        return depth;
    }

    /** The top frame's segment (valid when {@code depth() > 0}). */
    Segment topSegment() {
        return segs[depth - 1];
    }

    /** Whether the top frame is softirq processing. */
    boolean inSoftirq() {
        return depth > 0 && acts[depth - 1].softirq();
    }

    /** Pushes a frame for {@code act} and starts it; returns false (nothing pushed) when it has no work. */
    boolean push(Cpu cpu, IrqActivity act) {
        if (depth == MAX_DEPTH) {
            throw new IllegalStateException(cpu + ": interrupt nesting deeper than " + MAX_DEPTH);
        }
        acts[depth] = act;
        Segment s = segs[depth];
        depth++;
        if (!act.start(cpu, s)) {
            pop();
            return false;
        }
        return true;
    }

    /** Advances the top frame after its segment ended; returns false when the frame has finished. */
    boolean advance(Cpu cpu) {
        int d = depth - 1;
        return acts[d].next(cpu, segs[d]);
    }

    /** Pops the top frame (irq exit); returns whether it was softirq processing. */
    boolean pop() {
        depth--;
        boolean wasSoftirq = acts[depth].softirq();
        acts[depth] = null;
        segs[depth].live = false;
        return wasSoftirq;
    }
}
