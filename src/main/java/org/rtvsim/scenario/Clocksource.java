package org.rtvsim.scenario;

/** The clocksource read on the latency path ({@code hardware.clocksource}). */
public enum Clocksource {
    TSC, HPET, ACPI_PM;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
