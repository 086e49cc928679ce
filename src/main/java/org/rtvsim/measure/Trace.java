package org.rtvsim.measure;

import java.util.List;

/**
 * A bounded timeline trace of one run, times in nanoseconds of simulated time: the events a
 * {@link TraceRecorder} kept for the window {@code [fromNs, toNs]}, in time order.
 *
 * <p>The list starts with the carried-in state: for each CPU the {@link Occupy} that was open at
 * {@code fromNs} and for each task its last {@link StateChange} before {@code fromNs}, at their real
 * (earlier) times, so a picture of the window starts complete; writers clip them to {@code fromNs}.
 * When the event cap was reached, {@code dropped} events were left out from {@code truncatedAtNs}
 * on (otherwise {@code truncatedAtNs == toNs}): the picture is complete only up to that time.
 *
 * @param cpus  the CPUs that appear, ascending
 * @param tasks the tasks that appear, sorted by name
 * @param cpuNames display names of CPUs that are not the host's (guest vCPUs, numbered 1000·(guest+1) + i)
 * @param taskInfo each task's pid and static kernel priority, as the model described them
 */
public record Trace(long fromNs, long toNs, List<Integer> cpus, List<String> tasks, List<Event> events,
                    long dropped, long truncatedAtNs, java.util.Map<Integer, String> cpuNames,
                    java.util.Map<String, TaskInfo> taskInfo) {

    /** A task's process id and static priority in the kernel's numbering (99 − rtprio, or 120 + nice). */
    public record TaskInfo(int pid, int kernelPrio) {
    }

    /** A trace without task descriptions (pids and priorities then come from {@link #info}'s fallback). */
    public Trace(long fromNs, long toNs, List<Integer> cpus, List<String> tasks, List<Event> events,
                 long dropped, long truncatedAtNs, java.util.Map<Integer, String> cpuNames) {
        this(fromNs, toNs, cpus, tasks, events, dropped, truncatedAtNs, cpuNames, java.util.Map.of());
    }

    /**
     * {@code task}'s pid and priority: as described by the model, else (a task never described) pid
     * 100 000 + its index in {@link #tasks()} and priority 120.
     */
    public TaskInfo info(String task) {
        TaskInfo i = taskInfo.get(task);
        if (i != null) {
            return i;
        }
        int index = tasks.indexOf(task);
        return new TaskInfo(100_000 + Math.max(0, index), 120);
    }

    public Trace {
        if (fromNs >= toNs) {
            throw new IllegalArgumentException("trace window: from " + fromNs + " ns must be before to " + toNs + " ns");
        }
        cpus = List.copyOf(cpus);
        tasks = List.copyOf(tasks);
        events = List.copyOf(events);
        cpuNames = java.util.Map.copyOf(cpuNames);
        taskInfo = java.util.Map.copyOf(taskInfo);
    }

    /** A CPU's display name: {@code cpuN} for the host's, the guest's name for a vCPU ({@code rt/vcpu2}). */
    public String cpuName(int cpu) {
        return cpuNames.getOrDefault(cpu, "cpu" + cpu);
    }

    /** The end of the complete part of the picture: {@code toNs}, or where events began to be dropped. */
    public long endNs() {
        return Math.min(toNs, truncatedAtNs);
    }

    /** One trace event at {@code tNs} on CPU {@code cpu}. */
    public sealed interface Event permits Occupy, Point, StateChange {
        long tNs();

        int cpu();
    }

    /** CPU {@code cpu} is occupied by {@code kind}/{@code label} from {@code tNs} on; {@code task} may be null. */
    public record Occupy(long tNs, int cpu, TraceSink.Slice kind, String label, String task) implements Event {
    }

    /** A point event; {@code task} and {@code detail} may be null. */
    public record Point(long tNs, int cpu, TraceSink.Instant kind, String task, String detail) implements Event {
    }

    /** {@code task} enters {@code state} on {@code cpu}; {@code detail} (a lock name) may be null. */
    public record StateChange(long tNs, int cpu, String task, TraceSink.TaskState state, String detail)
            implements Event {
    }
}
