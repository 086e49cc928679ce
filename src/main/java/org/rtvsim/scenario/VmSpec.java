package org.rtvsim.scenario;

import java.util.List;
import java.util.Map;
import org.rtvsim.engine.CpuSet;

/** {@code vms[i]:} — a KVM guest (modelled by the virtualization issue; loaded and validated now). */
public record VmSpec(String name, int vcpus, CpuSet pin, SchedPolicy vcpuPolicy, int vcpuPriority, String idle,
                     long haltPollNs, Map<String, Object> qemu, KernelSpec kernel, List<WorkloadSpec> workload) {
}
