package org.rtvsim.scenario;

import java.util.List;
import org.rtvsim.engine.CpuSet;

/**
 * {@code vms[i]:} — a KVM guest (one copy of a {@code count}): its vCPU threads (vCPU i runs on host CPU
 * {@code placement[i]}: {@code pin[i mod |pin|]}, or the next CPU of the host's pool for {@code pin: auto}; more
 * vCPUs than CPUs overcommit them), how an idle vCPU behaves, its VMM ({@code vmm}: qemu, firecracker or
 * cloud-hypervisor; the qemu process's keys under {@code qemu:}), whether the guest loads the cpuidle-haltpoll
 * driver ({@code guestHaltPoll}, null when not), its kernel and workloads.
 */
public record VmSpec(String name, int vcpus, CpuSet pin, int[] placement, SchedPolicy vcpuPolicy, int vcpuPriority,
                     FairSpec vcpuFair, String idle, long haltPollNs, boolean cpuPm, String vmm, GuestHaltPoll guestHaltPoll,
                     QemuSpec qemu, KernelSpec kernel, List<WorkloadSpec> workload) {

    /**
     * {@code vms[i].guest_halt_poll:} — the guest's cpuidle-haltpoll governor parameters (module parameters
     * guest_halt_poll_ns, _grow, _shrink, _grow_start, _allow_shrink).
     */
    public record GuestHaltPoll(long maxNs, int grow, int shrink, long growStartNs, boolean allowShrink) {
    }

    /** Whether the VMM is qemu (a big qemu lock and a main loop); firecracker and cloud-hypervisor have neither. */
    public boolean qemuVmm() {
        return "qemu".equals(vmm);
    }

    /** The host CPU of vCPU {@code i}. */
    public int hostCpuOf(int i) {
        return placement[i];
    }

    /** Whether the vCPUs were placed by {@code pin: auto} ({@link #pin} is then null). */
    public boolean pinAuto() {
        return pin == null;
    }
}
