package org.rtvsim.kernel;

/**
 * Interrupts raised on a CPU and not yet handled, in the order they were raised (a ring; a line
 * already pending is not queued twice, see {@link IrqLine}).
 */
final class PendingIrqs {
    private IrqLine[] ring = new IrqLine[8];
    private int head;
    private int count;

    int size() {
        return count;
    }

    /** Queues {@code line}; returns false when it was already pending. */
    boolean add(IrqLine line) {
        if (line.pending) {
            return false;
        }
        line.pending = true;
        if (count == ring.length) {
            IrqLine[] bigger = new IrqLine[count * 2];
            for (int i = 0; i < count; i++) {
                bigger[i] = ring[(head + i) % ring.length];
            }
            ring = bigger;
            head = 0;
        }
        ring[(head + count++) % ring.length] = line;
        return true;
    }

    IrqLine poll() {
        IrqLine line = ring[head];
        ring[head] = null;
        head = (head + 1) % ring.length;
        count--;
        line.pending = false;
        return line;
    }
}
