package org.rtvsim.scenario;

import java.util.List;
import org.rtvsim.engine.CpuSet;

/**
 * {@code vms[i]:} — a KVM guest: its vCPU threads (vCPU i runs on host CPU {@code pin[i mod |pin|]}; more vCPUs
 * than pinned CPUs overcommit them), how an idle vCPU behaves, its qemu process, its kernel and workloads.
 */
public record VmSpec(String name, int vcpus, CpuSet pin, SchedPolicy vcpuPolicy, int vcpuPriority, String idle,
                     long haltPollNs, QemuSpec qemu, KernelSpec kernel, List<WorkloadSpec> workload) {

    /** The host CPU of vCPU {@code i}. */
    public int hostCpuOf(int i) {
        return pin.toArray()[i % pin.size()];
    }
}
