package org.rtvsim.virt;

import org.rtvsim.kernel.Task;
import org.rtvsim.scenario.SegmentKind;

/**
 * One vCPU's exit to the VMM's userspace for an emulated device access (KVM_EXIT_IO / KVM_EXIT_MMIO), in ns: the
 * way out of KVM_RUN (half of the sampled {@code qemu_exit} round trip), the BQL when the access needs it and the
 * VMM is qemu, the device emulation in the VMM ({@code USER}, charged to qemu's emulation label), the BQL's release
 * and the way back into KVM_RUN (the other half). The vCPU's run loop ({@link Vcpu}) arms it when the guest
 * asks for an access, starts it from the exit handler and hands it the thread until it is done; the entry follows.
 */
final class UserspaceExit {
    /** Where the thread is: on its way out, taking the BQL, emulating, on its way back. */
    private enum Step { OUT, LOCK, SERVICE, BACK }

    private final VirtualMachine vm;
    private final KvmCosts costs;
    private final KvmLabels labels;
    /** The armed access: how long the VMM emulates it, and whether it does so under the BQL. */
    private long serviceNs;
    private boolean bql;
    /** The way back into KVM_RUN (ns): the lower half of the sampled round trip. */
    private long returnNs;
    private Step step = Step.OUT;

    UserspaceExit(VirtualMachine vm, KvmCosts costs, KvmLabels labels) {
        this.vm = vm;
        this.costs = costs;
        this.labels = labels;
    }

    /**
     * Arms the exit for an access emulated for {@code serviceNs}, under the BQL when {@code needsBql} and the VMM is
     * qemu (firecracker and cloud-hypervisor have no big lock).
     */
    void arm(long serviceNs, boolean needsBql) {
        this.serviceNs = serviceNs;
        this.bql = needsBql && vm.spec().qemuVmm();
    }

    /** The exit handler's part: samples the round trip and runs its way out to userspace. */
    void begin(Task t) {
        long roundTrip = costs.qemuExit.sampleNs();
        returnNs = roundTrip / 2;
        step = Step.OUT;
        t.run(roundTrip - returnNs, SegmentKind.KERNEL, labels.qemuExit);
    }

    /**
     * The thread's next step: true when it was given one (a segment, or a wait for the BQL after which it is asked
     * again), false when the thread is back in KVM_RUN and the entry follows.
     */
    boolean next(Task t) {
        switch (step) {
            case OUT -> {
                step = Step.LOCK;
                if (bql && !t.lock(vm.qemu().bql())) {
                    return true; // asked again once the BQL is handed over
                }
                emulate(t);
            }
            case LOCK -> emulate(t);
            case SERVICE -> {
                if (bql) {
                    t.unlock(vm.qemu().bql());
                }
                step = Step.BACK;
                t.run(returnNs, SegmentKind.KERNEL, labels.qemuReturn);
            }
            case BACK -> {
                return false;
            }
        }
        return true;
    }

    private void emulate(Task t) {
        step = Step.SERVICE;
        t.run(serviceNs, SegmentKind.USER, vm.qemu().emulationBlame());
    }
}
