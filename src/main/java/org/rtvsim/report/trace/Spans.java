package org.rtvsim.report.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rtvsim.measure.Trace;
import org.rtvsim.measure.TraceSink;

/**
 * Turns a {@link Trace}'s change events into intervals (ns), clipped to the window and ending at the
 * next change on the same CPU or task, or at {@link Trace#endNs()}. Empty intervals are left out.
 */
final class Spans {

    /** What occupied CPU {@code cpu} over {@code [startNs, endNs)}. */
    record CpuSpan(int cpu, long startNs, long endNs, TraceSink.Slice kind, String label, String task) {
    }

    /** {@code task}'s state over {@code [startNs, endNs)}; {@code detail} names a lock or is null. */
    record StateSpan(String task, int cpu, long startNs, long endNs, TraceSink.TaskState state, String detail) {
    }

    private Spans() {
    }

    /** CPU occupancy intervals, ordered by start time, then CPU. */
    static List<CpuSpan> cpu(Trace t) {
        List<CpuSpan> out = new ArrayList<>();
        Map<Integer, Trace.Occupy> open = new HashMap<>();
        for (Trace.Event e : t.events()) {
            if (e instanceof Trace.Occupy o && o.tNs() <= t.endNs()) {
                close(t, open.put(o.cpu(), o), o.tNs(), out);
            }
        }
        for (Trace.Occupy o : open.values()) {
            close(t, o, t.endNs(), out);
        }
        out.sort(Comparator.comparingLong(CpuSpan::startNs).thenComparingInt(CpuSpan::cpu));
        return out;
    }

    private static void close(Trace t, Trace.Occupy o, long endNs, List<CpuSpan> out) {
        if (o == null) {
            return;
        }
        long start = Math.max(o.tNs(), t.fromNs());
        if (endNs > start) {
            out.add(new CpuSpan(o.cpu(), start, endNs, o.kind(), o.label(), o.task()));
        }
    }

    /** Task state intervals except sleeping, ordered by start time, then task order in the trace. */
    static List<StateSpan> states(Trace t) {
        List<StateSpan> out = new ArrayList<>();
        Map<String, Trace.StateChange> open = new HashMap<>();
        for (Trace.Event e : t.events()) {
            if (e instanceof Trace.StateChange s && s.tNs() <= t.endNs()) {
                close(t, open.put(s.task(), s), s.tNs(), out);
            }
        }
        for (Trace.StateChange s : open.values()) {
            close(t, s, t.endNs(), out);
        }
        Map<String, Integer> order = taskIndex(t);
        out.sort(Comparator.comparingLong(StateSpan::startNs).thenComparingInt(s -> order.get(s.task())));
        return out;
    }

    private static void close(Trace t, Trace.StateChange s, long endNs, List<StateSpan> out) {
        if (s == null || s.state() == TraceSink.TaskState.SLEEPING) {
            return;
        }
        long start = Math.max(s.tNs(), t.fromNs());
        if (endNs > start) {
            out.add(new StateSpan(s.task(), s.cpu(), start, endNs, s.state(), s.detail()));
        }
    }

    /** Each task's position in {@link Trace#tasks()}. */
    static Map<String, Integer> taskIndex(Trace t) {
        Map<String, Integer> m = new HashMap<>();
        for (String task : t.tasks()) {
            m.put(task, m.size());
        }
        return m;
    }

    /** The points inside the window (carried-in events are never points). */
    static List<Trace.Point> points(Trace t) {
        List<Trace.Point> out = new ArrayList<>();
        for (Trace.Event e : t.events()) {
            if (e instanceof Trace.Point p) {
                out.add(p);
            }
        }
        return out;
    }

    /** A state's display name: {@code running}, {@code runnable}, {@code blocked on L}, {@code boosted}. */
    static String stateName(TraceSink.TaskState s, String detail) {
        return switch (s) {
            case RUNNING -> "running";
            case RUNNABLE -> "runnable";
            case BLOCKED_ON_LOCK -> detail == null ? "blocked on lock" : "blocked on " + detail;
            case BOOSTED_RUNNING -> "boosted";
            case SLEEPING -> "sleeping";
        };
    }
}
