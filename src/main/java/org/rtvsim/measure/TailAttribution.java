package org.rtvsim.measure;

import java.util.List;

/**
 * The attribution summed over the tail of a latency distribution: over the {@code samples}
 * samples at or above {@code thresholdNs}, whose latencies total {@code totalNs} nanoseconds.
 *
 * <p>Rounding: {@code thresholdNs} is the lower bound of the latency class (at most 1.6 % wide)
 * that holds percentile {@code percentile}, so the tail may include a few samples slightly below
 * the exact percentile value; every sample in that class and above is counted.
 */
public record TailAttribution(double percentile, long thresholdNs, long samples, long totalNs,
                              List<Attribution.Component> components) {
    public TailAttribution {
        components = List.copyOf(components);
    }
}
