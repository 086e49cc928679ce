package org.rtvsim.measure;

/**
 * Receives every latency sample a {@link LatencyRecorder} records, for a per-sample export: the thread's
 * name and CPU, the intended wake-up time and latency (ns), the IRQ latency (ns, negative when no wake-up
 * was observed) and the label of the sample's largest attribution component (null without attribution).
 */
public interface SampleSink {
    void sample(String thread, int cpu, long intendedNs, long latencyNs, long irqNs, String topComponent);
}
