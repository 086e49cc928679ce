package org.rtvsim.kernel;

/**
 * Interrupts-off work queued on one CPU and run in one hardirq frame, piece by piece in queue order:
 * the common part of {@link StopMachine} and {@link FunctionCallIpi}. Work queued while the line is
 * pending or the frame runs is taken by the same frame, as the kernel's per-CPU queues are drained.
 */
abstract class QueuedIrqWork extends IrqActivity {
    final Cpu cpu;
    final IrqLine line;
    private long[] ns = new long[8];
    private int[] blame = new int[8];
    private int count;
    private int done;

    QueuedIrqWork(Cpu cpu, String name) {
        this.cpu = cpu;
        this.line = new IrqLine(name, this);
    }

    /** Queues a piece of {@code pieceNs} charged to {@code pieceBlame}; call {@link #raise()} after. */
    final void add(long pieceNs, int pieceBlame) {
        if (count == ns.length) {
            ns = java.util.Arrays.copyOf(ns, count * 2);
            blame = java.util.Arrays.copyOf(blame, count * 2);
        }
        ns[count] = pieceNs;
        blame[count++] = pieceBlame;
    }

    final void raise() {
        cpu.raise(line);
    }

    @Override
    final boolean start(Cpu c, Segment seg) {
        return next(c, seg);
    }

    @Override
    final boolean next(Cpu c, Segment seg) {
        if (done < count) {
            seg.setIrq(ns[done], true, blame[done]);
            done++;
            return true;
        }
        count = 0;
        done = 0;
        return false;
    }
}
