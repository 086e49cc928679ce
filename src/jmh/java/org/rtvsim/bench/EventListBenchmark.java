package org.rtvsim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.rtvsim.engine.HeapEventList;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.EventList;

/**
 * The bare SSJ event loop on each event list, the yardstick of the "raw event-list rate": a
 * {@link Simulator} holding {@code pending} self-rescheduling events (each fires and schedules itself a
 * pseudo-random 1..1024 ns later, with one of 8 priorities), and on every fourth firing also moves another
 * pending event (cancel + schedule on the binary heap and SSJ's lists, {@link HeapEventList#reposition} on
 * the 4-ary heap) — the model's completion re-arms. One operation = one event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EventListBenchmark {
    private static final int EVENTS = 1 << 16;

    @Param({"quaternary", "binary", "ssj-binarytree"})
    public String list;

    @Param({"100"})
    public int pending;

    private Simulator sim;
    private Ev[] evs;
    private long rng = 0x9E3779B97F4A7C15L;
    private long fired;

    private long next() {
        rng ^= rng << 13;
        rng ^= rng >>> 7;
        rng ^= rng << 17;
        return rng;
    }

    private final class Ev extends Event {
        Ev(Simulator s, int prio) {
            super(s);
            setPriority(prio);
        }

        @Override
        public void actions() {
            fired++;
            schedule(1 + (next() & 1023));
            if ((fired & 3) == 0) {
                move(evs[(int) ((next() >>> 1) % evs.length)]);
            }
            if (fired % EVENTS == 0) {
                sim.stop();
            }
        }

        void move(Ev other) {
            if (other == this) {
                return;
            }
            double t = sim.time() + 1 + (next() & 1023);
            if (sim.getEventList() instanceof HeapEventList h) {
                other.eventTime = t;
                h.reposition(other);
            } else {
                other.cancel();
                other.schedule(t - sim.time());
            }
        }
    }

    @Setup
    public void setUp() {
        EventList l = switch (list) {
            case "quaternary" -> new HeapEventList();
            case "binary" -> new BinaryHeapEventList();
            case "ssj-binarytree" -> new umontreal.ssj.simevents.eventlist.BinaryTree();
            default -> throw new IllegalArgumentException(list);
        };
        sim = new Simulator(l);
        evs = new Ev[pending];
        for (int i = 0; i < pending; i++) {
            evs[i] = new Ev(sim, (int) (next() & 7));
            evs[i].schedule(1 + (next() & 1023));
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public long events() {
        sim.start();
        return fired;
    }
}
