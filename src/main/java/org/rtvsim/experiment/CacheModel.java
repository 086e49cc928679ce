package org.rtvsim.experiment;

import java.util.Map;
import java.util.TreeMap;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.hw.Cache;
import org.rtvsim.measure.BlameRegistry;
import org.rtvsim.scenario.HardwareSpec;
import org.rtvsim.scenario.ScenarioSpec;
import org.rtvsim.scenario.WorkloadSpec;

/**
 * Builds the {@link Cache} of a scenario from {@code hardware.llc} (with the private L2), {@code hardware.dram_latency} and
 * {@code hardware.cat}: each CPU uses the ways of the CAT class listing it, else those of a class named
 * {@code default}, else all ways (CAT off). Built only when a {@code cache_hog} exists — without a
 * streaming neighbour the model evicts nothing, so it is left out entirely.
 */
final class CacheModel {
    private CacheModel() {
    }

    static Cache build(ScenarioSpec spec, BlameRegistry blames, org.rtvsim.engine.StreamRegistry streams) {
        boolean hogs = spec.host().workload().stream().anyMatch(w -> w instanceof WorkloadSpec.CacheHogSpec)
                || spec.vms().stream().anyMatch(v -> v.workload().stream()
                        .anyMatch(w -> w instanceof WorkloadSpec.CacheHogSpec));
        if (!hogs) {
            return null;
        }
        HardwareSpec hw = spec.hardware();
        int ways = hw.llc().ways();
        long all = Cache.allWays(ways);
        long[] cpuWays = new long[hw.cpus()];
        java.util.Arrays.fill(cpuWays, all);
        if (hw.cat() != null) {
            Map<String, HardwareSpec.CatClassSpec> classes = new TreeMap<>(hw.cat().classes());
            HardwareSpec.CatClassSpec def = classes.get("default");
            if (def != null) {
                java.util.Arrays.fill(cpuWays, mask(def.ways()));
            }
            for (HardwareSpec.CatClassSpec c : classes.values()) {
                if (c.cpus() != null) {
                    for (int cpu : CpuSet.parse(c.cpus())) {
                        cpuWays[cpu] = mask(c.ways());
                    }
                }
            }
        }
        return new Cache(hw.llc().sizeBytes(), ways, cpuWays, hw.dramLatencyNs(), hw.llc().wakeupLines(),
                hw.llc().mlp(), hw.llc().l2SizeBytes(), hw.llc().hitLatencyNs(), blames.id("cache refill (LLC misses)"),
                streams);
    }

    /** The ways a cache hog fills: its {@code cat_class}, else those of the first CPU it runs on. */
    static long waysOf(ScenarioSpec spec, WorkloadSpec.CacheHogSpec h, Cache cache,
                       java.util.function.IntUnaryOperator physicalCpu) {
        if (h.catClass() != null) {
            HardwareSpec.CatSpec cat = spec.hardware().cat();
            HardwareSpec.CatClassSpec c = cat == null ? null : cat.classes().get(h.catClass());
            if (c == null) {
                throw new IllegalArgumentException("cat_class '" + h.catClass() + "' is not a class of hardware.cat"
                        + (cat == null ? " (CAT is off)" : " (classes: " + new TreeMap<>(cat.classes()).keySet() + ")"));
            }
            return mask(c.ways());
        }
        int cpu = h.cpus() != null && !h.cpus().isEmpty() ? h.cpus().get(0) : 0;
        return cache.waysOf(physicalCpu.applyAsInt(cpu));
    }

    private static long mask(String ways) {
        long m = 0;
        for (int w : CpuSet.parse(ways)) {
            m |= 1L << w;
        }
        return m;
    }
}
