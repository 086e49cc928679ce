package org.rtvsim.virt;

import org.rtvsim.scenario.VmSpec;

/**
 * The guest's cpuidle-haltpoll governor on one vCPU ([K] drivers/cpuidle/governors/haltpoll.c, haltpoll_select,
 * haltpoll_reflect, adjust_poll_limit; Documentation/virt/guest-halt-polling.rst): the poll limit
 * ({@code dev->poll_limit_ns}) starts at 0; while it is 0 an idle vCPU halts at once, otherwise it polls in guest
 * mode up to the limit and halts only when nothing ended the poll. Only a halt adjusts the limit, by its residency
 * {@code blockNs}: grow to {@code limit × grow} (at least {@code grow_start}, at most {@code guest_halt_poll_ns})
 * when {@code limit < blockNs <= guest_halt_poll_ns}; shrink to {@code limit / shrink} (0 when shrink is 0, or
 * when below {@code grow_start}) when {@code blockNs > guest_halt_poll_ns} and shrinking is allowed.
 */
final class GuestPollWindow {
    private final VmSpec.GuestHaltPoll p;
    private long ns;

    GuestPollWindow(VmSpec.GuestHaltPoll p) {
        this.p = p;
    }

    /** The poll limit now. */
    long ns() {
        return ns;
    }

    /** A halt (HLT) lasted {@code blockNs}: adapts the limit. */
    void afterHalt(long blockNs) {
        if (blockNs > ns && blockNs <= p.maxNs()) {
            ns = Math.min(Math.max(ns * p.grow(), p.growStartNs()), p.maxNs());
        } else if (blockNs > p.maxNs() && p.allowShrink()) {
            long v = p.shrink() == 0 ? 0 : ns / p.shrink();
            ns = v < p.growStartNs() ? 0 : v;
        }
    }
}
