package org.rtvsim.hw;

/**
 * The hierarchical CPU supply of the design brief: a CPU executes work only while its supply is
 * available. A physical CPU loses supply during a machine stall (an SMI); a virtual CPU has supply
 * only while its vCPU thread runs in guest mode on a physical CPU that itself has supply. Every pause
 * and resume of a CPU goes through this one interface.
 */
public interface Supply {

    /** Whether work on the supplied CPU can progress now. */
    boolean available();

    /** The attribution label id of the reason supply is missing (valid while {@code !available()}). */
    int unavailableBlame();

    /** Registers the consumer told about every change (one consumer: the kernel CPU on top). */
    void attach(SupplyListener listener);

    /**
     * The supplied CPU went idle (nothing to run). A virtual CPU may then give its physical CPU back
     * (a HLT exit); a physical CPU ignores it.
     */
    default void consumerIdle() {
    }

    /**
     * An interrupt became pending on the supplied CPU while it has no supply. A halted virtual CPU is
     * woken by it (a kick); a physical CPU ignores it.
     */
    default void consumerKick() {
    }
}
