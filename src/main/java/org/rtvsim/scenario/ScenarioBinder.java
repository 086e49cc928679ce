package org.rtvsim.scenario;

import org.rtvsim.engine.CpuSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds a merged, overridden tree to a {@link ScenarioSpec}: the top-level keys, {@code host}, {@code measure}
 * and {@code slo} here; hardware, kernels, workloads and guests through their binders. Checks that the
 * scenario has a name and at least one measuring workload.
 */
final class ScenarioBinder {
    private ScenarioBinder() {
    }

    static ScenarioSpec bind(Node tree, String source) {
        return Locations.record(source, where -> bind(tree, source, where));
    }

    private static ScenarioSpec bind(Node tree, String source, Locations where) {
        Node root = HardwareProfiles.apply(tree);
        Section top = Section.of(root, "", Schema.Shape.ROOT, root.location());
        String name = top.requiredString("name");
        if (name.isBlank()) {
            throw Values.error(top.node("name"), "name", "expected a non-empty scenario name; got ''");
        }
        String description = top.string("description", Defaults.DESCRIPTION);
        long seed = top.longValue("seed", Defaults.SEED);
        long duration = top.positiveDurationNs("duration", Defaults.DURATION_NS);
        long warmup = top.durationNs("warmup", Defaults.WARMUP_NS);
        if (warmup + duration > org.rtvsim.engine.Units.MAX_NS) {
            throw Values.error(top.has("duration") ? top.node("duration") : top.node("warmup"),
                    top.has("duration") ? "duration" : "warmup", "expected warmup + duration within the simulated "
                    + "clock's range (at most " + org.rtvsim.engine.Units.formatNs(org.rtvsim.engine.Units.MAX_NS) + ")");
        }
        int replications = top.integer("replications", Defaults.REPLICATIONS, 1, Defaults.MAX_REPLICATIONS);

        HardwareSpec hw = HardwareBinder.bind(top.section("hardware", Schema.Shape.HARDWARE));
        Section hostS = top.section("host", Schema.Shape.HOST);
        KernelSpec kernel = KernelBinder.bind(hostS.section("kernel", Schema.Shape.KERNEL), hw.cpus(),
                "hardware.cpus");
        List<WorkloadSpec> workload = WorkloadBinder.bindList(hostS.node("workload"), "host.workload",
                new WorkloadBinder.Cpus(hw.cpus(), "hardware.cpus", new DlAdmission(kernel, hw.cpus())));
        CpuSet all = CpuSet.range(0, hw.cpus());
        List<VmSpec> vms = VmBinder.vms(top.node("vms"), hw.cpus(),
                kernel.isolcpus().isEmpty() ? all : kernel.isolcpus());
        List<SystemEventSpec> events = EventBinder.bind(top.node("events"), hw.cpus(), warmup + duration);

        boolean measuring = WorkloadBinder.measures(workload)
                || vms.stream().anyMatch(v -> WorkloadBinder.measures(v.workload()));
        if (!measuring) {
            Node.Location at = hostS.has("workload") ? hostS.node("workload").location() : root.location();
            throw new ScenarioException(at, "host.workload", "expected a measuring workload (cyclictest, "
                    + "periodic or lock_sharing) in host.workload or a vms[NAME].workload; got none");
        }
        return new ScenarioSpec(name, description, seed, duration, warmup, replications, hw,
                new HostSpec(kernel, workload, KvmBinder.kvm(hostS.section("kvm", Schema.Shape.KVM))), vms, events, measure(top.section("measure", Schema.Shape.MEASURE)),
                slo(top), UncertainBinder.bind(top.node("uncertain")), source, where);
    }

    private static MeasureSpec measure(Section m) {
        Section h = m.section("histogram", Schema.Shape.HISTOGRAM);
        List<Double> percentiles = Defaults.PERCENTILES;
        if (m.has("percentiles")) {
            if (!(m.node("percentiles") instanceof Node.ListNode l) || l.size() == 0) {
                throw Values.error(m.node("percentiles"), m.key("percentiles"),
                        "expected a list of percentiles such as [50, 99, 99.9]; got " + Node.describe(m.node("percentiles")));
            }
            List<Double> p = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                double pc = Values.number(l.items().get(i), m.key("percentiles") + "[" + i + "]", 0, 100,
                        "a percentile in 0..100");
                if (pc <= 0) {
                    throw Values.error(l.items().get(i), m.key("percentiles") + "[" + i + "]",
                            "expected a percentile above 0 and at most 100; got 0");
                }
                p.add(pc);
            }
            percentiles = List.copyOf(p);
        }
        MeasureSpec.TraceSpec trace = null;
        if (m.has("trace")) {
            Section t = m.section("trace", Schema.Shape.TRACE);
            trace = new MeasureSpec.TraceSpec(t.requiredPositiveDurationNs("window"),
                    t.string("around", Defaults.TRACE_AROUND));
        }
        return new MeasureSpec(h.positiveDurationNs("bucket", Defaults.HISTOGRAM_BUCKET_NS),
                h.integer("buckets", Defaults.HISTOGRAM_BUCKETS, 1, 1_000_000), percentiles,
                m.bool("attribution", Defaults.ATTRIBUTION), trace,
                m.enumValue("scope", MeasureSpec.Scope.class, MeasureSpec.Scope.EVERYTHING));
    }

    private static SloSpec slo(Section top) {
        if (!top.has("slo")) {
            return null;
        }
        Section s = top.section("slo", Schema.Shape.SLO);
        if (!s.has("percentile")) {
            throw s.missing("percentile", "a percentile in 0..100, e.g. 99.99");
        }
        double p = Values.number(s.node("percentile"), s.key("percentile"), 0, 100, "a percentile in 0..100");
        return new SloSpec(p, s.requiredPositiveDurationNs("below"));
    }
}
