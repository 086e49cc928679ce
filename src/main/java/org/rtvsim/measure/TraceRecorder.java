package org.rtvsim.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Records the timeline events of a window {@code [fromNs, toNs]} of simulated time (ns), in memory
 * bounded regardless of the run's length: at most {@code maxEvents} events inside the window (later
 * ones are dropped and counted), plus one carried-in event per CPU and per task.
 *
 * <p>Before the window it keeps only the latest {@code occupy} of each CPU and the latest task state of
 * each task, so that {@link #trace()} starts with what was open at {@code fromNs}; instants before the
 * window and everything after it are ignored. For that, {@link #wants} answers true from the start of
 * the run up to {@code toNs} (the kernel reports occupancy and state changes only when wanted), and
 * false after the window, where the model then does no tracing work at all.
 */
public final class TraceRecorder implements TraceSink {
    /** The default cap on the events kept inside the window (about 10 MB). */
    public static final int DEFAULT_MAX_EVENTS = 200_000;

    private final long fromNs;
    private final long toNs;
    private final int maxEvents;
    private final Map<Integer, Trace.Occupy> openAtFrom = new TreeMap<>();
    private final Map<String, Trace.StateChange> stateAtFrom = new LinkedHashMap<>();
    private final List<Trace.Event> events = new ArrayList<>();
    private long dropped;
    private long truncatedAtNs = Long.MAX_VALUE;
    private boolean followsScope;

    /** Lets the traced run leave out what the scenario's {@code measure.scope} leaves out; returns this. */
    public TraceRecorder followingMeasureScope() {
        followsScope = true;
        return this;
    }

    @Override
    public boolean followsMeasureScope() {
        return followsScope;
    }

    /** A recorder for {@code [fromNs, toNs]} with the {@link #DEFAULT_MAX_EVENTS default cap}. */
    public TraceRecorder(long fromNs, long toNs) {
        this(fromNs, toNs, DEFAULT_MAX_EVENTS);
    }

    /** A recorder for {@code [fromNs, toNs]} (ns, {@code fromNs < toNs}) keeping at most {@code maxEvents}. */
    public TraceRecorder(long fromNs, long toNs, int maxEvents) {
        if (fromNs < 0 || fromNs >= toNs) {
            throw new IllegalArgumentException("trace window: expected 0 <= from < to; got from " + fromNs
                    + " ns, to " + toNs + " ns");
        }
        if (maxEvents <= 0) {
            throw new IllegalArgumentException("trace: expected a positive event cap; got " + maxEvents);
        }
        this.fromNs = fromNs;
        this.toNs = toNs;
        this.maxEvents = maxEvents;
    }

    @Override
    public void occupy(long tNs, int cpu, Slice kind, String label, String task) {
        Trace.Occupy e = new Trace.Occupy(tNs, cpu, kind, label, task);
        if (tNs < fromNs) {
            openAtFrom.put(cpu, e);
        } else {
            keep(e);
        }
    }

    @Override
    public void instant(long tNs, int cpu, Instant kind, String task, String detail) {
        if (tNs >= fromNs) {
            keep(new Trace.Point(tNs, cpu, kind, task, detail));
        }
    }

    @Override
    public void taskState(long tNs, int cpu, String task, TaskState state, String detail) {
        Trace.StateChange e = new Trace.StateChange(tNs, cpu, task, state, detail);
        if (tNs < fromNs) {
            stateAtFrom.put(task, e);
        } else {
            keep(e);
        }
    }

    /** True up to the end of the window: before it, occupancy and states are needed for the start. */
    @Override
    public boolean wants(long tNs) {
        return tNs <= toNs;
    }

    private void keep(Trace.Event e) {
        if (e.tNs() > toNs) {
            return;
        }
        if (events.size() >= maxEvents) {
            dropped++;
            truncatedAtNs = Math.min(truncatedAtNs, e.tNs());
            return;
        }
        events.add(e);
    }

    private final java.util.Map<Integer, String> cpuNames = new java.util.TreeMap<>();

    @Override
    public void nameCpu(int cpu, String name) {
        cpuNames.put(cpu, name);
    }

    private final Map<String, Trace.TaskInfo> taskInfo = new java.util.HashMap<>();

    @Override
    public void describeTask(String task, int pid, int kernelPrio) {
        taskInfo.put(task, new Trace.TaskInfo(pid, kernelPrio));
    }

    /** The events dropped so far because the cap was reached. */
    public long dropped() {
        return dropped;
    }

    /** An immutable snapshot: the carried-in state, then the window's events, in (stable) time order. */
    public Trace trace() {
        List<Trace.Event> all = new ArrayList<>(openAtFrom.size() + stateAtFrom.size() + events.size());
        all.addAll(openAtFrom.values());
        all.addAll(stateAtFrom.values());
        all.addAll(events);
        all.sort(Comparator.comparingLong(Trace.Event::tNs));
        Set<Integer> cpus = new TreeSet<>();
        Set<String> tasks = new HashSet<>();
        for (Trace.Event e : all) {
            cpus.add(e.cpu());
            String task = taskOf(e);
            if (task != null) {
                tasks.add(task);
            }
        }
        List<String> sortedTasks = new ArrayList<>(tasks);
        sortedTasks.sort(null);
        return new Trace(fromNs, toNs, new ArrayList<>(cpus), sortedTasks, all, dropped,
                dropped > 0 ? truncatedAtNs : toNs, cpuNames, taskInfo);
    }

    private static String taskOf(Trace.Event e) {
        if (e instanceof Trace.Occupy o) {
            return o.task();
        }
        if (e instanceof Trace.Point p) {
            return p.task();
        }
        return ((Trace.StateChange) e).task();
    }
}
