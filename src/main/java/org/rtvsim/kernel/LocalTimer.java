package org.rtvsim.kernel;

/**
 * The per-CPU timer device the hrtimer queue programs to its earliest expiry. On a physical CPU it is
 * the local APIC timer in TSC-deadline mode; in a KVM guest it is emulated by the host (the {@code virt}
 * layer), which must call {@link Cpu#localTimerFired()} when the guest sees the interrupt.
 */
public interface LocalTimer {

    /** Programs the device to fire at {@code atNs} (replacing an earlier programming). */
    void program(long atNs);

    /** Stops the device (no timer pending). */
    void stop();

    /** The programmed expiry, or -1 when not programmed. */
    long programmedNs();
}
