package org.rtvsim.hw;

/**
 * A physical CPU (a hardware thread). Its supply is available unless a machine-wide stall source
 * (an SMI, a stop of the whole package) holds it; stalls may overlap and are counted.
 */
public final class PhysicalCpu implements Supply {
    private final int id;
    private SupplyListener listener;
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

    /** A stall begins now, charged to {@code blame}. */
    public void stall(int blame) {
        if (stallDepth++ == 0) {
            stallBlame = blame;
            if (listener != null) {
                listener.supplyLost(blame);
            }
        }
    }

    /** One stall ends now; supply returns when no stall is left. */
    public void unstall() {
        if (stallDepth <= 0) {
            throw new IllegalStateException("cpu" + id + ": unstall without stall");
        }
        if (--stallDepth == 0 && listener != null) {
            listener.supplyRestored();
        }
    }
}
