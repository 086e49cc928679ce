package org.rtvsim.kernel;

import org.rtvsim.engine.Sampler;

/**
 * A high-resolution timer on one CPU: expiry time (ns), the cost of handling its expiry inside the
 * timer interrupt, the attribution label of that handling, and the callback run at the end of it
 * (e.g. waking a task). Hrtimers of a CPU share its local APIC timer: one interrupt handles every
 * timer expired by the time the handler looks ({@link TimerQueue}).
 *
 * <p>A timer may have a range (hrtimer_set_expires_range_ns): it may expire from its soft expiry on, and
 * must by its hard expiry. The queue is ordered, and the device programmed, by hard expiry; an interrupt
 * raised for any reason expires the queue's timers in that order while their soft expiry has passed
 * (kernel/time/hrtimer.c __hrtimer_run_queues: {@code if (basenow < softexpires) break}).
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
    /** The soft expiry: {@code expiresNs} minus the slack. */
    long softNs;
    /** When the timer last expired (was taken off its queue by the timer interrupt). */
    long expiredNs = Long.MIN_VALUE;
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
        start(atNs, 0);
    }

    /** Arms the timer to expire between {@code atNs} (soft) and {@code atNs + slackNs} (hard). */
    public void start(long atNs, long slackNs) {
        cpu.timers.arm(this, atNs, slackNs);
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
