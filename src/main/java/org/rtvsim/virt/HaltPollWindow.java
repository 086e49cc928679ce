package org.rtvsim.virt;

import org.rtvsim.scenario.KvmSpec;

/**
 * One vCPU's adaptive halt-polling window as KVM keeps it ({@code vcpu->halt_poll_ns}, [K] virt/kvm/kvm_main.c
 * kvm_vcpu_halt, grow_halt_poll_ns, shrink_halt_poll_ns). It starts at 0. At the start of a halt it is capped
 * at the maximum ({@code vms[].halt_poll}, the module's halt_poll_ns); the vCPU polls that long when it is not 0.
 * After the halt, with {@code haltNs} the time from the start of the halt to the vCPU running again (polling
 * included): no change when {@code haltNs <= window}; shrink when the window is not 0 and {@code haltNs > max};
 * grow when the window and {@code haltNs} are both below the max. Grow: {@code window × grow}, at least
 * {@code grow_start} (not capped here: the next halt caps it). Shrink: {@code window / shrink} (0 when shrink is 0),
 * and 0 when that falls below {@code grow_start}. Every wake-up is valid on x86 (vcpu_valid_wakeup is
 * s390-only), so the invalid-wake-up shrink does not arise.
 */
final class HaltPollWindow {
    private final long maxNs;
    private final int grow;
    private final long growStartNs;
    private final int shrink;
    private long ns;

    HaltPollWindow(long maxNs, int grow, long growStartNs, int shrink) {
        this.maxNs = maxNs;
        this.grow = grow;
        this.growStartNs = growStartNs;
        this.shrink = shrink;
    }

    HaltPollWindow(KvmSpec k, long maxNs) {
        this(maxNs, k.haltPollGrow(), k.haltPollGrowStartNs(), k.haltPollShrink());
    }

    /** The window now ({@code vcpu->halt_poll_ns}). */
    long ns() {
        return ns;
    }

    /** A halt begins: the window, capped at the max; the vCPU polls this long (0: it blocks at once). */
    long beginHalt() {
        if (ns > maxNs) {
            ns = maxNs;
        }
        return ns;
    }

    /** The halt ended {@code haltNs} after it began (the vCPU runs again): adapts the window. */
    void endHalt(long haltNs) {
        if (maxNs == 0) {
            ns = 0;
        } else if (haltNs <= ns) {
            return;
        } else if (ns > 0 && haltNs > maxNs) {
            ns = shrink == 0 ? 0 : ns / shrink;
            if (ns < growStartNs) {
                ns = 0;
            }
        } else if (ns < maxNs && haltNs < maxNs && grow > 0) {
            ns = Math.max(ns * grow, growStartNs);
        }
    }
}
