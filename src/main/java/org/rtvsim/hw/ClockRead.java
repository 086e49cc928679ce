package org.rtvsim.hw;

import org.rtvsim.engine.Sampler;

/**
 * The cost of reading the clocksource on the latency path (TSC via vDSO ≈ 25 ns; HPET, an MMIO
 * read, ≈ 1 µs; acpi_pm ≈ 2 µs — model-reference.md gives the sources).
 */
public final class ClockRead {
    private final String clocksource;
    private final Sampler costNs;
    private final int blame;

    public ClockRead(String clocksource, Sampler costNs, int blame) {
        this.clocksource = clocksource;
        this.costNs = costNs;
        this.blame = blame;
    }

    public String clocksource() {
        return clocksource;
    }

    public long sampleNs() {
        return costNs.sampleNs();
    }

    public int blame() {
        return blame;
    }
}
