package org.rtvsim.kernel;

import org.rtvsim.engine.Phase;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Simulation;

/**
 * RT throttling on one CPU ({@code sched_rt_runtime_us} of every {@code sched_rt_period_us}):
 * once SCHED_FIFO/RR tasks have run {@code runtime} within the current period and a fair task is
 * runnable (now, or later in the period), the RT class is not picked until the period ends and fair
 * tasks run instead. Without a waiting fair task the RT task keeps the CPU, as with the 6.12+ fair
 * dl_server (kernel/sched/deadline.c), which only reserves time for fair tasks that want it; unlike
 * the dl_server, the fair class then keeps the CPU until the period ends rather than for exactly
 * {@code period − runtime}. Periods are aligned to multiples of the period from time 0.
 */
final class RtThrottle {
    private final Cpu cpu;
    private final long runtimeNs;
    private final long periodNs;
    private long periodStartNs;
    private long usedNs;
    private long runningSinceNs = -1;
    private boolean throttled;
    private boolean budgetUsed;
    private final Exhausted exhausted;
    private final Replenish replenish;

    RtThrottle(Simulation sim, Cpu cpu, long runtimeNs, long periodNs) {
        this.cpu = cpu;
        this.runtimeNs = runtimeNs;
        this.periodNs = periodNs;
        this.exhausted = new Exhausted(sim);
        this.replenish = new Replenish(sim);
    }

    boolean throttled() {
        return throttled;
    }

    /**
     * No fair task wants the CPU any more: RT tasks may run again for the rest of the period (the
     * dl_server is dequeued when its tasks sleep); a fair task waking later throttles them again.
     */
    void fairGone() {
        throttled = false;
    }

    /** A fair task became runnable: throttle now if this period's RT budget is already used up. */
    void fairRunnable() {
        if (budgetUsed && !throttled) {
            throttled = true;
            cpu.sched.rtThrottled();
        }
    }

    private void roll(long now) {
        long start = now - Math.floorMod(now, periodNs);
        if (start != periodStartNs) {
            periodStartNs = start;
            usedNs = 0;
            if (runningSinceNs >= 0 && runningSinceNs < start) {
                runningSinceNs = start;
            }
        }
    }

    void rtStarted(long now) {
        roll(now);
        runningSinceNs = now;
        armExhaustion(now);
    }

    void rtStopped(long now) {
        if (runningSinceNs < 0) {
            return;
        }
        roll(now);
        usedNs += now - runningSinceNs;
        runningSinceNs = -1;
        exhausted.cancel();
    }

    private void armExhaustion(long now) {
        long left = runtimeNs - usedNs;
        long periodEnd = periodStartNs + periodNs;
        exhausted.scheduleAt(Math.min(now + Math.max(0, left), periodEnd));
    }

    private void onExhausted() {
        long now = cpu.now();
        roll(now);
        long used = usedNs + (runningSinceNs >= 0 ? now - runningSinceNs : 0);
        if (used < runtimeNs) {
            if (runningSinceNs >= 0) {
                armExhaustion(now);
            }
            return;
        }
        budgetUsed = true;
        replenish.scheduleAt(periodStartNs + periodNs);
        if (cpu.sched.fairRunnable()) {
            throttled = true;
            cpu.sched.rtThrottled();
        }
    }

    private void onReplenish() {
        throttled = false;
        budgetUsed = false;
        roll(cpu.now());
        if (runningSinceNs >= 0) { // an RT task ran through the period's end: watch the new period's budget
            armExhaustion(cpu.now());
        }
        cpu.sched.rtUnthrottled();
    }

    /** The RT budget of this period is used up. */
    private final class Exhausted extends SimEvent {
        Exhausted(Simulation sim) {
            super(sim, Phase.COMPLETION);
        }

        @Override
        protected void fire() {
            onExhausted();
        }
    }

    /** A new period begins; the RT class may run again. */
    private final class Replenish extends SimEvent {
        Replenish(Simulation sim) {
            super(sim, Phase.RELEASE);
        }

        @Override
        protected void fire() {
            onReplenish();
        }
    }
}
