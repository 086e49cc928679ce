package org.rtvsim.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * Several scenarios or variants run with the same seed and replication indices, times in nanoseconds:
 * {@code entries.get(0)} is the baseline; {@code differences.get(i − 1)} are the paired differences
 * entry i − baseline of every pooled statistic. {@code independent} records that entries ran with
 * different seeds (no common random numbers), which only widens the intervals.
 */
public record Comparison(List<ReplicatedResult> entries, List<List<PairedDifference>> differences,
                         boolean independent) {
    public Comparison {
        entries = List.copyOf(entries);
        differences = differences.stream().map(List::copyOf).toList();
    }

    /** Compares every entry with the first. */
    public static Comparison of(List<ReplicatedResult> entries, boolean independent) {
        List<List<PairedDifference>> diffs = new ArrayList<>();
        for (int i = 1; i < entries.size(); i++) {
            diffs.add(ReplicationStats.paired(entries.get(0), entries.get(i)));
        }
        return new Comparison(entries, diffs, independent);
    }

    /** The baseline. */
    public ReplicatedResult baseline() {
        return entries.get(0);
    }
}
