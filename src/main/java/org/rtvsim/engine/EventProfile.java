package org.rtvsim.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the executed events of one {@link Simulation} by kind (the event's class, named as
 * {@code Component.Event}: {@code Cpu.Completion}) and estimates the time spent in each kind by
 * sampling: every {@value #SAMPLE_EVERY}th event is timed with {@link System#nanoTime()} and charged
 * {@value #SAMPLE_EVERY} times its duration. Counting costs one field increment per event and the
 * sampled timing about one clock read per 32 events, so it is always on; only {@code --stats} prints it.
 *
 * <p>Counts are exact and deterministic; the times are wall-clock estimates and are not.
 */
public final class EventProfile {
    /** One event in this many is timed. */
    public static final int SAMPLE_EVERY = 64;

    /** The counters of one kind; {@link SimEvent} keeps a reference to its kind's. */
    static final class Counter {
        final String name;
        long count;
        long sampledNanos;

        Counter(String name) {
            this.name = name;
        }
    }

    /** The figures of one kind: exact count, estimated nanoseconds. */
    public record Kind(String name, long count, long estimatedNanos) {
    }

    private final Map<Class<?>, Counter> byClass = new IdentityHashMap<>();
    private final Counter other = new Counter("other (run control)");

    /** The counter of events of class {@code c}, created on first request. */
    Counter counter(Class<?> c) {
        return byClass.computeIfAbsent(c, k -> new Counter(kindName(k)));
    }

    Counter other() {
        return other;
    }

    /** {@code org.rtvsim.kernel.Cpu$Completion} → {@code Cpu.Completion}; anonymous classes keep their enclosing name. */
    static String kindName(Class<?> c) {
        String n = c.getName();
        int dot = n.lastIndexOf('.');
        return n.substring(dot + 1).replace('$', '.');
    }

    /** Every kind with at least one event, most frequent first (ties by name). */
    public List<Kind> kinds() {
        List<Kind> out = new ArrayList<>();
        Map<String, long[]> merged = new java.util.TreeMap<>();
        for (Counter c : byClass.values()) {
            add(merged, c);
        }
        add(merged, other);
        for (Map.Entry<String, long[]> e : merged.entrySet()) {
            out.add(new Kind(e.getKey(), e.getValue()[0], e.getValue()[1] * SAMPLE_EVERY));
        }
        out.sort(Comparator.comparingLong(Kind::count).reversed().thenComparing(Kind::name));
        return out;
    }

    private static void add(Map<String, long[]> merged, Counter c) {
        if (c.count == 0) {
            return;
        }
        long[] v = merged.computeIfAbsent(c.name, k -> new long[2]);
        v[0] += c.count;
        v[1] += c.sampledNanos;
    }
}
