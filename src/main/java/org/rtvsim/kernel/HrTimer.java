package org.rtvsim.kernel;

import org.rtvsim.engine.Sampler;

/**
 * A high-resolution timer on one CPU: expiry time (ns), the cost of handling its expiry inside the
 * timer interrupt, the attribution label of that handling, and the callback run at the end of it
 * (e.g. waking a task). Hrtimers of a CPU share its local APIC timer: one interrupt handles every
 * timer expired by the time the handler looks ({@link TimerQueue}).
 */
public final class HrTimer {
    /** What an expired timer does, at the end of its handling segment, in hardirq context. */
    public interface Callback {
        void expired(HrTimer timer);
    }

    final Cpu cpu;
    int blame;
    final Sampler costNs;
    /** The scheduler tick: skipped (not even raised) while its CPU is idle or tickless. */
    final boolean tick;
    final Callback callback;
    long expiresNs;
    int heapIndex = -1;
    long order;

    public HrTimer(Cpu cpu, int blame, Sampler costNs, boolean tick, Callback callback) {
        this.cpu = cpu;
        this.blame = blame;
        this.costNs = costNs;
        this.tick = tick;
        this.callback = callback;
    }

    /** Arms (or re-arms) the timer to expire at absolute time {@code atNs}. */
    public void start(long atNs) {
        cpu.timers.arm(this, atNs);
    }

    public void cancel() {
        cpu.timers.disarm(this);
    }

    public boolean armed() {
        return heapIndex >= 0;
    }

    public long expiresNs() {
        return expiresNs;
    }
}
