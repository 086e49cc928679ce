package org.rtvsim.measure;

import java.util.List;
import org.rtvsim.engine.EventProfile;

/**
 * Everything one simulation run measured, times in nanoseconds: per-thread latencies, per-task
 * response times, the SMI count, the SLO verdict ({@code slo} may be null) and notes for the reader;
 * the starvation monitor's {@code waits} (the longest runnable waits, at most {@link Starvation#TOP}
 * tasks) and {@code starvation} findings on kernel threads.
 *
 * <p>{@code events} and {@code wallNanos} are performance data of the simulator itself; they vary
 * between machines, so deterministic outputs leave them out unless statistics are asked for;
 * {@code eventKinds} is the run's {@link EventProfile} (counts by event kind, sampled times), printed only
 * by {@code --stats}.
 */
public record RunResult(String scenario, String source, long seed, long durationNs, long warmupNs,
                        List<ThreadResult> threads, List<TaskResult> tasks, long events, long wallNanos,
                        long smiCount, SloResult slo, List<String> notes, List<TaskWait> waits,
                        List<StarvationFinding> starvation, List<EventProfile.Kind> eventKinds) {
    public RunResult {
        eventKinds = List.copyOf(eventKinds);
        threads = List.copyOf(threads);
        tasks = List.copyOf(tasks);
        notes = List.copyOf(notes);
        waits = List.copyOf(waits);
        starvation = List.copyOf(starvation);
    }

    /** A result without starvation data (hand-made results, tests). */
    public RunResult(String scenario, String source, long seed, long durationNs, long warmupNs,
                     List<ThreadResult> threads, List<TaskResult> tasks, long events, long wallNanos,
                     long smiCount, SloResult slo, List<String> notes) {
        this(scenario, source, seed, durationNs, warmupNs, threads, tasks, events, wallNanos, smiCount, slo, notes,
                List.of(), List.of(), List.of());
    }

    /** A result without an event profile. */
    public RunResult(String scenario, String source, long seed, long durationNs, long warmupNs,
                     List<ThreadResult> threads, List<TaskResult> tasks, long events, long wallNanos,
                     long smiCount, SloResult slo, List<String> notes, List<TaskWait> waits,
                     List<StarvationFinding> starvation) {
        this(scenario, source, seed, durationNs, warmupNs, threads, tasks, events, wallNanos, smiCount, slo, notes,
                waits, starvation, List.of());
    }
}
