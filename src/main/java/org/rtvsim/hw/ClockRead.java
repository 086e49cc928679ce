package org.rtvsim.hw;

import org.rtvsim.engine.Sampler;

/**
 * The cost of reading the clocksource on the latency path (TSC via vDSO ≈ 25 ns; HPET, an MMIO
 * read, ≈ 1 µs; acpi_pm ≈ 2 µs — model-reference.md gives the sources). Switchable at run time
 * ({@code clocksource_change}): every read from then on costs the new clocksource's read.
 */
public final class ClockRead {
    private String clocksource;
    private Sampler costNs;
    private int blame;

    public ClockRead(String clocksource, Sampler costNs, int blame) {
        this.clocksource = clocksource;
        this.costNs = costNs;
        this.blame = blame;
    }

    /** From now on reads cost {@code newCostNs}, charged to {@code newBlame} (a clocksource change). */
    public void switchTo(String newClocksource, Sampler newCostNs, int newBlame) {
        this.clocksource = newClocksource;
        this.costNs = newCostNs;
        this.blame = newBlame;
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
