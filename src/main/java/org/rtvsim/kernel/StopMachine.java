package org.rtvsim.kernel;

/**
 * The stopper on one CPU (stop_machine's multi_cpu_stop, also used for a P-state transition stall):
 * the CPU runs with interrupts off for a given time. {@link Kernel#stopMachine} starts it on every CPU
 * at the same instant. A CPU inside an interrupts-off section takes it when that section ends and then
 * runs its full time, so it ends late alone; the real rendezvous would hold every CPU until the last
 * one arrived (left out). No interrupt entry cost: the stopper is a thread, its wake-up and switch are
 * left out next to the hundreds of µs it runs.
 */
final class StopMachine extends QueuedIrqWork {
    StopMachine(Cpu cpu) {
        super(cpu, "stop_machine");
    }
}
