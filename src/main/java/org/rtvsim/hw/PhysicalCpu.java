package org.rtvsim.hw;

import java.util.ArrayList;
import java.util.List;

/**
 * A physical CPU (a hardware thread). Its supply is available unless a machine-wide stall source
 * (an SMI, a stop of the whole package) holds it; stalls may overlap and are counted.
 */
public final class PhysicalCpu implements Supply {
    private final int id;
    private SupplyListener listener;
    private final List<StallObserver> observers = new ArrayList<>();
    private int stallDepth;
    private int stallBlame;

    public PhysicalCpu(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    @Override
    public boolean available() {
        return stallDepth == 0;
    }

    @Override
    public int unavailableBlame() {
        return stallBlame;
    }

    @Override
    public void attach(SupplyListener l) {
        this.listener = l;
    }

    /** Adds a passive observer of this CPU's stalls (told after the supply listener). */
    public void addStallObserver(StallObserver o) {
        observers.add(o);
    }

    /** A stall begins now, charged to {@code blame}. */
    public void stall(int blame) {
        if (stallDepth++ == 0) {
            stallBlame = blame;
            if (listener != null) {
                listener.supplyLost(blame);
            }
            for (StallObserver o : observers) {
                o.stallBegan(blame);
            }
        }
    }

    /** One stall ends now; supply returns when no stall is left. */
    public void unstall() {
        if (stallDepth <= 0) {
            throw new IllegalStateException("cpu" + id + ": unstall without stall");
        }
        if (--stallDepth == 0) {
            if (listener != null) {
                listener.supplyRestored();
            }
            for (StallObserver o : observers) {
                o.stallEnded();
            }
        }
    }
}
