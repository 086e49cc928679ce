package org.rtvsim.calibrate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measured.LatencyCdf;
import org.rtvsim.scenario.CommandImport;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;
import org.rtvsim.scenario.VmSpec;
import org.rtvsim.scenario.WorkloadSpec;

/**
 * Runs a scenario file for calibration and comparison: loads it with the user's {@code --set}s plus the
 * point's overrides, applies the seed and the simulated duration, switches attribution off (it does not change
 * the latencies, only costs time) and pools the cyclictest threads' latencies into a {@link LatencyCdf} with the
 * measurement's bucket width. The seed is the same for every call, so every evaluation draws the same random
 * numbers (common random numbers).
 */
public final class ScenarioSimulator implements Calibration.Simulator {
    /** The default cap on simulated samples per evaluation of {@code rtvsim calibrate}. */
    public static final long CALIBRATE_MAX_SAMPLES = 1_000_000;
    /** The default cap on simulated samples of {@code rtvsim compare --measured}. */
    public static final long COMPARE_MAX_SAMPLES = 5_000_000;

    private final Path file;
    private final List<String> baseSets;
    private final CommandImport imports;
    private final Long seed;
    private final long durationNs;
    private final double bucketWidthUs;

    /**
     * @param seed       the seed for every run (null: the scenario's own)
     * @param durationNs the simulated duration of every run
     */
    public ScenarioSimulator(Path file, List<String> baseSets, Long seed, long durationNs, double bucketWidthUs) {
        this(file, baseSets, CommandImport.NONE, seed, durationNs, bucketWidthUs);
    }

    /** The same with a cyclictest command line and a load applied to the scenario before the overrides. */
    public ScenarioSimulator(Path file, List<String> baseSets, CommandImport imports, Long seed, long durationNs,
            double bucketWidthUs) {
        this.imports = imports;
        this.file = file;
        this.baseSets = List.copyOf(baseSets);
        this.seed = seed;
        this.durationNs = durationNs;
        this.bucketWidthUs = bucketWidthUs;
    }

    /** The scenario with the base overrides and {@code sets}, seed and duration applied. */
    public ScenarioSpec spec(List<String> sets) {
        List<String> all = new ArrayList<>(baseSets);
        all.addAll(sets);
        all.add("measure.attribution=false");
        ScenarioSpec s = ScenarioLoader.load(file, all, imports).withDuration(durationNs);
        return seed == null ? s : s.withSeed(seed);
    }

    @Override
    public LatencyCdf run(List<String> sets, int replication) {
        return run(spec(sets), replication, bucketWidthUs);
    }

    /** Runs {@code spec} as replication {@code replication} and pools its cyclictest threads. */
    public static LatencyCdf run(ScenarioSpec spec, int replication, double bucketWidthUs) {
        RunResult r = SingleRun.run(spec, replication);
        if (r.threads().isEmpty()) {
            throw new IllegalArgumentException(spec.source() + ": the scenario has no cyclictest thread to compare");
        }
        return LatencyCdf.ofThreads(r.scenario(), r.threads(), bucketWidthUs);
    }

    /**
     * Cyclictest samples per simulated second of {@code spec}: all threads of all cyclictest entries, on the
     * host and in every guest ({@code vms[].workload}).
     */
    public static double samplesPerSecond(ScenarioSpec spec) {
        double rate = rate(spec.host().workload());
        for (VmSpec vm : spec.vms()) {
            rate += rate(vm.workload());
        }
        return rate;
    }

    private static double rate(List<WorkloadSpec> workload) {
        double rate = 0;
        for (WorkloadSpec w : workload) {
            if (w instanceof WorkloadSpec.CyclictestSpec c) {
                for (int i = 0; i < c.threads(); i++) {
                    rate += 1e9 / (c.intervalNs() + (double) i * c.distanceNs());
                }
            }
        }
        return rate;
    }

    /**
     * The default simulated duration: as many samples as were measured ({@code measuredSamples}), at most
     * {@code maxSamples}, at the scenario's cyclictest rate; at least one interval. 0 if nothing measures.
     */
    public static long defaultDurationNs(ScenarioSpec spec, long measuredSamples, long maxSamples) {
        double rate = samplesPerSecond(spec);
        if (rate <= 0) {
            return 0;
        }
        long samples = Math.max(1, Math.min(measuredSamples, maxSamples));
        return (long) Math.ceil(samples / rate * 1e9);
    }
}
