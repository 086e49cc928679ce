package org.rtvsim.workload;

import java.util.List;
import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.DistSpec.Exponential;
import org.rtvsim.engine.DistSpec.Lognormal;
import org.rtvsim.engine.DistSpec.Mixture;
import org.rtvsim.engine.DistSpec.Pareto;
import org.rtvsim.scenario.SegmentKind;
import org.rtvsim.scenario.WorkloadSpec.SegmentSpec;

/**
 * The named {@code kernel_activity} profiles: per task, user think time, one syscall's path as typed
 * segments, and how often the task then blocks. All numbers (ns) are ASSUMPTIONS shaped on the
 * non-preemptible-section priors of model-parameters.md ("Known unknowns": FULL lognormal median
 * 2 µs + Pareto tail α 1.5, x_min 20 µs, cap 5 ms; NONE/VOL cap 20 ms; RT raw sections lognormal
 * median 1 µs, cap 30 µs) — calibrate them against measurements; docs/model-reference.md lists them.
 */
public final class Profiles {
    private Profiles() {
    }

    /** A profile: think time, the syscall path, and blocking after it. */
    public record Profile(String name, DistSpec think, List<SegmentSpec> segments, DistSpec sleep,
                          double sleepProbability) {
    }

    public static final List<String> NAMES = List.of("idle", "hackbench", "io", "compile");

    private static DistSpec ln(double medianNs, double sigma, double capNs) {
        return new Lognormal(medianNs, sigma, capNs);
    }

    private static SegmentSpec seg(SegmentKind k, DistSpec d, double p) {
        return new SegmentSpec(k, d, p);
    }

    public static Profile get(String name) {
        return switch (name) {
            case "idle" -> new Profile("idle", new Exponential(5_000),
                    List.of(seg(SegmentKind.KERNEL, ln(3_000, 0.6, 0), 1),
                            seg(SegmentKind.SPINLOCK, ln(1_500, 0.6, 0), 1),
                            seg(SegmentKind.RAW_SPINLOCK, ln(800, 0.5, 30_000), 1)),
                    new Exponential(10_000_000), 1.0);
            case "hackbench" -> new Profile("hackbench", new Exponential(2_000),
                    List.of(seg(SegmentKind.KERNEL, ln(2_000, 0.6, 0), 1),
                            seg(SegmentKind.SPINLOCK, new Mixture(ln(2_000, 0.7, 0),
                                    new Pareto(20_000, 1.5, 5_000_000), 0.002), 1),
                            seg(SegmentKind.KERNEL, new Mixture(ln(3_000, 0.8, 0),
                                    new Pareto(50_000, 1.5, 20_000_000), 0.001), 1),
                            seg(SegmentKind.RAW_SPINLOCK, ln(1_000, 0.5, 30_000), 1),
                            seg(SegmentKind.IRQOFF, ln(500, 0.5, 30_000), 0.5)),
                    new Exponential(20_000), 0.5);
            case "io" -> new Profile("io", new Exponential(20_000),
                    List.of(seg(SegmentKind.KERNEL, ln(5_000, 0.8, 0), 1),
                            seg(SegmentKind.SPINLOCK, new Mixture(ln(3_000, 0.8, 0),
                                    new Pareto(20_000, 1.5, 5_000_000), 0.002), 1),
                            seg(SegmentKind.SOFTIRQ, ln(10_000, 0.8, 2_000_000), 0.3),
                            seg(SegmentKind.RAW_SPINLOCK, ln(1_000, 0.5, 30_000), 1),
                            seg(SegmentKind.IRQOFF, ln(700, 0.5, 30_000), 0.5)),
                    new Exponential(200_000), 0.8);
            case "compile" -> new Profile("compile", new Exponential(500_000),
                    List.of(seg(SegmentKind.KERNEL, new Mixture(ln(4_000, 0.8, 0),
                                    new Pareto(50_000, 1.5, 20_000_000), 0.002), 1),
                            seg(SegmentKind.SPINLOCK, ln(2_000, 0.7, 0), 1),
                            seg(SegmentKind.RAW_SPINLOCK, ln(1_000, 0.5, 30_000), 1)),
                    new Exponential(1_000_000), 0.1);
            default -> throw new IllegalArgumentException("unknown kernel_activity profile '" + name
                    + "'; expected one of " + NAMES);
        };
    }
}
