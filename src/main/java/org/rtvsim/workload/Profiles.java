package org.rtvsim.workload;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.DistSpec.Exponential;
import org.rtvsim.engine.DistSpec.Lognormal;
import org.rtvsim.engine.DistSpec.Mixture;
import org.rtvsim.engine.DistSpec.Pareto;
import org.rtvsim.scenario.SegmentKind;
import org.rtvsim.scenario.WorkloadSpec.SectionShapeSpec;
import org.rtvsim.scenario.WorkloadSpec.SegmentSpec;

/**
 * The named {@code kernel_activity} profiles: per task, user think time, one syscall's path as typed
 * segments, and how often the task then blocks. The lock and irqs-off <em>sections</em> of every profile
 * ({@code spinlock}, {@code raw_spinlock}, {@code irqoff}) draw their lengths from one {@link SectionShape},
 * by default {@link #MEASURED_SECTIONS}, fitted to a published irqs-off histogram; a scenario overrides it with
 * {@code kernel_activity.sections}. The plain {@code kernel} code between sections has no heavy tail: the rare
 * long stretches of stock kernels are {@code kernel.stock_sections} sources, each with its own source. Numbers
 * (ns) and their sources: docs/model-reference.md §13.
 */
public final class Profiles {
    private Profiles() {
    }

    /**
     * A section-length shape: with probability {@code tailProbability} a Pareto draw ({@code tailXminNs},
     * {@code tailAlpha}), else a lognormal ({@code medianNs}, {@code sigma}); both truncated at {@code capNs}.
     */
    public record SectionShape(double medianNs, double sigma, double tailAlpha, double tailXminNs,
                               double tailProbability, double capNs) {

        public DistSpec dist() {
            Lognormal body = new Lognormal(medianNs, sigma, capNs);
            return tailProbability <= 0 ? body : new Mixture(body, new Pareto(tailXminNs, tailAlpha, capNs),
                    tailProbability);
        }

        /** This shape with the fields the scenario gives (NaN = keep). */
        public SectionShape with(SectionShapeSpec o) {
            if (o == null) {
                return this;
            }
            return new SectionShape(or(o.medianNs(), medianNs), or(o.sigma(), sigma), or(o.tailAlpha(), tailAlpha),
                    or(o.tailXminNs(), tailXminNs), or(o.tailProbability(), tailProbability), or(o.capNs(), capNs));
        }

        private static double or(double v, double def) {
            return Double.isNaN(v) ? def : v;
        }
    }

    /**
     * Irqs-off sections measured by the latency histogram of the -rt patch (C. Hallinan, Embedded Linux Primer,
     * 2nd ed., 2010, §17.4.6, Listing 17-6: 60 097 595 sections, 0 µs 22.4 %, 1 µs 64.8 %, 2 µs 4.5 %, average
     * 1 µs, max 97 µs). Body fitted to the 0–2 µs buckets given x &lt; 3 µs: lognormal(1.23 µs, 0.30); the 8.3 % at
     * 3 µs or more are the Pareto tail from 3 µs, whose shape α = 4.5 puts the median of the largest of those
     * 5.0 M draws at 97 µs; cap 260 µs, the largest irqs-off example of [K] Documentation/trace/ftrace.rst (259 µs).
     */
    public static final SectionShape MEASURED_SECTIONS = new SectionShape(1_230, 0.30, 4.5, 3_000, 0.083, 260_000);

    /** Cap of the plain kernel code of a syscall: assumption ("each well under 100 µs" for short syscalls). */
    public static final double KERNEL_CAP_NS = 100_000;

    /** A profile: think time, the syscall path, and blocking after it. */
    public record Profile(String name, DistSpec think, List<SegmentSpec> segments, DistSpec sleep,
                          double sleepProbability) {
    }

    public static final List<String> NAMES = List.of("idle", "hackbench", "io", "compile");

    /** The named profile with its sections drawn from {@link #MEASURED_SECTIONS}. */
    public static Profile get(String name) {
        return get(name, MEASURED_SECTIONS);
    }

    /** The named profile with its sections drawn from {@code shape}. */
    public static Profile get(String name, SectionShape shape) {
        DistSpec s = shape.dist();
        return switch (name) {
            case "idle" -> new Profile("idle", new Exponential(5_000),
                    List.of(code(3_000, 0.6, 1), sec(SegmentKind.SPINLOCK, s, 1), sec(SegmentKind.RAW_SPINLOCK, s, 1)),
                    new Exponential(10_000_000), 1.0);
            case "hackbench" -> new Profile("hackbench", new Exponential(2_000),
                    List.of(code(2_000, 0.6, 1), sec(SegmentKind.SPINLOCK, s, 1), code(3_000, 0.8, 1),
                            sec(SegmentKind.RAW_SPINLOCK, s, 1), sec(SegmentKind.IRQOFF, s, 0.5)),
                    new Exponential(20_000), 0.5);
            case "io" -> new Profile("io", new Exponential(20_000),
                    List.of(code(5_000, 0.8, 1), sec(SegmentKind.SPINLOCK, s, 1),
                            sec(SegmentKind.SOFTIRQ, new Lognormal(10_000, 0.8, 2_000_000), 0.3),
                            sec(SegmentKind.RAW_SPINLOCK, s, 1), sec(SegmentKind.IRQOFF, s, 0.5)),
                    new Exponential(200_000), 0.8);
            case "compile" -> new Profile("compile", new Exponential(500_000),
                    List.of(code(4_000, 0.8, 1), sec(SegmentKind.SPINLOCK, s, 1), sec(SegmentKind.RAW_SPINLOCK, s, 1)),
                    new Exponential(1_000_000), 0.1);
            default -> throw new IllegalArgumentException("unknown kernel_activity profile '" + name
                    + "'; expected one of " + NAMES);
        };
    }

    /** The indices of a profile's segments whose lengths are its section shape. */
    public static List<Integer> sectionIndices(Profile p) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < p.segments().size(); i++) {
            SegmentKind k = p.segments().get(i).kind();
            if (k == SegmentKind.SPINLOCK || k == SegmentKind.RAW_SPINLOCK || k == SegmentKind.IRQOFF) {
                out.add(i);
            }
        }
        return out;
    }

    private static SegmentSpec code(double medianNs, double sigma, double p) {
        return new SegmentSpec(SegmentKind.KERNEL, new Lognormal(medianNs, sigma, KERNEL_CAP_NS), p);
    }

    private static SegmentSpec sec(SegmentKind k, DistSpec d, double p) {
        return new SegmentSpec(k, d, p);
    }
}
