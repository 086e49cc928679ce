package org.rtvsim.scenario;

import java.util.List;

/**
 * {@code measure:} — histogram layout (like cyclictest {@code -h N}), percentiles to report,
 * whether to attribute latency, and an optional bounded trace.
 */
public record MeasureSpec(long bucketNs, int buckets, List<Double> percentiles, boolean attribution,
                          TraceSpec trace, Scope scope) {

    /**
     * {@code measure.scope}: what the run's results are. {@code everything} (the default): every component
     * is simulated, so host-wide diagnostics (the starvation monitor) cover every task. {@code latency}: the
     * latency samples, response times and their attribution only; load that provably cannot reach a measured
     * CPU is then not simulated ({@code experiment.Elision}, docs/performance.md).
     */
    public enum Scope {
        EVERYTHING, LATENCY;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public MeasureSpec(long bucketNs, int buckets, List<Double> percentiles, boolean attribution, TraceSpec trace) {
        this(bucketNs, buckets, percentiles, attribution, trace, Scope.EVERYTHING);
    }

    public record TraceSpec(long windowNs, String around) {
    }
}
