package org.rtvsim.virt;

import org.rtvsim.engine.Phase;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Simulation;
import org.rtvsim.kernel.HrTimer;
import org.rtvsim.kernel.LocalTimer;

/**
 * A vCPU's emulated local APIC timer in TSC-deadline mode, as KVM runs it. The guest programming a
 * deadline is a TSC-deadline MSR write (a VM exit while in guest mode). The host arms the expiry
 * {@code timer_advance} early ({@code lapic_timer_advance_ns}): through the VMX preemption timer while the
 * vCPU is in guest mode ({@code hv_timer}: a preemption-timer exit), otherwise through a host hrtimer on the
 * vCPU's host CPU (a host timer interrupt: an external-interrupt exit in guest mode, or the wake-up of a
 * halted vCPU thread). The interrupt is injected on the way back in, after {@code wait_lapic_expire} has
 * busy-waited until the deadline when the expiry came early; the adaptive mode tunes the advance from the
 * error seen there (kvm/lapic.c: ignored outside 100..10,000 cycles, step 1/8, reset to 1000 ns above
 * 5000 ns).
 */
final class VirtualLapic implements LocalTimer {
    /** [K] LAPIC_TIMER_ADVANCE_NS_INIT and LAPIC_TIMER_ADVANCE_NS_MAX. */
    static final long ADVANCE_INIT_NS = 1_000;
    static final long ADVANCE_MAX_NS = 5_000;

    private final Vcpu vcpu;
    private final Simulation sim;
    private final boolean hvTimer;
    private final boolean adaptive;
    private final long adjustMinNs;
    private final long adjustMaxNs;
    private long advanceNs;
    private final HrTimer hostTimer;
    private final Expiry expiry;
    private long deadline = -1;
    private boolean injected;
    private long injectedDeadline;
    private boolean hostTimerWakes;

    /**
     * @param advanceNs the fixed advance, or the initial one when {@code adaptive}
     * @param freqHz    the TSC frequency, for the adaptive mode's cycle thresholds
     */
    VirtualLapic(Vcpu vcpu, Simulation sim, boolean hvTimer, long advanceNs, boolean adaptive, double freqHz,
                 org.rtvsim.engine.Sampler hostExpiryNs, int hostExpiryBlame) {
        this.vcpu = vcpu;
        this.sim = sim;
        this.hvTimer = hvTimer;
        this.advanceNs = advanceNs;
        this.adaptive = adaptive;
        this.adjustMinNs = Math.round(100 / freqHz * 1e9);
        this.adjustMaxNs = Math.round(10_000 / freqHz * 1e9);
        this.hostTimer = new HrTimer(vcpu.host, hostExpiryBlame, hostExpiryNs, false, t -> hostTimerExpired());
        this.expiry = new Expiry(sim);
    }

    /** The current advance (ns). */
    long advanceNs() {
        return advanceNs;
    }

    @Override
    public void program(long atNs) {
        deadline = atNs;
        long fireAt = Math.max(sim.now(), atNs - advanceNs);
        if (hvTimer) {
            hostTimer.cancel();
            expiry.scheduleAt(fireAt);
        } else {
            hostTimerWakes = false;
            hostTimer.start(fireAt);
        }
        vcpu.requestExit(Vcpu.MSR); // the wrmsr traps (no-op unless the guest is running)
    }

    @Override
    public void stop() {
        deadline = -1;
        expiry.cancel();
        hostTimer.cancel();
    }

    @Override
    public long programmedNs() {
        return deadline;
    }

    boolean injected() {
        return injected;
    }

    private void expire() {
        if (deadline < 0) {
            return;
        }
        injected = true;
        injectedDeadline = deadline;
        deadline = -1;
    }

    /** The preemption timer (or its stand-in while the vCPU is out of guest mode) fired. */
    private void preemptionTimerFired() {
        expire();
        if (vcpu.inGuest()) {
            vcpu.requestExit(Vcpu.TIMER);
        } else {
            // out of guest mode KVM runs the guest timer on a host hrtimer (kvm_lapic_switch_to_sw_timer)
            hostTimerWakes = true;
            hostTimer.start(sim.now());
        }
    }

    /** The host hrtimer expired, in host hardirq context on the vCPU's host CPU. */
    private void hostTimerExpired() {
        if (!hostTimerWakes) {
            expire();
        }
        hostTimerWakes = false;
        vcpu.timerWake();
    }

    /** On the way back in: how long {@code wait_lapic_expire} busy-waits before entry (0 if late or nothing due). */
    long waitBeforeEntry() {
        if (!injected) {
            return 0;
        }
        long err = sim.now() - injectedDeadline;
        if (adaptive) {
            long a = Math.abs(err);
            if (a >= adjustMinNs && a <= adjustMaxNs) {
                advanceNs = Math.max(0, advanceNs + err / 8);
                if (advanceNs > ADVANCE_MAX_NS) {
                    advanceNs = ADVANCE_INIT_NS;
                }
            }
        }
        return err < 0 ? -err : 0;
    }

    /** Injects an expired timer into the guest (its timer interrupt becomes pending there). */
    void deliverIfInjected() {
        if (injected) {
            injected = false;
            vcpu.guest.localTimerFired();
        }
    }

    private final class Expiry extends SimEvent {
        Expiry(Simulation sim) {
            super(sim, Phase.INTERRUPT);
        }

        @Override
        protected void fire() {
            preemptionTimerFired();
        }
    }
}
