package org.rtvsim.scenario;

import java.util.Map;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.DistSpec;

/**
 * One entry of {@code events:} — a system operation once at a time or repeated at a rate or interval.
 * {@code fields} keeps the entry's mapping as written (scalars as strings); the typed values are bound
 * for the kinds that are simulated ({@link #SIMULATED}) and null/0 for the others.
 *
 * @param atNs       {@code at}: the (first) occurrence, simulated time from the run's start (warmup
 *                   included); null = one gap after the start
 * @param rateHz     {@code rate}: Poisson arrivals; 0 when not repeated at a rate
 * @param intervalNs {@code interval}: strictly periodic; 0 when not repeated at an interval
 * @param count      {@code count}: the most occurrences of a repeated event; 0 = unlimited
 * @param cpu        {@code cpu_hotplug.cpu}, or null
 * @param cpus       the target CPUs ({@code tlb_shootdown}, {@code cpu_frequency_change}); null = all
 * @param duration   {@code stop_machine}, {@code handler} or {@code stall}, in ns; null when not applicable
 * @param ipis       {@code module_load/unload.ipis}: text-poke IPIs to every CPU (0 = stop_machine instead)
 * @param to         {@code clocksource_change.to}, or null
 * @param readCost   {@code clocksource_change.read_cost}, or null for the clocksource's default
 */
public record SystemEventSpec(String path, String kind, Map<String, Object> fields, Long atNs, double rateHz,
                              long intervalNs, long count, Integer cpu, CpuSet cpus, DistSpec duration, int ipis,
                              Clocksource to, DistSpec readCost, long forNs, double freqHz) {

    /** The kinds this version simulates. */
    public static final java.util.List<String> SIMULATED = java.util.List.of("cpu_hotplug", "module_load",
            "module_unload", "tlb_shootdown", "clocksource_change", "cpu_frequency_change", "slow_device",
            "task_migration");
    /** Kinds that load but are not simulated yet. */
    public static final java.util.List<String> NOT_YET = java.util.List.of("page_faults");

    /** An event kind kept as written, not simulated. */
    public SystemEventSpec(String path, String kind, Map<String, Object> fields) {
        this(path, kind, fields, null, 0, 0, 0, null, null, null, 0, null, null, 0, 0);
    }

    /** True when the event happens once ({@code at} without {@code rate} or {@code interval}). */
    public boolean once() {
        return rateHz <= 0 && intervalNs <= 0;
    }
}
