package org.rtvsim.scenario;

import java.util.List;

/**
 * A whole scenario after loading, {@code extends:} merging, {@code --set} overrides and validation.
 * Times are nanoseconds. {@code source} is the path of the file it was loaded from (for messages).
 */
public record ScenarioSpec(
        String name,
        String description,
        long seed,
        long durationNs,
        long warmupNs,
        int replications,
        HardwareSpec hardware,
        HostSpec host,
        List<VmSpec> vms,
        List<SystemEventSpec> events,
        MeasureSpec measure,
        SloSpec slo,
        List<UncertainSpec> uncertain,
        String source) {

    /** The same scenario with another seed. */
    public ScenarioSpec withSeed(long newSeed) {
        return new ScenarioSpec(name, description, newSeed, durationNs, warmupNs, replications, hardware, host,
                vms, events, measure, slo, uncertain, source);
    }

    /** The same scenario with another measured duration. */
    public ScenarioSpec withDuration(long newDurationNs) {
        return new ScenarioSpec(name, description, seed, newDurationNs, warmupNs, replications, hardware, host,
                vms, events, measure, slo, uncertain, source);
    }
}
