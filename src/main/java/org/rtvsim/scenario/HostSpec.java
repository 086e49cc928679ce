package org.rtvsim.scenario;

import java.util.List;

/** {@code host:} — the host (or bare-metal) kernel, the workloads that run on it directly, and its KVM costs. */
public record HostSpec(KernelSpec kernel, List<WorkloadSpec> workload, KvmSpec kvm) {
}
