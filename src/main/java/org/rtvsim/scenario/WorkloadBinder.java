package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.engine.CpuSet;

/**
 * Binds a {@code workload:} list (host or guest) to {@link WorkloadSpec}s. Each entry is a one-key mapping
 * whose key is the kind. Messages name an entry by its place in the file ({@code host.workload[2].device_irq});
 * its component path — the name of its random streams — counts entries of the same kind only
 * ({@code host.workload.device_irq[0]}), so inserting an entry of another kind does not change the numbers
 * of the existing ones (common random numbers across scenario variants).
 * CPU lists are checked against the CPUs of the kernel the workload runs on.
 */
final class WorkloadBinder {
    private WorkloadBinder() {
    }

    /** The CPUs a workload list may name: their count and what they are called in messages. */
    /** The CPUs a workload may name, and the deadline admission of their kernel (null: none checked). */
    record Cpus(int count, String what, DlAdmission admission) {
        Cpus(int count, String what) {
            this(count, what, null);
        }
    }

    static List<WorkloadSpec> bindList(Node node, String prefix, Cpus cpus) {
        if (node == null || node instanceof Node.Scalar s && s.isNull()) {
            return List.of();
        }
        if (!(node instanceof Node.ListNode list)) {
            throw Values.error(node, prefix, "expected a list of workloads (- cyclictest: {...}); got "
                    + Node.describe(node));
        }
        List<WorkloadSpec> out = new ArrayList<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            Node item = list.items().get(i);
            String kind = item instanceof Node.MapNode mm && mm.size() == 1
                    ? mm.entries().keySet().iterator().next() : "?";
            int occurrence = seen.merge(kind, 1, Integer::sum) - 1;
            out.add(bindEntry(item, prefix + "[" + i + "]", prefix + "." + kind + "[" + occurrence + "]", i, cpus));
        }
        if (cpus.admission() != null) {
            cpus.admission().finish(); // global deadline tasks: once every pinned one (partition) is known
        }
        return List.copyOf(out);
    }

    private static WorkloadSpec bindEntry(Node entry, String at, String componentPath, int index, Cpus cpus) {
        if (!(entry instanceof Node.MapNode m) || m.size() != 1) {
            throw Values.error(entry, at, "expected a one-key mapping naming the workload kind ("
                    + String.join(", ", Schema.WORKLOAD_KINDS) + "); got " + Node.describe(entry)
                    + (entry instanceof Node.MapNode mm ? " with " + mm.size() + " keys" : ""));
        }
        Section.checkKeys(m, at, Schema.keys(Schema.Shape.WORKLOAD));
        String kind = m.entries().keySet().iterator().next();
        String keyPath = at + "." + kind;
        String path = componentPath;
        Node body = m.get(kind);
        Section s = Section.of(body, keyPath, Schema.child(Schema.Shape.WORKLOAD, kind), m.keyLocation(kind))
                .withComponent(path);
        return switch (kind) {
            case "cyclictest" -> cyclictest(s, cpus);
            case "periodic" -> TaskBinder.periodic(s, cpus);
            case "kernel_activity" -> kernelActivity(s, cpus);
            case "device_irq" -> deviceIrq(s, index, cpus);
            case "emulated_io" -> new WorkloadSpec.EmulatedIoSpec(path, rate(s, true),
                    s.cpus("cpus", cpus.count(), cpus.what(), null), s.requiredDist("service"),
                    s.bool("needs_bql", Defaults.EMULATED_IO_NEEDS_BQL));
            case "cache_hog" -> cacheHog(s, cpus);
            default -> TaskBinder.lockSharing(s, cpus);
        };
    }

    private static WorkloadSpec cyclictest(Section s, Cpus cpus) {
        CpuSet set = s.cpus("cpus", cpus.count(), cpus.what(), null);
        int threads;
        if (s.has("threads")) {
            threads = s.integer("threads", 1, 1, 4096);
            if (set != null && threads > set.size()) {
                throw Values.error(s.node("threads"), s.key("threads"), "expected at most " + set.size()
                        + " threads (one per CPU in cpus \"" + set + "\"); got " + threads);
            }
        } else {
            threads = set == null ? Defaults.CYCLICTEST_THREADS : set.size();
        }
        int priority = s.integer("priority", Defaults.CYCLICTEST_PRIORITY, 0, 99);
        SchedPolicy policy = s.enumValue("policy", SchedPolicy.class,
                priority > 0 ? SchedPolicy.FIFO : SchedPolicy.OTHER);
        checkPriority(s, policy, priority);
        long interval = s.positiveDurationNs("interval", Defaults.CYCLICTEST_INTERVAL_NS);
        long distance = s.durationNs("distance", Defaults.CYCLICTEST_DISTANCE_NS);
        Long latencyTarget = Defaults.CYCLICTEST_LATENCY_TARGET_NS;
        if (s.has("latency_target")) {
            Node n = s.node("latency_target");
            latencyTarget = Values.string(n, s.key("latency_target")).trim().equalsIgnoreCase("off") ? null
                    : Values.durationNs(n, s.key("latency_target"), false);
        }
        CpuSet affinity = s.cpus("affinity", cpus.count(), cpus.what(), null);
        if (affinity != null) {
            CpuSet threadCpus = set != null ? CpuSet.of(java.util.Arrays.copyOf(set.toArray(), threads))
                    : CpuSet.range(0, threads);
            if (!threadCpus.minus(affinity).isEmpty()) {
                throw Values.error(s.node("affinity"), s.key("affinity"), "expected a CPU list holding every "
                        + "thread's CPU \"" + threadCpus + "\" (each thread starts there); got \"" + affinity + "\"");
            }
        }
        return new WorkloadSpec.CyclictestSpec(s.component(), threads, set, priority, policy, interval, distance,
                s.bool("mlock", Defaults.CYCLICTEST_MLOCK), latencyTarget,
                s.number("minor_fault_probability", Defaults.CYCLICTEST_MINOR_FAULT_P, 0, 1, "a probability in 0..1"),
                s.number("major_fault_probability", Defaults.CYCLICTEST_MAJOR_FAULT_P, 0, 1, "a probability in 0..1"),
                FairSpec.bind(s), affinity);
    }

    /** RT policies need priority 1..99, SCHED_OTHER needs 0 (as sched_setscheduler demands). */
    static void checkPriority(Section s, SchedPolicy policy, int priority) {
        if (policy == SchedPolicy.DEADLINE) {
            throw Values.error(s.node("policy"), s.key("policy"), "expected fifo, rr, other, batch or idle; policy "
                    + "deadline applies to periodic tasks only (with runtime, deadline and period)");
        }
        if (policy.isRealtime() && priority < 1 || !policy.isRealtime() && priority != 0) {
            Node at = s.has("priority") ? s.node("priority") : s.has("policy") ? s.node("policy") : s.map();
            throw Values.error(at, s.key("priority"), "expected priority " + (policy.isRealtime() ? "1..99" : "0")
                    + " for policy " + policy.key() + "; got " + priority);
        }
    }

    private static WorkloadSpec kernelActivity(Section s, Cpus cpus) {
        CpuSet set = s.cpus("cpus", cpus.count(), cpus.what(), null);
        int tasks = s.integer("tasks", Defaults.KERNEL_ACTIVITY_TASKS, 1, 10_000);
        List<WorkloadSpec.SegmentSpec> segments = null;
        if (s.has("segments")) {
            segments = new ArrayList<>();
            for (Section seg : s.sections("segments", Schema.Shape.SEGMENT, true, "{kind, length, probability}")) {
                if (!seg.has("kind")) {
                    throw seg.missing("kind", "one of user, kernel, spinlock, raw_spinlock, irqoff, softirq");
                }
                segments.add(new WorkloadSpec.SegmentSpec(seg.enumValue("kind", SegmentKind.class, null),
                        seg.requiredDist("length"),
                        seg.number("probability", Defaults.SEGMENT_PROBABILITY, 0, 1, "a probability in 0..1")));
            }
            segments = List.copyOf(segments);
        }
        if (segments != null && !s.has("think")) {
            throw Values.error(s.node("segments"), s.key("think"), "expected think (the user time between two "
                    + "iterations of the segments, a DIST) with segments; got none");
        }
        if (segments != null && s.has("profile")) {
            throw Values.error(s.node("profile"), s.key("profile"),
                    "expected either profile or segments, not both; got both");
        }
        String profile = s.choice("profile", Defaults.KERNEL_ACTIVITY_PROFILES,
                segments == null ? Defaults.KERNEL_ACTIVITY_PROFILE : null);
        int locks = s.integer("locks", Defaults.KERNEL_ACTIVITY_LOCKS, 0, 1_000_000);
        SchedPolicy policy = s.enumValue("policy", SchedPolicy.class, SchedPolicy.OTHER);
        if (policy.isRealtime() || policy == SchedPolicy.DEADLINE) {
            throw Values.error(s.node("policy"), s.key("policy"), "expected a fair policy (other, batch or idle) "
                    + "for kernel_activity tasks; got " + policy.key());
        }
        WorkloadSpec.SectionShapeSpec sections = null;
        if (s.has("sections")) {
            if (segments != null) {
                throw Values.error(s.node("sections"), s.key("sections"),
                        "expected sections only with a profile (with segments, give each length directly); got both");
            }
            sections = sections(s.section("sections", Schema.Shape.SECTIONS));
        }
        CpuSet affinity = s.cpus("affinity", cpus.count(), cpus.what(), null);
        if (affinity != null && set == null) {
            throw Values.error(s.node("affinity"), s.key("affinity"), "expected cpus (where the tasks start) with "
                    + "affinity; got affinity alone");
        }
        if (affinity != null && !set.minus(affinity).isEmpty()) {
            throw Values.error(s.node("affinity"), s.key("affinity"), "expected a CPU list holding every CPU of cpus \""
                    + set + "\" (each task starts on its CPU); got \"" + affinity + "\"");
        }
        return new WorkloadSpec.KernelActivitySpec(s.component(), set, tasks, locks, profile, segments,
                s.dist("think", null),
                s.dist("sleep", null),
                s.number("sleep_probability", Defaults.SLEEP_PROBABILITY, 0, 1, "a probability in 0..1"),
                policy, FairSpec.bind(s), sections, affinity);
    }

    /** {@code sections: {median, sigma, tail_alpha, tail_xmin, tail_probability, cap}}, each optional (NaN). */
    private static WorkloadSpec.SectionShapeSpec sections(Section c) {
        double median = c.has("median") ? c.positiveDurationNs("median", 1) : Double.NaN;
        double sigma = c.has("sigma") ? c.number("sigma", 0, 0, 5, "a lognormal shape in 0..5") : Double.NaN;
        double alpha = c.has("tail_alpha")
                ? c.number("tail_alpha", 0, 0.1, 100, "a Pareto shape in 0.1..100") : Double.NaN;
        double xmin = c.has("tail_xmin") ? c.positiveDurationNs("tail_xmin", 1) : Double.NaN;
        double p = c.has("tail_probability")
                ? c.number("tail_probability", 0, 0, 1, "a probability in 0..1") : Double.NaN;
        double cap = c.has("cap") ? c.positiveDurationNs("cap", 1) : Double.NaN;
        if (!Double.isNaN(cap) && !Double.isNaN(xmin) && cap < xmin) {
            throw Values.error(c.node("cap"), c.key("cap"), "expected cap >= tail_xmin (" + (long) xmin
                    + "ns); got " + (long) cap + "ns");
        }
        return new WorkloadSpec.SectionShapeSpec(median, sigma, alpha, xmin, p, cap);
    }

    private static WorkloadSpec deviceIrq(Section s, int index, Cpus cpus) {
        if (s.has("rate") == s.has("interval")) {
            throw Values.error(s.map(), s.key(s.has("rate") ? "interval" : "rate"),
                    "expected exactly one of rate (e.g. 2000hz) or interval (e.g. 500us); got "
                            + (s.has("rate") ? "both" : "neither"));
        }
        double rate = s.has("rate") ? rate(s, true) : 0;
        long interval = s.has("interval") ? s.requiredPositiveDurationNs("interval") : 0;
        Integer threaded = s.has("threaded_priority") ? s.integer("threaded_priority", 50, 1, 99) : null;
        return new WorkloadSpec.DeviceIrqSpec(s.component(), s.string("name", "irq" + index), rate, interval,
                s.cpus("cpus", cpus.count(), cpus.what(), null), s.dist("handler", Defaults.DEVICE_IRQ_HANDLER),
                s.dist("softirq", null), threaded);
    }

    private static WorkloadSpec cacheHog(Section s, Cpus cpus) {
        if (!s.has("bandwidth")) {
            throw s.missing("bandwidth", "a bandwidth such as \"10GB/s\"");
        }
        if (!s.has("footprint")) {
            throw s.missing("footprint", "a size such as \"64MiB\"");
        }
        return new WorkloadSpec.CacheHogSpec(s.component(), s.cpus("cpus", cpus.count(), cpus.what(), null),
                Values.bandwidth(s.node("bandwidth"), s.key("bandwidth")),
                Values.sizeBytes(s.node("footprint"), s.key("footprint")), s.string("cat_class", null),
                s.number("duty", 1, 0.001, 1, "a fraction of the time streaming, in 0.001..1"),
                s.positiveDurationNs("burst", Defaults.CACHE_HOG_BURST_NS));
    }

    private static double rate(Section s, boolean required) {
        if (!s.has("rate")) {
            if (required) {
                throw s.missing("rate", "a frequency such as \"200hz\"");
            }
            return 0;
        }
        return Values.frequencyHz(s.node("rate"), s.key("rate"));
    }

    /** Whether the list holds a measuring workload ({@code cyclictest}, {@code periodic} or {@code lock_sharing}). */
    static boolean measures(List<WorkloadSpec> list) {
        return list.stream().anyMatch(w -> w instanceof WorkloadSpec.CyclictestSpec
                || w instanceof WorkloadSpec.PeriodicSpec || w instanceof WorkloadSpec.LockSharingSpec);
    }
}
