package org.rtvsim.measure;

import java.util.List;

/**
 * Everything one simulation run measured, times in nanoseconds: per-thread latencies, per-task
 * response times, the SMI count, the SLO verdict ({@code slo} may be null) and notes for the reader.
 *
 * <p>{@code events} and {@code wallNanos} are performance data of the simulator itself; they vary
 * between machines, so deterministic outputs leave them out unless statistics are asked for.
 */
public record RunResult(String scenario, String source, long seed, long durationNs, long warmupNs,
                        List<ThreadResult> threads, List<TaskResult> tasks, long events, long wallNanos,
                        long smiCount, SloResult slo, List<String> notes) {
    public RunResult {
        threads = List.copyOf(threads);
        tasks = List.copyOf(tasks);
        notes = List.copyOf(notes);
    }
}
