package org.rtvsim.measure;

import java.util.List;

/**
 * The statistics of one group of samples over all replications, times in nanoseconds: either one
 * measuring thread ({@code thread ≥ 0}, its index) or all threads pooled ({@code thread = -1}, label
 * {@code "all threads"}), which is what SLOs, comparisons, sweeps and capacity searches use.
 * {@code samples} counts the pooled samples of every replication; statistics are in the order min,
 * avg, the requested percentiles ascending as given, max.
 */
public record ReplicatedGroup(String label, int thread, int cpu, long samples, List<StatisticCI> statistics) {
    public ReplicatedGroup {
        statistics = List.copyOf(statistics);
    }

    /** The statistic called {@code name} (e.g. {@code p99.99}), or null when there is none. */
    public StatisticCI statistic(String name) {
        for (StatisticCI s : statistics) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
