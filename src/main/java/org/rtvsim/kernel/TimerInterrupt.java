package org.rtvsim.kernel;

/**
 * The local timer interrupt (hrtimer_interrupt): interrupt entry, then each hrtimer expired by the
 * time the handler looks, in expiry order, as one segment at that timer's cost; the timer's
 * callback (a wake-up, the tick) runs at the end of its segment. The APIC timer is reprogrammed to
 * the next expiry on exit. Never threaded (IRQF_TIMER), in any preemption model.
 *
 * <p>An emulated timer delivered as a posted interrupt ({@link #deliverWith}) starts with one segment
 * of delivery work before the interrupt entry.
 */
final class TimerInterrupt extends IrqActivity {
    private final Cpu cpu;
    private HrTimer current;
    private long deliveryNs;
    private int deliveryBlame;
    private boolean entryDue;

    TimerInterrupt(Cpu cpu) {
        this.cpu = cpu;
    }

    /** The next time this interrupt is handled, it starts with {@code ns} of delivery work charged to {@code blame}. */
    void deliverWith(long ns, int blame) {
        deliveryNs = ns;
        deliveryBlame = blame;
    }

    @Override
    boolean start(Cpu c, Segment seg) {
        HrTimer first = cpu.timers.peek();
        long delivery = deliveryNs;
        deliveryNs = 0;
        if (first == null || first.softNs > cpu.now()) {
            cpu.timers.program(); // nothing expired any more (handled by an earlier interrupt)
            return false;
        }
        current = null;
        if (delivery > 0) {
            entryDue = true;
            seg.setIrq(delivery, true, deliveryBlame);
            return true;
        }
        seg.setIrq(cpu.costs.irqEntry().sampleNs(), true, cpu.kernel.blameTimerIrq);
        return true;
    }

    @Override
    boolean next(Cpu c, Segment seg) {
        if (entryDue) {
            entryDue = false;
            seg.setIrq(cpu.costs.irqEntry().sampleNs(), true, cpu.kernel.blameTimerIrq);
            return true;
        }
        if (current != null) {
            HrTimer done = current;
            current = null;
            done.callback.expired(done);
        }
        long now = cpu.now();
        HrTimer t;
        while ((t = cpu.timers.popExpired(now)) != null) {
            if (t.tick && cpu.tickStopped()) {
                cpu.kernel.rearmTick(t);
                continue;
            }
            current = t;
            seg.setIrq(t.costNs.sampleNs(), true, t.blame);
            return true;
        }
        cpu.timers.program();
        return false;
    }
}
