package org.rtvsim.scenario;

import java.util.Map;
import org.rtvsim.engine.DistSpec;

/**
 * {@code hardware:} — the physical machine.
 *
 * @param cpus          physical CPUs (hardware threads)
 * @param freqHz        nominal core frequency in Hz
 * @param llc           last-level cache (used by the cache model; may be null until then)
 * @param cat           Intel CAT classes, null when off
 * @param dramLatencyNs DRAM load-to-use latency
 * @param smi           SMI source, null when the machine has none
 * @param cstates       idle states and the deepest allowed
 * @param clocksource   the clocksource read on the latency path
 * @param clockReadNs   optional override of the clock read cost (null: the clocksource's default)
 */
public record HardwareSpec(
        int cpus,
        boolean smt,
        long freqHz,
        LlcSpec llc,
        CatSpec cat,
        long dramLatencyNs,
        SmiSpec smi,
        CStatesSpec cstates,
        Clocksource clocksource,
        DistSpec clockReadNs) {

    /**
     * The LLC: size, ways, the cache lines a task's wake-up path touches and how many of their misses
     * overlap (memory-level parallelism), each drawn per refill (fixed by default); the private L2 per CPU
     * and the LLC hit latency (an L2 miss).
     */
    public record LlcSpec(long sizeBytes, int ways, org.rtvsim.engine.DistSpec wakeupLines,
                          org.rtvsim.engine.DistSpec mlp, long l2SizeBytes, long hitLatencyNs) {
        /** Fixed footprint and MLP, with the default L2 and LLC hit latency. */
        public LlcSpec(long sizeBytes, int ways, int wakeupLines, double mlp) {
            this(sizeBytes, ways, new org.rtvsim.engine.DistSpec.Fixed(wakeupLines),
                    new org.rtvsim.engine.DistSpec.Fixed(mlp), Defaults.L2_SIZE_BYTES, Defaults.LLC_HIT_LATENCY_NS);
        }
    }

    /** CAT classes of service: name → ways (a way list like "0-5") and the CPUs in the class. */
    public record CatSpec(Map<String, CatClassSpec> classes) {
    }

    public record CatClassSpec(String ways, String cpus) {
    }

    /**
     * A machine-wide SMI source (ns): interval from one SMI's start to the next one's (an SMI never
     * starts before the previous one has ended), and SMI duration.
     */
    public record SmiSpec(DistSpec intervalNs, DistSpec durationNs) {
    }

    /**
     * Idle states in order from shallow to deep: name → exit latency (ns, the driver's worst case) and target
     * residency (ns), the deepest state allowed ({@code max_cstate}, like {@code intel_idle.max_cstate}), the
     * governor ({@code menu}, {@code teo}, {@code oracle}), the factor on the exit latency an actual exit takes
     * ({@code exitFraction}, dimensionless, ≤ 1) and per-state exit-time distributions (ns) that replace it.
     */
    public record CStatesSpec(Map<String, Long> exitLatencyNs, Map<String, Long> targetResidencyNs,
                              String maxCstate, String governor, DistSpec exitFraction,
                              Map<String, DistSpec> exitTimeNs) {
        public CStatesSpec(Map<String, Long> exitLatencyNs, Map<String, Long> targetResidencyNs, String maxCstate) {
            this(exitLatencyNs, targetResidencyNs, maxCstate, "oracle", null, Map.of());
        }
    }
}
