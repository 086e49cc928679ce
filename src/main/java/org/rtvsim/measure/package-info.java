/**
 * Passive measurement of simulated latencies in nanoseconds: the simulator calls
 * {@code record(...)} on a {@link org.rtvsim.measure.LatencyRecorder} (one per cyclictest thread)
 * or a {@link org.rtvsim.measure.ResponseTimeRecorder} (one per periodic task), and at the end
 * asks for immutable result records that {@code report} formats.
 *
 * <p>Memory does not grow with simulated time: cyclictest-style 1-bucket histograms, an
 * HdrHistogram for percentiles, and attribution sums per log-linear latency class. This package
 * depends only on {@code org.rtvsim.engine} and libraries, never on model objects.
 */
package org.rtvsim.measure;
