package org.rtvsim.engine;

import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;

/**
 * One simulation run: an SSJ {@link Simulator} of its own (never the static default), the clock in
 * integer nanoseconds, the run's random streams, and a count of executed events.
 *
 * <p>SSJ keeps time as a double; every time the model uses is a whole number of nanoseconds below
 * 2^53 (104 simulated days), so the conversion is exact.
 */
public final class Simulation {
    private final Loop sim = new Loop();
    private final StreamRegistry streams;

    public Simulation(StreamRegistry streams) {
        this.streams = streams;
        sim.init(new HeapEventList());
    }

    /** Current simulated time in ns. */
    public long now() {
        return (long) sim.time();
    }

    public Simulator simulator() {
        return sim;
    }

    public StreamRegistry streams() {
        return streams;
    }

    /** Events executed so far. */
    public long events() {
        return sim.count;
    }

    /** Events scheduled and not yet executed (the event list's size): bounded in a model whose memory is. */
    public int pendingEvents() {
        return ((HeapEventList) sim.getEventList()).size();
    }

    /** Runs until {@code endNs} (events at exactly endNs in phases before {@link Phase#END} still run). */
    public void runUntil(long endNs) {
        Event stop = new Event(sim) {
            @Override
            public void actions() {
                sim.stop();
            }
        };
        stop.setPriority(Phase.END.priority());
        stop.schedule(endNs - sim.time());
        sim.start();
    }

    /**
     * SSJ's simulator with its event loop counting events; {@code removeFirstEvent} sets the clock
     * (and marks the event unscheduled), as in SSJ's own loop.
     */
    private static final class Loop extends Simulator {
        long count;

        @Override
        public void start() {
            if (eventList.isEmpty()) {
                return;
            }
            simulating = true;
            stopped = false;
            Event ev;
            try {
                while (!stopped && (ev = removeFirstEvent()) != null) {
                    count++;
                    ev.actions();
                }
            } finally {
                simulating = false;
            }
        }
    }
}
