package org.rtvsim.scenario;

import java.util.List;
import org.rtvsim.engine.CpuSet;

/**
 * {@code vms[i]:} — a KVM guest (one copy of a {@code count}): its vCPU threads (vCPU i runs on host CPU
 * {@code placement[i]}: {@code pin[i mod |pin|]}, or the next CPU of the host's pool for {@code pin: auto}; more
 * vCPUs than CPUs overcommit them), how an idle vCPU behaves, its qemu process, its kernel and workloads.
 */
public record VmSpec(String name, int vcpus, CpuSet pin, int[] placement, SchedPolicy vcpuPolicy, int vcpuPriority,
                     FairSpec vcpuFair, String idle, long haltPollNs, boolean cpuPm, QemuSpec qemu, KernelSpec kernel,
                     List<WorkloadSpec> workload) {

    /** The host CPU of vCPU {@code i}. */
    public int hostCpuOf(int i) {
        return placement[i];
    }

    /** Whether the vCPUs were placed by {@code pin: auto} ({@link #pin} is then null). */
    public boolean pinAuto() {
        return pin == null;
    }
}
