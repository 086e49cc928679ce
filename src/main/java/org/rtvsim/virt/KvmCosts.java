package org.rtvsim.virt;

import org.rtvsim.engine.DistSpec;
import org.rtvsim.engine.Sampler;
import org.rtvsim.engine.Samplers;
import org.rtvsim.engine.StreamRegistry;
import org.rtvsim.scenario.KvmSpec;
import org.rtvsim.scenario.Overheads;

/** One vCPU's samplers of the KVM path costs ({@code host.kvm}), each on its own stream under the vCPU's path. */
final class KvmCosts {
    final Sampler exit;
    final Sampler entry;
    final Sampler timerInjection;
    final Sampler msrWrite;
    final Sampler halt;
    final Sampler ipiKick;
    final Sampler qemuExit;
    final Sampler kvmclockUpdate;
    final Sampler postedInterrupt;

    KvmCosts(KvmSpec k, Overheads overheads, StreamRegistry streams, String path) {
        boolean none = overheads == Overheads.NONE;
        exit = of(k.vmExit(), none, streams, path + ".kvm.exit");
        entry = of(k.vmEntry(), none, streams, path + ".kvm.entry");
        timerInjection = of(k.timerInjection(), none, streams, path + ".kvm.timer_injection");
        msrWrite = of(k.msrWrite(), none, streams, path + ".kvm.msr_write");
        halt = of(k.halt(), none, streams, path + ".kvm.halt");
        ipiKick = of(k.ipiKick(), none, streams, path + ".kvm.ipi_kick");
        qemuExit = of(k.qemuExit(), none, streams, path + ".kvm.qemu_exit");
        kvmclockUpdate = of(k.kvmclockUpdate(), none, streams, path + ".kvm.kvmclock_update");
        postedInterrupt = of(k.postedInterrupt(), none, streams, path + ".kvm.posted_interrupt");
    }

    private static Sampler of(DistSpec d, boolean none, StreamRegistry streams, String path) {
        return Samplers.of(none ? new DistSpec.Fixed(0) : d, streams.stream(path));
    }
}
