package org.rtvsim.kernel;

/**
 * The host side of a vCPU thread as the host CPU's dispatcher sees it. A vCPU thread runs its guest-mode
 * segment ({@link Task#runGuest}); the dispatcher tells it when that segment starts and stops executing
 * (the guest CPU's supply), takes a VM exit when a host interrupt arrives during guest mode, and runs
 * the way back in (pending requests, the timer-advance wait, the VM entry) as a sequence of steps
 * before guest mode resumes. Implemented by the {@code virt} layer.
 */
public interface GuestMode {

    /** The guest-mode segment executes from now: the guest CPU has supply. */
    void entered();

    /** The guest-mode segment stopped executing now (exit, preemption, host stall). */
    void left();

    /** A host interrupt forces an exit now: the exit's cost (ns); its label is {@link #stepBlame()}. */
    long asyncExitNs();

    /**
     * Prepares the next step of the way back into guest mode after an interrupt exit; false when guest
     * mode can resume. Each step's length and label are {@link #stepNs()} and {@link #stepBlame()}.
     */
    boolean nextEntryStep();

    long stepNs();

    int stepBlame();
}
