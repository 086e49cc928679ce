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
        String source,
        Locations locations) {

    /** A scenario without recorded locations (built in code): model-build errors name its file only. */
    public ScenarioSpec(String name, String description, long seed, long durationNs, long warmupNs, int replications,
                        HardwareSpec hardware, HostSpec host, List<VmSpec> vms, List<SystemEventSpec> events,
                        MeasureSpec measure, SloSpec slo, List<UncertainSpec> uncertain, String source) {
        this(name, description, seed, durationNs, warmupNs, replications, hardware, host, vms, events, measure, slo,
                uncertain, source, Locations.none(source));
    }

    /**
     * An error found while building the model from this scenario, at the line of {@code key} (or its nearest
     * written ancestor) when the scenario was loaded from a file.
     */
    public ScenarioException error(String key, String detail) {
        Node.Location at = locations == null ? new Node.Location(source, 0, 0) : locations.of(key);
        return new ScenarioException(at.file().isEmpty() ? source : at.file(), at.line(), at.column(), key, detail);
    }

    /** The same scenario with another seed. */
    public ScenarioSpec withSeed(long newSeed) {
        return new ScenarioSpec(name, description, newSeed, durationNs, warmupNs, replications, hardware, host,
                vms, events, measure, slo, uncertain, source, locations);
    }

    /** The same scenario with another measured duration. */
    public ScenarioSpec withDuration(long newDurationNs) {
        return new ScenarioSpec(name, description, seed, newDurationNs, warmupNs, replications, hardware, host,
                vms, events, measure, slo, uncertain, source, locations);
    }
}
