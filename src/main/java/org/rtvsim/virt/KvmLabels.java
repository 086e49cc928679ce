package org.rtvsim.virt;

import org.rtvsim.measure.BlameRegistry;

/** The attribution labels of the KVM and qemu paths (one set per run). */
final class KvmLabels {
    final int exitExternal;
    final int exitTimer;
    final int exitMsr;
    final int exitHalt;
    final int exitIo;
    final int entry;
    final int timerInjection;
    final int timerHrtimer;
    final int advanceWait;
    final int msrWrite;
    final int halt;
    final int haltPoll;
    final int kick;
    final int kvmclock;
    final int qemuExit;
    final int qemuReturn;
    final int bqlWait;
    final HostLabels host;

    KvmLabels(BlameRegistry b) {
        exitExternal = b.id("kvm: VM exit (external interrupt)");
        exitTimer = b.id("kvm: VM exit (preemption timer)");
        exitMsr = b.id("kvm: VM exit (TSC-deadline MSR write)");
        exitHalt = b.id("kvm: VM exit (HLT)");
        exitIo = b.id("kvm: VM exit (I/O to qemu)");
        entry = b.id("kvm: VM entry");
        timerInjection = b.id("kvm: guest timer injection");
        timerHrtimer = b.id("kvm: guest timer expiry (host hrtimer)");
        advanceWait = b.id("kvm: wait_lapic_expire (timer advance)");
        msrWrite = b.id("kvm: TSC-deadline MSR write handling");
        halt = b.id("kvm: HLT handling");
        haltPoll = b.id("kvm: halt polling");
        kick = b.id("kvm: kick IPI (request)");
        kvmclock = b.id("kvm: kvmclock update");
        qemuExit = b.id("qemu: exit to userspace");
        qemuReturn = b.id("qemu: back into KVM_RUN");
        bqlWait = b.id("qemu: waiting for the BQL");
        host = new HostLabels(b);
    }

    int exitLabel(int reason) {
        return switch (reason) {
            case Vcpu.HLT -> exitHalt;
            case Vcpu.MSR -> exitMsr;
            case Vcpu.IO -> exitIo;
            case Vcpu.TIMER -> exitTimer;
            default -> exitExternal;
        };
    }
}
