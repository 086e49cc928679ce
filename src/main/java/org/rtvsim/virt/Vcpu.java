package org.rtvsim.virt;

import org.rtvsim.hw.Supply;
import org.rtvsim.hw.SupplyListener;
import org.rtvsim.kernel.BlameFollower;
import org.rtvsim.kernel.Cpu;
import org.rtvsim.kernel.GuestMode;
import org.rtvsim.kernel.Lock;
import org.rtvsim.kernel.Task;
import org.rtvsim.kernel.TaskBehaviour;
import org.rtvsim.kernel.TaskState;
import org.rtvsim.scenario.SegmentKind;

/**
 * One vCPU: a host task (the vCPU thread, with its own policy, priority and host CPU) that supplies a
 * guest CPU while it runs in guest mode. The thread's program is KVM's run loop: guest mode until an
 * exit; the exit's handling (HLT: adaptive halt polling ({@link HostHalt}), then sleep until kicked;
 * TSC-deadline MSR write; the preemption timer; I/O: return to the VMM, the BQL (qemu), device emulation,
 * back into KVM_RUN ({@link UserspaceExit})); then the way back in — pending requests (kvmclock), the
 * timer-advance wait and injection of the guest's timer, the VM entry. Interrupt exits (a host interrupt while in
 * guest mode) are taken by the host CPU's dispatcher, which asks this class for their cost and for the steps back
 * in.
 *
 * <p>A task woken onto the host CPU ends halt polling ([K] kvm_vcpu_can_poll); with the guest's cpuidle-haltpoll
 * driver ({@link GuestHaltPoll}) an idle guest polls in guest mode before its HLT and the host does not poll.
 *
 * <p>While the guest CPU has no supply, its lost time is charged to what the host CPU does meanwhile
 * (seen through {@link HostLabels}), or to the BQL wait.
 */
public final class Vcpu implements TaskBehaviour, GuestMode, Supply, BlameFollower {
    static final int NONE = 0;
    static final int HLT = 1;
    static final int MSR = 2;
    static final int IO = 3;
    static final int TIMER = 4;

    private static final int P_GUEST = 0;
    private static final int P_EXIT = 1;
    private static final int P_HANDLER = 2;
    private static final int P_POLL = 3;
    private static final int P_HALTED = 4;
    private static final int P_IO = 5;
    private static final int P_ENTRY = 6;

    private final VirtualMachine vm;
    private final int index;
    private final KvmCosts costs;
    private final KvmLabels labels;
    private final int guestBlame;
    final Cpu host;
    Task thread;
    Cpu guest;
    VirtualLapic lapic;
    private SupplyListener listener;

    private boolean inGuest;
    private int phase = P_HALTED;
    private int exitReason;
    /** The exit to the VMM for an emulated device access (KVM_EXIT_IO / KVM_EXIT_MMIO). */
    private final UserspaceExit io;
    private int entryPhase;
    private long stepNs;
    private int stepBlame;
    private long requestNs;
    private int requestBlame;
    private long lastEnteredNs = -1;
    /** The halt on the host (KVM's halt polling). */
    HostHalt halt;
    /** The guest's cpuidle-haltpoll driver, or null. */
    GuestHaltPoll guestPoll;

    Vcpu(VirtualMachine vm, int index, Cpu host, KvmCosts costs, KvmLabels labels, int guestBlame) {
        this.vm = vm;
        this.index = index;
        this.host = host;
        this.costs = costs;
        this.labels = labels;
        this.guestBlame = guestBlame;
        this.io = new UserspaceExit(vm, costs, labels);
    }

    public int index() {
        return index;
    }

    /** The vCPU thread on the host. */
    public Task thread() {
        return thread;
    }

    /** The guest CPU this vCPU supplies. */
    public Cpu guestCpu() {
        return guest;
    }

    /** Whether the vCPU executes guest code now. */
    public boolean inGuest() {
        return inGuest;
    }

    /** When guest mode last began (ns), or -1. */
    long lastEnteredNs() {
        return lastEnteredNs;
    }

    KvmCosts costs() {
        return costs;
    }

    // ---------------------------------------------------------------- the guest's requests

    /** Leaves guest mode now for {@code reason} (a synchronous exit); ignored when not in guest mode. */
    void requestExit(int reason) {
        if (!inGuest) {
            return;
        }
        exitReason = reason;
        host.endGuestMode(thread);
    }

    /**
     * A guest access to an emulated device (PIO/MMIO handled by the VMM): exits to the VMM's userspace, takes the
     * BQL when {@code needsBql} and the VMM is qemu (firecracker and cloud-hypervisor have no big lock), emulates
     * for {@code serviceNs}, releases it and re-enters ({@link UserspaceExit}).
     */
    public void emulatedAccess(long serviceNs, boolean needsBql) {
        if (!inGuest) {
            throw new IllegalStateException("vCPU " + index + " of " + vm.name() + " is not in guest mode");
        }
        io.arm(serviceNs, needsBql);
        requestExit(IO);
    }

    /** A KVM request for this vCPU (a kvmclock update): kicks it out of guest mode; handled before entry. */
    void request(long ns, int blame) {
        requestNs += ns;
        requestBlame = blame;
        if (inGuest) {
            host.kernel().callFunctionIpi(host.id(), costs.ipiKick, labels.kick);
        }
    }

    /** The guest's timer expired on the host (hrtimer path) while the vCPU polls or sleeps: wake it. */
    void timerWake() {
        if (phase == P_HALTED && thread.state() == TaskState.BLOCKED) {
            host.kernel().wakeLocal(thread);
        } else if (phase == P_POLL) {
            endPoll(true);
        }
    }

    /** A task was woken onto the host CPU: need_resched / nr_running > 1 end the poll (kvm_vcpu_can_poll). */
    void hostTaskWoken(Task t) {
        if (phase == P_POLL && t != thread) {
            endPoll(false);
        }
    }

    private void endPoll(boolean wakeUp) {
        if (halt.interrupt(wakeUp)) {
            host.endSegment(thread);
        }
    }

    // ---------------------------------------------------------------- Supply (to the guest CPU)

    @Override
    public boolean available() {
        return inGuest;
    }

    @Override
    public int unavailableBlame() {
        if (thread.blockedOn() != null) {
            return labels.bqlWait;
        }
        return labels.host.guestView(host.currentBlame());
    }

    @Override
    public void attach(SupplyListener l) {
        this.listener = l;
    }

    @Override
    public void consumerIdle() {
        if (vm.haltsWhenIdle() && inGuest) {
            if (guestPoll != null) {
                guestPoll.idle();
            } else {
                requestExit(HLT);
            }
        }
    }

    @Override
    public void consumerKick() {
        if (phase == P_HALTED && thread.state() == TaskState.BLOCKED) {
            host.kernel().wakeRemote(thread);
        } else if (phase == P_POLL) {
            endPoll(true);
        }
    }

    @Override
    public void hostBlameChanged() {
        if (guest != null) {
            guest.supplyReasonChanged();
        }
    }

    // ---------------------------------------------------------------- GuestMode (to the host CPU)

    @Override
    public void entered() {
        inGuest = true;
        lastEnteredNs = host.now();
        if (guestPoll != null) {
            guestPoll.entered(lastEnteredNs);
        }
        listener.supplyRestored();
    }

    @Override
    public void left() {
        inGuest = false;
        listener.supplyLost(unavailableBlame());
    }

    @Override
    public long asyncExitNs() {
        stepBlame = labels.exitExternal;
        return costs.exit.sampleNs();
    }

    @Override
    public boolean nextEntryStep() {
        while (true) {
            switch (entryPhase) {
                case 0 -> {
                    entryPhase = 1;
                    if (requestNs > 0) {
                        stepNs = requestNs;
                        stepBlame = requestBlame;
                        requestNs = 0;
                        return true;
                    }
                }
                case 1 -> {
                    entryPhase = 2;
                    long wait = lapic.waitBeforeEntry();
                    if (wait > 0) {
                        stepNs = wait;
                        stepBlame = labels.advanceWait;
                        return true;
                    }
                }
                case 2 -> {
                    entryPhase = 3;
                    lapic.deliverIfInjected();
                    stepNs = costs.entry.sampleNs();
                    stepBlame = labels.entry;
                    return true;
                }
                default -> {
                    entryPhase = 0;
                    return false;
                }
            }
        }
    }

    @Override
    public long stepNs() {
        return stepNs;
    }

    @Override
    public int stepBlame() {
        return stepBlame;
    }

    // ---------------------------------------------------------------- the vCPU thread's program

    @Override
    public void next(Task t) {
        switch (phase) {
            case P_GUEST -> {
                phase = P_EXIT;
                t.run(costs.exit.sampleNs(), SegmentKind.IRQOFF, labels.exitLabel(exitReason));
            }
            case P_EXIT -> handle(t);
            case P_HANDLER -> afterHandler(t);
            case P_POLL -> {
                if (halt.pollOver(guestHasWork())) {
                    haltEnded(t);
                } else {
                    phase = P_HALTED;
                    t.block();
                }
            }
            case P_HALTED -> haltEnded(t);
            case P_IO -> {
                if (!io.next(t)) {
                    beginEntry(t);
                }
            }
            case P_ENTRY -> continueEntry(t);
            default -> throw new IllegalStateException("vCPU phase " + phase);
        }
    }

    private void handle(Task t) {
        switch (exitReason) {
            case HLT -> {
                phase = P_HANDLER;
                t.run(costs.halt.sampleNs(), SegmentKind.KERNEL, labels.halt);
            }
            case MSR -> {
                phase = P_HANDLER;
                t.run(costs.msrWrite.sampleNs(), SegmentKind.KERNEL, labels.msrWrite);
            }
            case TIMER -> {
                phase = P_HANDLER;
                t.run(costs.timerInjection.sampleNs(), SegmentKind.KERNEL, labels.timerInjection);
            }
            case IO -> {
                phase = P_IO;
                io.begin(t);
            }
            default -> throw new IllegalStateException("exit reason " + exitReason);
        }
    }

    /**
     * After the HLT handler: kvm_vcpu_halt. A pending event ends the halt at once (halt_ns 0, below any window: no
     * change). Otherwise the vCPU polls for the window while it is the host CPU's only runnable task, else blocks.
     */
    private void afterHandler(Task t) {
        if (exitReason != HLT || guestHasWork()) {
            beginEntry(t);
            return;
        }
        long poll = halt.begin(t.now());
        if (poll > 0) {
            phase = P_POLL;
            t.run(poll, SegmentKind.KERNEL, labels.haltPoll);
        } else {
            phase = P_HALTED;
            t.block();
        }
    }

    /** The halt is over (a wake-up inside the poll, or the thread runs again after blocking): adapts the window. */
    private void haltEnded(Task t) {
        halt.ended(t.now());
        beginEntry(t);
    }

    private boolean guestHasWork() {
        return guest.interruptPending() || lapic.injected() || requestNs > 0;
    }

    private void beginEntry(Task t) {
        phase = P_ENTRY;
        entryPhase = 0;
        continueEntry(t);
    }

    private void continueEntry(Task t) {
        if (nextEntryStep()) {
            t.run(stepNs, SegmentKind.IRQOFF, stepBlame);
        } else {
            phase = P_GUEST;
            exitReason = NONE;
            t.runGuest(guestBlame);
        }
    }

    /** The lock the thread waits for (the BQL), for tests. */
    Lock waitingFor() {
        return thread.blockedOn();
    }

    @Override
    public String toString() {
        return vm.name() + "/vcpu" + index;
    }
}
