package org.rtvsim.scenario;

import org.rtvsim.engine.DistSpec;

/**
 * {@code host.kvm:} — the costs of the KVM paths of every guest on this host (durations in ns).
 * Defaults and sources: docs/model-reference.md, "Virtualization".
 *
 * @param vmExit          hardware VM exit and its minimal in-kernel handling (up to the exit handler)
 * @param vmEntry         the way back into guest mode (vcpu_enter_guest to VMRESUME)
 * @param timerInjection  host handling of a guest timer expiry (apic_timer_fn, injection bookkeeping)
 * @param msrWrite        handling of the guest's TSC-deadline MSR write (programming the host timer)
 * @param halt            handling of a HLT exit before the vCPU thread polls or sleeps
 * @param ipiKick         handling of a kick IPI's exit (a KVM request for the vCPU)
 * @param qemuExit        return to qemu userspace and back into KVM_RUN (excluding exit, entry, BQL, service)
 * @param kvmclockUpdate  the pvclock page update of one vCPU (KVM_REQ_CLOCK_UPDATE)
 * @param kvmclockSyncNs  kvmclock periodic sync period (KVMCLOCK_SYNC_PERIOD)
 * @param hvTimer         guest timers expire through the VMX preemption timer while in guest mode
 * @param rcuGpRate       host RCU grace periods per second that need a quiescent state from every CPU
 * @param piInjectTimer   {@code kvm.pi_inject_timer}: "auto" (on when the host has nohz_full CPUs), "true", "false"
 * @param postedInterrupt delivery of a posted interrupt into a vCPU in guest mode (notification IPI, no exit)
 * @param haltPollGrow    {@code halt_poll_ns_grow}: factor by which a vCPU's halt-polling window grows (0: never)
 * @param haltPollGrowStartNs {@code halt_poll_ns_grow_start}: the first non-zero window; a shrunk one below it is 0
 * @param haltPollShrink  {@code halt_poll_ns_shrink}: divisor by which the window shrinks (0: reset to 0)
 */
public record KvmSpec(DistSpec vmExit, DistSpec vmEntry, DistSpec timerInjection, DistSpec msrWrite, DistSpec halt,
                      DistSpec ipiKick, DistSpec qemuExit, DistSpec kvmclockUpdate, long kvmclockSyncNs,
                      boolean hvTimer, double rcuGpRate, String piInjectTimer, DistSpec postedInterrupt,
                      int haltPollGrow, long haltPollGrowStartNs, int haltPollShrink) {

    /** Whether the exitless timer is enabled on a host whose nohz_full set is {@code hostHasNohzFull}. */
    public boolean piInjectTimer(boolean hostHasNohzFull) {
        return "auto".equals(piInjectTimer) ? hostHasNohzFull : "true".equals(piInjectTimer);
    }
}
