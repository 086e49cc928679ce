package org.rtvsim.kernel;

/**
 * The call-function IPI on one CPU (smp_call_function_many: TLB shootdowns, text_poke_sync): each
 * request is interrupt entry ({@code costs.irq_entry}) and its handler, in hardirq with interrupts
 * off in every preemption model. Requests arriving while the IPI is pending (behind an irqs-off
 * section) wait and run together when it is taken.
 */
final class FunctionCallIpi extends QueuedIrqWork {
    FunctionCallIpi(Cpu cpu) {
        super(cpu, "call-function IPI");
    }
}
