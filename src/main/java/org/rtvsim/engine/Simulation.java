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
    /** Set by a SIGINT/SIGTERM handler: every running simulation stops at its next check (every 4096 events). */
    private static volatile boolean stopRequested;

    private final EventProfile profile = new EventProfile();
    private final Loop sim = new Loop(profile);
    private final HeapEventList events = new HeapEventList();
    private final StreamRegistry streams;

    public Simulation(StreamRegistry streams) {
        this.streams = streams;
        sim.init(events);
    }

    /** Executed events by kind (counts exact, times sampled estimates). */
    public EventProfile profile() {
        return profile;
    }

    HeapEventList eventList() {
        return events;
    }

    /**
     * Asks every running simulation of this process to stop soon (an interrupted run: Ctrl-C); the simulated
     * time reached is {@link #now()}. Only a signal handler and tests call it.
     */
    public static void requestStop() {
        stopRequested = true;
    }

    /** Clears {@link #requestStop()} before a new run. */
    public static void clearStopRequest() {
        stopRequested = false;
    }

    /** Whether {@link #requestStop()} was called since the last {@link #clearStopRequest()}. */
    public static boolean stopRequested() {
        return stopRequested;
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
        return events.size();
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
        private final EventProfile profile;
        long count;

        Loop(EventProfile profile) {
            this.profile = profile;
        }

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
                    EventProfile.Counter c = ev instanceof SimEvent s ? s.counter : profile.other();
                    c.count++;
                    if ((count & (EventProfile.SAMPLE_EVERY - 1)) != 0) {
                        ev.actions();
                        continue;
                    }
                    long t0 = System.nanoTime();
                    ev.actions();
                    c.sampledNanos += System.nanoTime() - t0;
                    if ((count & 0xFFF) == 0 && stopRequested) {
                        break; // interrupted: the clock stays at the last event executed
                    }
                }
            } finally {
                simulating = false;
            }
        }
    }
}
