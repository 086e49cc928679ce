package org.rtvsim.kernel;

import org.rtvsim.engine.Phase;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Simulation;

/**
 * A CPU's execution of its top segment in time: starts it, pauses it keeping the remainder, scales CPU
 * work by the current frequency, and fires one completion event at its end. The completion event stays
 * scheduled across a pause: {@link #start} keeps it when the same end time results and the dispatcher
 * cancels it when nothing runs, which saves two heap operations on most dispatches.
 */
final class SegmentClock {
    private final Simulation sim;
    private final Completion completion;
    private Segment running;
    private long runStartNs;
    private long busyNs;
    /** Work done per ns of time: the current frequency over the nominal one (1 = nominal, exact integers). */
    private double speed = 1.0;

    SegmentClock(Simulation sim, Runnable onCompletion) {
        this.sim = sim;
        this.completion = new Completion(sim, onCompletion);
    }

    /** The segment executing now, or null. */
    Segment running() {
        return running;
    }

    long busyNs() {
        return busyNs;
    }

    double speed() {
        return speed;
    }

    /** Changes the frequency factor; call while paused. */
    void setSpeed(double factor) {
        if (factor <= 0) {
            throw new IllegalArgumentException("frequency factor " + factor);
        }
        speed = factor;
    }

    /** Stops the running segment's progress; its remainder is kept. */
    void pause() {
        if (running != null) {
            long elapsed = sim.now() - runStartNs;
            long work = speed == 1.0 ? elapsed : Math.min(running.remainingNs, Math.round(elapsed * speed));
            running.remainingNs -= work;
            busyNs += elapsed;
            running = null;
        }
    }

    /** Runs {@code s} for at most {@code workNs} of its work from now; completion fires at the end. */
    void start(Segment s, long workNs) {
        running = s;
        runStartNs = sim.now();
        long end = runStartNs + (speed == 1.0 ? workNs : (long) Math.ceil(workNs / speed));
        if (!completion.isScheduled() || completion.atNs() != end) {
            completion.scheduleAt(end);
        }
    }

    /** Nothing runs: no completion is due. */
    void cancel() {
        completion.cancel();
    }

    private static final class Completion extends SimEvent {
        private final Runnable action;

        Completion(Simulation sim, Runnable action) {
            super(sim, Phase.COMPLETION);
            this.action = action;
        }

        @Override
        protected void fire() {
            action.run();
        }
    }
}
