package org.rtvsim.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.rtvsim.engine.CpuSet;

/**
 * Binds {@code vms:} to {@link VmSpec}s. A guest's kernel and
 * workload CPU lists are checked against its vCPUs; {@code pin} against the host's CPUs. Guests are loaded and
 * validated now and modelled by a later issue.
 */
final class VmBinder {
    static final List<String> IDLE = List.of("poll", "halt");
    static final List<String> VMM = List.of("qemu", "firecracker", "cloud-hypervisor");

    private VmBinder() {
    }

    /**
     * @param autoPool host CPUs that {@code pin: auto} assigns vCPUs from, in order, across all guests (and
     *                 their {@code count} copies); when they run out assignment wraps around (overcommit)
     */
    static List<VmSpec> vms(Node node, int hostCpus, CpuSet autoPool) {
        if (node == null || node instanceof Node.Scalar s && s.isNull()) {
            return List.of();
        }
        if (!(node instanceof Node.ListNode list)) {
            throw Values.error(node, "vms", "expected a list of guests (- name: rt ...); got " + Node.describe(node));
        }
        List<VmSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int[] autoNext = {0};
        for (int i = 0; i < list.size(); i++) {
            Node entry = list.items().get(i);
            Section probe = Section.of(entry, "vms[" + i + "]", Schema.Shape.VM, list.location());
            String name = probe.requiredString("name");
            if (!names.add(name)) {
                throw Values.error(probe.node("name"), probe.key("name"), "expected a unique VM name; got '" + name
                        + "' twice");
            }
            Section named = Section.of(entry, "vms[" + name + "]", Schema.Shape.VM, list.location());
            int count = named.integer("count", 1, 1, 4096);
            for (int c = 0; c < count; c++) {
                // copy 0 keeps the guest's name and paths (so count: 1 is the same guest); copy c is NAME#c
                String copy = c == 0 ? name : name + "#" + c;
                if (c > 0 && !names.add(copy)) {
                    throw Values.error(named.node("count"), named.key("count"), "expected copy names that do not "
                            + "clash; '" + copy + "' is also a guest's name");
                }
                out.add(vm(c == 0 ? named : Section.of(entry, "vms[" + copy + "]", Schema.Shape.VM, list.location()),
                        copy, hostCpus, autoPool, autoNext));
            }
        }
        return List.copyOf(out);
    }

    private static VmSpec vm(Section v, String name, int hostCpus, CpuSet autoPool, int[] autoNext) {
        int vcpus = v.requiredInteger("vcpus", 1, 4096);
        if (!v.has("pin")) {
            throw v.missing("pin", "the host CPUs of the vCPUs, e.g. \"4-11\", or \"auto\"");
        }
        int[] placement = new int[vcpus];
        CpuSet pin;
        if (v.node("pin") instanceof Node.Scalar ps && ps.text().trim().equalsIgnoreCase("auto")) {
            int[] pool = autoPool.toArray();
            for (int i = 0; i < vcpus; i++) {
                placement[i] = pool[autoNext[0]++ % pool.length];
            }
            pin = null;
        } else {
            pin = v.cpus("pin", hostCpus, "hardware.cpus", null);
            int[] p = pin.toArray();
            for (int i = 0; i < vcpus; i++) {
                placement[i] = p[i % p.length];
            }
        }
        String vmm = v.choice("vmm", VMM, Defaults.VMM);
        boolean qemuVmm = "qemu".equals(vmm);
        Section sched = v.section("vcpu_sched", Schema.Shape.VCPU_SCHED);
        // firecracker and cloud-hypervisor create their vCPU threads SCHED_OTHER; the qemu profile keeps the model's
        // default (an RT setup that sets the vCPU threads' policy, as libvirt's vcpusched does)
        SchedPolicy policy = sched.enumValue("policy", SchedPolicy.class,
                qemuVmm ? Defaults.VCPU_POLICY : SchedPolicy.OTHER);
        int priority = sched.integer("priority", policy.isRealtime() ? Defaults.VCPU_PRIORITY : 0, 0, 99);
        WorkloadBinder.checkPriority(sched, policy, priority);
        String what = "vms[" + name + "].vcpus";
        KernelSpec kernel = KernelBinder.bind(v.section("kernel", Schema.Shape.KERNEL), vcpus, what);
        List<WorkloadSpec> workload = WorkloadBinder.bindList(v.node("workload"), v.key("workload"),
                new WorkloadBinder.Cpus(vcpus, what, new DlAdmission(kernel, vcpus)));
        QemuSpec qemu = KvmBinder.qemu(v.section("qemu", Schema.Shape.QEMU), hostCpus, vmm);
        return new VmSpec(name, vcpus, pin, placement, policy, priority, FairSpec.bind(sched), v.choice("idle", IDLE, Defaults.VM_IDLE),
                v.durationNs("halt_poll", Defaults.HALT_POLL_NS), v.bool("cpu_pm", Defaults.VM_CPU_PM), vmm,
                guestHaltPoll(v), qemu, kernel, workload);
    }

    /** {@code guest_haltpoll: true} and its {@code guest_halt_poll:} parameters; null when the driver is not loaded. */
    private static VmSpec.GuestHaltPoll guestHaltPoll(Section v) {
        Section g = v.section("guest_halt_poll", Schema.Shape.GUEST_HALT_POLL);
        VmSpec.GuestHaltPoll p = new VmSpec.GuestHaltPoll(g.durationNs("halt_poll", Defaults.GUEST_HALT_POLL_NS),
                g.integer("grow", Defaults.GUEST_HALT_POLL_GROW, 0, 1 << 20),
                g.integer("shrink", Defaults.GUEST_HALT_POLL_SHRINK, 0, 1 << 20),
                g.durationNs("grow_start", Defaults.GUEST_HALT_POLL_GROW_START_NS),
                g.bool("allow_shrink", Defaults.GUEST_HALT_POLL_ALLOW_SHRINK));
        return v.bool("guest_haltpoll", Defaults.GUEST_HALTPOLL) ? p : null;
    }

    /** A node as plain Java values: mappings → Map, lists → List, scalars → their text (null for null). */
    static Object raw(Node n) {
        if (n instanceof Node.MapNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().forEach((k, v) -> out.put(k, raw(v)));
            return java.util.Collections.unmodifiableMap(out);
        } else if (n instanceof Node.ListNode l) {
            List<Object> out = new ArrayList<>();
            l.items().forEach(i -> out.add(raw(i)));
            return java.util.Collections.unmodifiableList(out);
        }
        Node.Scalar s = (Node.Scalar) n;
        return s.isNull() ? null : s.text();
    }
}
