package org.rtvsim.kernel;

import org.rtvsim.engine.Simulation;

/**
 * Charges a CPU's time to attribution labels: the CPU reports each change of what occupies it
 * (a segment's label, "idle", or the reason supply is missing) and every open
 * {@link AttributionWindow} receives the time spent under the previous label. Because the CPU is
 * always occupied by exactly one label, a window's charges add up to its open interval exactly.
 */
final class BlameMeter {
    private final Simulation sim;
    private int blame;
    private Task occupant;
    private long sinceNs;
    private AttributionWindow[] windows = new AttributionWindow[4];
    private int count;

    BlameMeter(Simulation sim, int initialBlame) {
        this.sim = sim;
        this.blame = initialBlame;
    }

    int current() {
        return blame;
    }

    /** From now on the CPU's time belongs to {@code newBlame}. */
    void charge(int newBlame) {
        charge(newBlame, null);
    }

    /**
     * From now on the CPU's time belongs to {@code newBlame}, spent by task {@code newOccupant} in its own
     * code (null: interrupts, switches, idle), which lock-wait windows need to tell the lock holder's
     * progress from its preemption.
     */
    void charge(int newBlame, Task newOccupant) {
        long now = sim.now();
        long d = now - sinceNs;
        if (d > 0 && count > 0) {
            for (int i = 0; i < count; i++) {
                windows[i].charge(blame, d, occupant, now);
            }
        }
        blame = newBlame;
        occupant = newOccupant;
        sinceNs = now;
    }

    /** Brings every open window's charges up to now without changing the label (charges only split). */
    void flush() {
        charge(blame, occupant);
    }

    /** Stops charging {@code w} here without ending it (it is about to be moved to another CPU). */
    void detach(AttributionWindow w) {
        close(w);
        w.attachedTo = null;
    }

    /** Moves an open window (a lock waiter's) to charge {@code cpu} (this meter's CPU) from now, keeping its charges. */
    void moveHere(AttributionWindow w, Cpu cpu) {
        if (w.attachedTo != null) {
            w.attachedTo.meter.close(w);
        }
        attach(w);
        w.attachedTo = cpu;
    }

    /** Adds {@code w} without resetting it: its charges continue (a lock waiter's window moving CPUs). */
    void attach(AttributionWindow w) {
        charge(blame, occupant);
        if (count == windows.length) {
            windows = java.util.Arrays.copyOf(windows, count * 2);
        }
        windows[count++] = w;
        w.open = true;
    }

    void open(AttributionWindow w) {
        charge(blame, occupant);
        w.reset(sim.now());
        w.open = true;
        if (count == windows.length) {
            windows = java.util.Arrays.copyOf(windows, count * 2);
        }
        windows[count++] = w;
    }

    void close(AttributionWindow w) {
        charge(blame, occupant);
        w.open = false;
        for (int i = 0; i < count; i++) {
            if (windows[i] == w) {
                windows[i] = windows[--count];
                windows[count] = null;
                return;
            }
        }
    }
}
