package org.rtvsim.kernel;

import org.rtvsim.engine.Phase;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Simulation;

/**
 * RT throttling on one CPU ({@code sched_rt_runtime_us} of every {@code sched_rt_period_us}):
 * once SCHED_FIFO/RR tasks have run {@code runtime} within the current period, the RT class is not
 * picked until the period ends; fair tasks (or idle) run instead. Periods are aligned to multiples
 * of the period from time 0. This is the classic rt_bandwidth behaviour with RT_RUNTIME_SHARE off;
 * the 6.12+ fair dl_server grants fair tasks the same 50 ms/s only when they are runnable
 * (model-reference.md discusses the difference).
 */
final class RtThrottle {
    private final Cpu cpu;
    private final long runtimeNs;
    private final long periodNs;
    private long periodStartNs;
    private long usedNs;
    private long runningSinceNs = -1;
    private boolean throttled;
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
        throttled = true;
        replenish.scheduleAt(periodStartNs + periodNs);
        cpu.rtThrottled();
    }

    private void onReplenish() {
        throttled = false;
        roll(cpu.now());
        cpu.rtUnthrottled();
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
