package org.rtvsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import umontreal.ssj.rng.RandomStream;

/**
 * The 4-ary heap against a plain reference (a list scanned for the least (time, priority, insertion)
 * key) under random adds, cancels, in-place re-arms and removals: the same events leave in the same
 * order, and re-arming in place orders an event exactly as cancel + schedule does.
 */
class HeapEventListTest {

    /** An event that records its firing. */
    private static final class Ev extends SimEvent {
        final int id;
        final List<Integer> log;

        Ev(Simulation sim, Phase phase, int id, List<Integer> log) {
            super(sim, phase);
            this.id = id;
            this.log = log;
        }

        /** Sets the key time directly (the raw list test bypasses SSJ's scheduling checks). */
        void at(double t) {
            eventTime = t;
        }

        @Override
        protected void fire() {
            log.add(id);
        }
    }

    /** Runs the same random script twice: re-arming in place, or by cancel + schedule; firing orders agree. */
    @Test
    void rearmInPlace_firesInTheOrderOfCancelAndSchedule() {
        assertEquals(script(false), script(true));
    }

    private static List<Integer> script(boolean cancelFirst) {
        Simulation sim = new Simulation(new StreamRegistry(1, 0));
        RandomStream r = new Mrg32k3aStream(new long[] {1, 2, 3, 4, 5, 6});
        List<Integer> log = new ArrayList<>();
        Phase[] phases = Phase.values();
        List<Ev> evs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            evs.add(new Ev(sim, phases[r.nextInt(0, phases.length - 2)], i, log));
        }
        long now = 0;
        for (int step = 0; step < 200; step++) {
            for (int k = 0; k < 40; k++) {
                Ev e = evs.get(r.nextInt(0, evs.size() - 1));
                long at = now + r.nextInt(0, 50); // many equal times: the tie-breakers matter
                double op = r.nextDouble();
                if (op < 0.15) {
                    e.cancel();
                } else {
                    if (cancelFirst) {
                        e.cancel();
                    }
                    e.scheduleAt(at);
                }
            }
            now += 10;
            sim.runUntil(now);
        }
        sim.runUntil(now + 1_000);
        assertTrue(log.size() > 1_000, "fired " + log.size());
        return log;
    }

    @Test
    void randomOperations_removeInReferenceOrder() {
        Simulation sim = new Simulation(new StreamRegistry(1, 0));
        HeapEventList h = new HeapEventList();
        RandomStream r = new Mrg32k3aStream(new long[] {9, 8, 7, 6, 5, 4});
        List<Ev> evs = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            evs.add(new Ev(sim, Phase.values()[r.nextInt(0, 7)], i, null));
        }
        List<long[]> ref = new ArrayList<>(); // {id, time, priority, order}
        long order = 0;
        for (int step = 0; step < 20_000; step++) {
            double op = r.nextDouble();
            if (op < 0.5) {
                Ev e = evs.get(r.nextInt(0, evs.size() - 1));
                if (h.remove(e)) {
                    ref.removeIf(x -> x[0] == e.id);
                }
                e.at(r.nextInt(0, 1_000));
                h.add(e);
                ref.add(new long[] {e.id, (long) e.time(), (long) e.priority(), order++});
            } else if (op < 0.6) {
                Ev e = evs.get(r.nextInt(0, evs.size() - 1));
                boolean had = ref.removeIf(x -> x[0] == e.id);
                assertEquals(had, h.remove(e));
            } else {
                long[] min = null;
                for (long[] x : ref) {
                    if (min == null || x[1] < min[1] || x[1] == min[1] && (x[2] < min[2]
                            || x[2] == min[2] && x[3] < min[3])) {
                        min = x;
                    }
                }
                Ev got = (Ev) h.removeFirst();
                if (min == null) {
                    assertEquals(null, got);
                } else {
                    ref.remove(min);
                    assertEquals(min[0], got.id);
                }
            }
            assertEquals(ref.size(), h.size());
        }
        assertFalse(h.isEmpty() && !ref.isEmpty());
    }
}
