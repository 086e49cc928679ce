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
 *
 * <p><b>Exitless timer</b> ({@code pi_inject_timer}, when the VM does not exit on HLT/MWAIT): the host hrtimer
 * is armed on a housekeeping CPU (the timer is unpinned and nohz_full CPUs hand timers to housekeeping ones);
 * when it expires while the vCPU is in guest mode, {@code wait_lapic_expire} busy-waits there until the
 * deadline (adaptive tuning included) and the interrupt is posted to the running guest without an exit.
 * Otherwise the usual path follows: the expiry is pending, the vCPU is kicked, injection on entry.
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
    /** The latest deadline already expired and injected: re-programming it is a no-op until handled. */
    private long coveredNs = -1;
    /** Exitless timer: the delivery cost of a posted interrupt and its labels (used only when {@link #post} is set). */
    private final org.rtvsim.engine.Sampler postedNs;
    private final int postedBlame;
    private final int lateBlame;
    private final Post post;
    private final Due due;

    /**
     * @param advanceNs   the fixed advance, or the initial one when {@code adaptive}
     * @param freqHz      the TSC frequency, for the adaptive mode's cycle thresholds
     * @param postCpu     for the exitless timer, the housekeeping host CPU whose hrtimer serves this vCPU
     *                    (null: the timer runs on the vCPU's own host CPU and is injected on entry)
     * @param postedNs    delivery cost of the posted interrupt
     * @param postedBlame its attribution label
     * @param lateBlame   the label of an idle guest CPU's wait past the deadline for a late posted interrupt
     */
    VirtualLapic(Vcpu vcpu, Simulation sim, boolean hvTimer, long advanceNs, boolean adaptive, double freqHz,
                 org.rtvsim.engine.Sampler hostExpiryNs, int hostExpiryBlame, org.rtvsim.kernel.Cpu postCpu,
                 org.rtvsim.engine.Sampler postedNs, int postedBlame, int lateBlame) {
        if (postCpu != null && hvTimer) {
            throw new IllegalArgumentException("the exitless timer does not use the preemption timer");
        }
        this.vcpu = vcpu;
        this.sim = sim;
        this.hvTimer = hvTimer;
        this.advanceNs = advanceNs;
        this.adaptive = adaptive;
        this.adjustMinNs = Math.round(100 / freqHz * 1e9);
        this.adjustMaxNs = Math.round(10_000 / freqHz * 1e9);
        this.hostTimer = new HrTimer(postCpu != null ? postCpu : vcpu.host, hostExpiryBlame, hostExpiryNs, false,
                t -> hostTimerExpired());
        this.expiry = new Expiry(sim);
        this.postedNs = postedNs;
        this.postedBlame = postedBlame;
        this.lateBlame = lateBlame;
        this.post = postCpu != null ? new Post(sim) : null;
        this.due = postCpu != null ? new Due(sim) : null;
    }

    /** The current advance (ns). */
    long advanceNs() {
        return advanceNs;
    }

    @Override
    public void program(long atNs) {
        if (atNs <= coveredNs && (injected || vcpu.guest.interruptPending())) {
            // an expiry already injected (or pending in the guest) covers this deadline: the guest's handler
            // pops every expired timer and programs the next one itself
            return;
        }
        deadline = atNs;
        if (post != null) {
            post.cancel();
            due.scheduleAt(Math.max(sim.now(), atNs));
        }
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
        if (post != null) {
            post.cancel();
            due.cancel();
        }
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
        coveredNs = Math.max(coveredNs, deadline);
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
        if (post != null && vcpu.inGuest()) {
            if (deadline >= 0) { // apic_timer_expired: wait_lapic_expire here, then post the interrupt
                long err = sim.now() - deadline;
                adapt(err);
                post.scheduleAt(sim.now() + Math.max(0, -err));
            }
            return;
        }
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
        adapt(err);
        return err < 0 ? -err : 0;
    }

    /** The adaptive advance's step from an expiry {@code err} ns after (negative: before) the deadline. */
    private void adapt(long err) {
        if (adaptive) {
            long a = Math.abs(err);
            if (a >= adjustMinNs && a <= adjustMaxNs) {
                advanceNs = Math.max(0, advanceNs + err / 8);
                if (advanceNs > ADVANCE_MAX_NS) {
                    advanceNs = ADVANCE_INIT_NS;
                }
            }
        }
    }

    /** The busy-wait on the housekeeping CPU is over: post the interrupt (exitless timer). */
    private void posted() {
        if (deadline < 0) {
            return;
        }
        expire();
        if (vcpu.inGuest()) {
            vcpu.guest.localTimerPosted(postedNs.sampleNs(), postedBlame);
            injected = false;
        } else { // left guest mode meanwhile: the PIR is synced on entry, with no second wait
            injectedDeadline = sim.now();
            vcpu.timerWake();
        }
    }

    /** Injects an expired timer into the guest (its timer interrupt becomes pending there). */
    void deliverIfInjected() {
        if (injected) {
            vcpu.guest.localTimerFired(); // (still marked injected: re-programming inside is covered)
            injected = false;
        }
    }

    private final class Post extends SimEvent {
        Post(Simulation sim) {
            super(sim, Phase.INTERRUPT);
        }

        @Override
        protected void fire() {
            posted();
        }
    }

    /** The deadline of an exitless timer: an idle guest CPU still waiting for the post charges its wait to it. */
    private final class Due extends SimEvent {
        Due(Simulation sim) {
            super(sim, Phase.INTERRUPT);
        }

        @Override
        protected void fire() {
            if (deadline >= 0 && vcpu.inGuest()) {
                vcpu.guest.awaitInterrupt(lateBlame);
            }
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
