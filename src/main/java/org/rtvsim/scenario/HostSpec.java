package org.rtvsim.scenario;

import java.util.List;

/** {@code host:} — the host (or bare-metal) kernel and the workloads that run on it directly. */
public record HostSpec(KernelSpec kernel, List<WorkloadSpec> workload) {
}
