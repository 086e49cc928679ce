package org.rtvsim.scenario;

import org.rtvsim.engine.CpuSet;

/** Binds a kernel section ({@code host.kernel} or {@code vms[i].kernel}) to a {@link KernelSpec} with defaults. */
final class KernelBinder {
    private KernelBinder() {
    }

    /** {@code ncpus} bounds the cpulists ({@code what} names it in messages, e.g. "hardware.cpus"). */
    static KernelSpec bind(Section k, int ncpus, String what) {
        PreemptModel preempt = k.enumValue("preempt", PreemptModel.class, Defaults.PREEMPT);
        int hz = k.integer("hz", Defaults.HZ, 1, 10_000);
        CpuSet isol = k.cpus("isolcpus", ncpus, what, CpuSet.EMPTY);
        CpuSet nohz = k.cpus("nohz_full", ncpus, what, CpuSet.EMPTY);
        CpuSet nocbs = k.cpus("rcu_nocbs", ncpus, what, CpuSet.EMPTY);
        CpuSet irqaff = k.cpus("irqaffinity", ncpus, what, CpuSet.EMPTY);
        Overheads overheads = k.enumValue("overheads", Overheads.class, Defaults.OVERHEADS);
        return new KernelSpec(preempt, hz, isol, nohz, nocbs, irqaff, throttling(k), overheads, costs(k),
                k.durationNs("cond_resched_gap", Defaults.COND_RESCHED_GAP_NS),
                k.positiveDurationNs("rr_timeslice", Defaults.RR_TIMESLICE_NS),
                k.durationNs("fair_slice", Defaults.FAIR_SLICE_NS),
                k.integer("irq_thread_priority", Defaults.IRQ_THREAD_PRIORITY, 1, 99), rtKvm(k),
                HousekeepingBinder.bind(k), k.durationNs("timer_slack", Defaults.TIMER_SLACK_NS),
                StockSectionsBinder.bind(k), version(k), fairServer(k));
    }

    /** {@code version: "6.12"}: MAJOR.MINOR of the kernel, optional. */
    private static String version(Section k) {
        if (!k.has("version")) {
            return null;
        }
        String v = k.string("version", null).trim();
        if (!v.matches("[0-9]+\\.[0-9]+([.-].*)?")) {
            throw Values.error(k.node("version"), k.key("version"), "expected a kernel version MAJOR.MINOR such as "
                    + "\"6.12\" (quote it); got '" + v + "'");
        }
        return v;
    }

    /** {@code fair_server: {runtime, period} | off}: only on 6.12+ kernels, where it is on by default. */
    private static KernelSpec.FairServerSpec fairServer(Section k) {
        boolean dlServers = KernelSpec.atLeast(version(k), 6, 12);
        Node n = k.node("fair_server");
        if (n != null && !dlServers) {
            throw Values.error(n, k.key("fair_server"), "the fair server exists from Linux 6.12 on; set "
                    + k.key("version") + " to \"6.12\" or later, or remove fair_server (older kernels use rt_throttling)");
        }
        if (!dlServers) {
            return null;
        }
        if (n instanceof Node.Scalar s && !s.isNull()) {
            if (s.text().trim().equalsIgnoreCase("off")) {
                return null;
            }
            throw Values.error(n, k.key("fair_server"), "expected {runtime: D, period: D} or \"off\"; got '"
                    + s.text() + "'");
        }
        Section t = k.section("fair_server", Schema.Shape.FAIR_SERVER);
        long period = t.positiveDurationNs("period", Defaults.FAIR_SERVER_PERIOD_NS);
        long runtime = t.positiveDurationNs("runtime", Defaults.FAIR_SERVER_RUNTIME_NS);
        if (runtime > period) {
            throw Values.error(t.has("runtime") ? t.node("runtime") : t.map(), t.key("runtime"),
                    "expected runtime <= period; got runtime " + runtime + "ns > period " + period + "ns");
        }
        return new KernelSpec.FairServerSpec(runtime, period);
    }

    private static KernelSpec.RtThrottlingSpec throttling(Section k) {
        Node n = k.node("rt_throttling");
        if (n instanceof Node.Scalar s && !s.isNull()) {
            if (s.text().trim().equalsIgnoreCase("off")) {
                return null;
            }
            throw Values.error(n, k.key("rt_throttling"), "expected {runtime: D, period: D} or \"off\"; got '"
                    + s.text() + "'");
        }
        Section t = k.section("rt_throttling", Schema.Shape.RT_THROTTLING);
        long period = t.positiveDurationNs("period", Defaults.RT_PERIOD_NS);
        long runtime = t.positiveDurationNs("runtime", Defaults.RT_RUNTIME_NS);
        if (runtime > period) {
            throw Values.error(t.has("runtime") ? t.node("runtime") : t.map(), t.key("runtime"),
                    "expected runtime <= period; got runtime " + runtime + "ns > period " + period + "ns");
        }
        return new KernelSpec.RtThrottlingSpec(runtime, period);
    }

    private static KernelSpec.KernelCostsSpec costs(Section k) {
        Section c = k.section("costs", Schema.Shape.COSTS);
        return new KernelSpec.KernelCostsSpec(
                c.dist("irq_entry", Defaults.COST_IRQ_ENTRY),
                c.dist("timer_expiry", Defaults.COST_TIMER_EXPIRY),
                c.dist("context_switch", Defaults.COST_CONTEXT_SWITCH),
                c.dist("return_to_user", Defaults.COST_RETURN_TO_USER),
                c.dist("tick", Defaults.COST_TICK),
                c.dist("ipi", Defaults.COST_IPI),
                c.dist("irq_thread_stub", Defaults.COST_IRQ_THREAD_STUB),
                c.dist("wakeup", Defaults.COST_WAKEUP),
                c.dist("page_fault_minor", Defaults.COST_PAGE_FAULT_MINOR),
                c.dist("page_fault_major", Defaults.COST_PAGE_FAULT_MAJOR));
    }

    private static KernelSpec.RtKvmSpec rtKvm(Section k) {
        Section r = k.section("rt_kvm", Schema.Shape.RT_KVM);
        String advance = Defaults.RT_KVM_TIMER_ADVANCE;
        if (r.has("timer_advance")) {
            Node n = r.node("timer_advance");
            String text = Values.string(n, r.key("timer_advance")).trim();
            if (!text.equalsIgnoreCase("adaptive")) {
                Values.durationNs(n, r.key("timer_advance"), false);
            }
            advance = text;
        }
        return new KernelSpec.RtKvmSpec(
                r.bool("extended_rcu_qs_in_guest", Defaults.RT_KVM_EXTENDED_RCU_QS_IN_GUEST),
                r.bool("kvmclock_periodic_sync", Defaults.RT_KVM_KVMCLOCK_PERIODIC_SYNC),
                r.bool("stop_tick_for_fifo", Defaults.RT_KVM_STOP_TICK_FOR_FIFO), advance);
    }
}
