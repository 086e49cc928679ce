package org.rtvsim.scenario;

import java.util.List;

/**
 * {@code measure:} — histogram layout (like cyclictest {@code -h N}), percentiles to report,
 * whether to attribute latency, and an optional bounded trace.
 */
public record MeasureSpec(long bucketNs, int buckets, List<Double> percentiles, boolean attribution,
                          TraceSpec trace) {

    public record TraceSpec(long windowNs, String around) {
    }
}
