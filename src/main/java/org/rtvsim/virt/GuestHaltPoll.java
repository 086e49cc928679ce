package org.rtvsim.virt;

import org.rtvsim.engine.Phase;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Simulation;
import org.rtvsim.kernel.Cpu;

/**
 * The guest's idle path with the cpuidle-haltpoll driver loaded: an idle guest CPU polls in guest mode up to the
 * governor's limit ({@link GuestPollWindow}) before it executes HLT. Work arriving during the poll (an interrupt
 * delivered in guest mode that leaves the CPU busy) ends it with no HLT exit, no host halt and no host wake-up;
 * when the limit passes with the CPU still idle, the guest halts (a HLT exit). The poll restarts with a full
 * limit when the CPU goes idle again after doing work (the governor polls again after a poll that did not time
 * out); a simplification: an interrupt that wakes nothing also restarts it, where the real poll loop keeps its
 * start. The halt's residency (HLT request to guest mode again) adapts the limit.
 */
final class GuestHaltPoll {
    private final GuestPollWindow window;
    private final Cpu guest;
    private final Vcpu vcpu;
    private boolean expired;
    private final SimEvent pollEnd;
    private long pollIdleSinceNs = -1;
    private long haltStartNs = -1;

    /** @param guest the guest CPU that {@code vcpu} supplies */
    GuestHaltPoll(Simulation sim, GuestPollWindow window, Cpu guest, Vcpu vcpu) {
        this.window = window;
        this.guest = guest;
        this.vcpu = vcpu;
        this.pollEnd = new SimEvent(sim, Phase.INTERRUPT) {
            @Override
            protected void fire() {
                limitReached();
            }
        };
    }

    private void limitReached() {
        if (!guest.idle() || guest.interruptPending()) {
            return;
        }
        if (vcpu.inGuest()) {
            haltNow();
        } else {
            expired = true; // out of guest mode (an exit, preempted): the poll loop sees its limit on return
        }
    }

    GuestPollWindow window() {
        return window;
    }

    /** The guest CPU is idle (in guest mode): polls, or halts when the limit is 0. */
    void idle() {
        long since = guest.idleSinceNs();
        if (since == pollIdleSinceNs && (pollEnd.isScheduled() || expired)) {
            expired = false;
            if (!pollEnd.isScheduled()) {
                haltNow(); // the limit passed while out of guest mode
            }
            return; // still the same idle period, polling
        }
        expired = false;
        if (pollEnd.isScheduled()) {
            pollEnd.cancel();
        }
        if (window.ns() == 0) {
            haltNow();
            return;
        }
        pollIdleSinceNs = since;
        pollEnd.scheduleAt(guest.now() + window.ns());
    }

    private void haltNow() {
        haltStartNs = guest.now();
        pollIdleSinceNs = -1;
        vcpu.requestExit(Vcpu.HLT);
    }

    /** Guest mode resumed: when it follows a halt, the halt's residency adapts the limit. */
    void entered(long nowNs) {
        if (haltStartNs >= 0) {
            window.afterHalt(nowNs - haltStartNs);
            haltStartNs = -1;
        }
    }
}
