package org.rtvsim.measure;

import java.util.List;

/**
 * What N replications of one scenario measured, times in nanoseconds: the runs themselves in
 * replication order, the pooled group of all threads first, then one group per thread, and the SLO
 * judged on every replication's samples pooled ({@code slo} may be null). {@code confidence} is the
 * level of every interval, e.g. 0.95. {@code label} names the scenario or variant in comparisons.
 */
public record ReplicatedResult(String label, String scenario, String source, long seed, long durationNs,
                               long warmupNs, double confidence, List<RunResult> runs, List<ReplicatedGroup> groups,
                               SloResult slo) {
    public ReplicatedResult {
        runs = List.copyOf(runs);
        groups = List.copyOf(groups);
    }

    /** The number of replications. */
    public int replications() {
        return runs.size();
    }

    /** All threads pooled: the group comparisons and SLOs are judged on. */
    public ReplicatedGroup pooled() {
        return groups.get(0);
    }

    /** Events simulated over all replications (simulator performance, not deterministic per second). */
    public long events() {
        return runs.stream().mapToLong(RunResult::events).sum();
    }
}
