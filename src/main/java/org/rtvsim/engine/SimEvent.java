package org.rtvsim.engine;

import umontreal.ssj.simevents.Event;

/**
 * An SSJ event bound to one {@link Simulation}, scheduled at absolute nanosecond times with an
 * explicit {@link Phase}. Model components keep one instance per recurring occurrence and reschedule
 * it, so the hot path allocates nothing.
 */
public abstract class SimEvent extends Event {
    private final Simulation simulation;
    /** This event's kind in the run's {@link EventProfile}. */
    final EventProfile.Counter counter;

    protected SimEvent(Simulation simulation, Phase phase) {
        super(simulation.simulator());
        this.simulation = simulation;
        this.counter = simulation.profile().counter(getClass());
        setPriority(phase.priority());
    }

    /**
     * Schedules (or moves) this event to absolute time {@code atNs} (not before now). A scheduled event is
     * re-armed in place ({@link HeapEventList#reposition}), which orders it exactly as a cancel followed by
     * a new schedule would.
     */
    public final void scheduleAt(long atNs) {
        long now = simulation.now();
        double delay = Math.max(0, atNs - now);
        if (scheduledFlag) {
            eventTime = simulation.simulator().time() + delay;
            if (simulation.eventList().reposition(this)) {
                return;
            }
            eventTime = -10.0; // not in the list after all: schedule afresh below
        }
        schedule(delay);
    }

    public final boolean isScheduled() {
        return scheduledFlag;
    }

    private boolean scheduledFlag;

    @Override
    public void schedule(double delay) {
        super.schedule(delay);
        scheduledFlag = true;
    }

    @Override
    public boolean cancel() {
        boolean was = scheduledFlag && super.cancel();
        scheduledFlag = false;
        return was;
    }

    @Override
    public final void actions() {
        scheduledFlag = false;
        fire();
    }

    /** What happens at this event's time. */
    protected abstract void fire();

    /** Absolute time of the scheduled occurrence in ns (only meaningful while scheduled). */
    public final long atNs() {
        return (long) time();
    }
}
