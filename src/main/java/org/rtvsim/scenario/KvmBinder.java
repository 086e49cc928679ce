package org.rtvsim.scenario;

/** Binds {@code host.kvm:} to a {@link KvmSpec} and {@code vms[i].qemu:} to a {@link QemuSpec}, with defaults. */
final class KvmBinder {
    private KvmBinder() {
    }

    private static final java.util.List<String> PI_INJECT_TIMER = java.util.List.of("auto", "true", "false");

    static KvmSpec kvm(Section k) {
        return new KvmSpec(
                k.dist("vm_exit", Defaults.KVM_VM_EXIT),
                k.dist("vm_entry", Defaults.KVM_VM_ENTRY),
                k.dist("timer_injection", Defaults.KVM_TIMER_INJECTION),
                k.dist("msr_write", Defaults.KVM_MSR_WRITE),
                k.dist("halt", Defaults.KVM_HALT),
                k.dist("ipi_kick", Defaults.KVM_IPI_KICK),
                k.dist("qemu_exit", Defaults.KVM_QEMU_EXIT),
                k.dist("kvmclock_update", Defaults.KVM_KVMCLOCK_UPDATE),
                k.positiveDurationNs("kvmclock_sync_period", Defaults.KVMCLOCK_SYNC_NS),
                k.bool("hv_timer", Defaults.KVM_HV_TIMER),
                k.has("rcu_gp_rate") ? Values.frequencyHz(k.node("rcu_gp_rate"), k.key("rcu_gp_rate"))
                        : Defaults.KVM_RCU_GP_RATE_HZ,
                k.choice("pi_inject_timer", PI_INJECT_TIMER, Defaults.KVM_PI_INJECT_TIMER),
                k.dist("posted_interrupt", Defaults.KVM_POSTED_INTERRUPT),
                k.integer("halt_poll_ns_grow", Defaults.HALT_POLL_GROW, 0, 1 << 20),
                k.durationNs("halt_poll_ns_grow_start", Defaults.HALT_POLL_GROW_START_NS),
                k.integer("halt_poll_ns_shrink", Defaults.HALT_POLL_SHRINK, 0, 1 << 20));
    }

    /**
     * @param vmm the guest's VMM: firecracker and cloud-hypervisor have no big lock and no qemu main loop, so
     *            the main loop is off there and {@code bql_pi: true} or a main-loop rate is an error
     */
    static QemuSpec qemu(Section q, int hostCpus, String vmm) {
        Section io = q.section("io_thread", Schema.Shape.IO_THREAD);
        SchedPolicy policy = io.enumValue("policy", SchedPolicy.class, Defaults.QEMU_IO_POLICY);
        int priority = io.integer("priority", policy.isRealtime() ? 1 : 0, 0, 99);
        WorkloadBinder.checkPriority(io, policy, priority);
        Section loop = q.section("main_loop", Schema.Shape.MAIN_LOOP);
        double rate = "qemu".equals(vmm) ? Defaults.QEMU_MAIN_LOOP_RATE_HZ : 0;
        if (loop.has("rate")) {
            Node n = loop.node("rate");
            boolean off = n instanceof Node.Scalar s && s.text().trim().equalsIgnoreCase("off");
            rate = off ? 0 : Values.frequencyHz(n, loop.key("rate"));
            if (rate > 0 && !"qemu".equals(vmm)) {
                throw Values.error(n, loop.key("rate"), "expected off with vmm: " + vmm
                        + " (it has no qemu main loop and no big lock); got " + Node.describe(n));
            }
        }
        if (!"qemu".equals(vmm) && q.bool("bql_pi", false)) {
            throw Values.error(q.node("bql_pi"), q.key("bql_pi"), "expected false with vmm: " + vmm
                    + " (it has no big qemu lock)");
        }
        return new QemuSpec(io.cpus("cpus", hostCpus, "hardware.cpus", null), policy, priority,
                q.bool("bql_pi", Defaults.QEMU_BQL_PI), rate, loop.dist("hold", Defaults.QEMU_MAIN_LOOP_HOLD),
                FairSpec.bind(io));
    }
}
