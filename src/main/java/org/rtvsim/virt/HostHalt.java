package org.rtvsim.virt;

import org.rtvsim.kernel.Cpu;

/**
 * One vCPU's halt on the host ([K] virt/kvm/kvm_main.c kvm_vcpu_halt): when it began, whether the vCPU thread
 * polls (for the {@link HaltPollWindow}, only while it is its host CPU's only runnable task), what ended the
 * poll, and the window's adaptation when the vCPU runs again. The vCPU's run loop ({@link Vcpu}) drives it.
 */
final class HostHalt {
    /** KVM's adaptive window; null when the host does not poll (the guest's haltpoll driver disabled it). */
    private final HaltPollWindow window;
    private final Cpu host;
    private long startNs = -1;
    private boolean ending;
    private boolean woken;

    HostHalt(HaltPollWindow window, Cpu host) {
        this.window = window;
        this.host = host;
    }

    HaltPollWindow window() {
        return window;
    }

    /**
     * A halt begins now (no event pending): how long to poll, or 0 to block at once (a window of 0, or another
     * task already runnable on the host CPU: kvm_vcpu_can_poll fails on the first check).
     */
    long begin(long nowNs) {
        startNs = nowNs;
        ending = false;
        woken = false;
        long ns = window == null ? 0 : window.beginHalt();
        return ns > 0 && host.nrRunning() == 1 ? ns : 0;
    }

    /**
     * Something ends the poll early: a wake-up for the vCPU ({@code wakeUp}) or a task woken onto the host CPU.
     * True the first time (the poll segment is to be ended now).
     */
    boolean interrupt(boolean wakeUp) {
        woken |= wakeUp;
        if (ending) {
            return false;
        }
        ending = true;
        return true;
    }

    /** The poll is over: true when a wake-up came (the vCPU re-enters), false when the thread is to block. */
    boolean pollOver(boolean guestHasWork) {
        ending = false;
        return woken || guestHasWork;
    }

    /** The vCPU runs again ({@code haltNs} = now − start, poll and block included): adapts the window. */
    void ended(long nowNs) {
        if (startNs >= 0 && window != null) {
            window.endHalt(nowNs - startNs);
        }
        startNs = -1;
    }
}
