package org.rtvsim.kernel;

/**
 * An interrupt vector on one CPU (the local timer, the reschedule IPI, a device's MSI): raised by
 * hardware, held pending while the CPU has interrupts off or no supply, then handled by its
 * {@link IrqActivity} in a hardirq frame. A line raised again while pending is coalesced, as the
 * APIC's IRR holds one bit per vector.
 */
final class IrqLine {
    final String name;
    final IrqActivity handler;
    boolean pending;

    IrqLine(String name, IrqActivity handler) {
        this.name = name;
        this.handler = handler;
    }

    @Override
    public String toString() {
        return name;
    }
}
