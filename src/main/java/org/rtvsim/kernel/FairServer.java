package org.rtvsim.kernel;

import org.rtvsim.engine.Phase;
import org.rtvsim.engine.SimEvent;
import org.rtvsim.engine.Simulation;

/**
 * The fair server of one CPU (Linux 6.12+, rq->fair_server; kernel/sched/deadline.c dl_server_*,
 * kernel/sched/fair.c fair_server_init): a deferred deadline entity of runtime R per period P that runs fair
 * tasks when higher classes starve them. It replaces RT throttling, which 6.12 removed by default
 * (commit 5f6bd380c7bd "sched/rt: Remove default bandwidth control").
 *
 * <ul>
 * <li>Started when a fair task becomes runnable (dl_server_start from enqueue_task_fair), stopped when none is
 * (dl_server_stop); a start applies the CBS wake-up rule (update_dl_entity).</li>
 * <li>Deferred (dl_defer): once started it waits, throttled, for its zero-laxity point, deadline − runtime
 * (start_dl_timer). All fair run time on the CPU meanwhile is charged to its runtime (dl_server_update from
 * update_curr); if the fair class uses the runtime up in the period on its own, nothing was starved: a new
 * period starts from then (replenish_dl_new_period) and the wait starts again.</li>
 * <li>At the zero-laxity point with runtime left, the fair class was starved: the server is queued as a
 * deadline entity with its deadline, above every RT task, and runs fair tasks (picked by EEVDF) until its
 * runtime is used; then it is throttled until its next period (dl_server_timer → replenish_dl_entity)
 * and waits for the new period's zero-laxity point again.</li>
 * </ul>
 * With an RT task that never sleeps and a fair task that always wants the CPU, the fair task thus runs R at
 * the end of every period P, as with the older RT throttling.
 */
final class FairServer {
    static final int STOPPED = 0;
    static final int DEFERRED = 1;
    static final int ACTIVE = 2;
    static final int THROTTLED = 3;

    private final Cpu cpu;
    private final Simulation sim;
    final DlEntity se;
    int state = STOPPED;
    /** A fair task picked through the server (as a deadline entity) runs now. */
    boolean serving;
    private long chargedToNs = -1;
    private final Depletion depletion;

    FairServer(Simulation sim, Cpu cpu, long runtimeNs, long periodNs) {
        this.sim = sim;
        this.cpu = cpu;
        this.se = new DlEntity(null, runtimeNs, periodNs, periodNs);
        this.depletion = new Depletion(sim);
    }

    /** dl_server_start: a fair task became runnable. */
    void start() {
        if (state != STOPPED) {
            return;
        }
        long now = cpu.now();
        if (se.deadlineNs != 0 && se.runtimeNs <= 0) {
            se.replenish(now);
        }
        se.wakeUp(now);
        defer(now);
    }

    /** dl_server_stop: no fair task is runnable any more. */
    void stop() {
        if (state == STOPPED) {
            return;
        }
        cpu.rq.dl.remove(se);
        se.cancelTimer();
        state = STOPPED;
    }

    private void defer(long now) {
        state = DEFERRED;
        long zeroLaxity = se.deadlineNs - se.runtimeNs;
        if (zeroLaxity <= now) {
            activate();
        } else {
            se.armTimer(sim, zeroLaxity, this::onZeroLaxity);
            armDepletion();
        }
    }

    private void onZeroLaxity() {
        charge();
        if (state != DEFERRED) {
            return;
        }
        if (se.runtimeNs <= 0) { // the fair class had its share this period on its own
            se.newPeriod(cpu.now());
            defer(cpu.now());
            return;
        }
        activate();
    }

    private void activate() {
        state = ACTIVE;
        cpu.rq.dl.enqueue(se);
        armDepletion();
        cpu.sched.deadlineArrived(se);
    }

    /** A fair task starts running here ({@code served}: picked through the server). */
    void fairStarted(boolean served) {
        serving = served;
        chargedToNs = cpu.now();
        armDepletion();
    }

    /** The running fair task leaves the CPU. */
    void fairStopped() {
        charge();
        chargedToNs = -1;
        serving = false;
        depletion.cancel();
    }

    private boolean charging() {
        return chargedToNs >= 0 && (state == DEFERRED || state == ACTIVE);
    }

    private void charge() {
        if (charging()) {
            long now = cpu.now();
            se.runtimeNs -= now - chargedToNs;
            chargedToNs = now;
        }
    }

    private void armDepletion() {
        if (charging()) {
            depletion.scheduleAt(cpu.now() + Math.max(0, se.runtimeNs));
        } else {
            depletion.cancel();
        }
    }

    private void onDepletion() {
        charge();
        if (se.runtimeNs > 0) {
            armDepletion();
            return;
        }
        long now = cpu.now();
        if (state == DEFERRED) { // used up without starvation: a new period, and wait again
            se.newPeriod(now);
            defer(now);
            return;
        }
        if (state != ACTIVE) {
            return;
        }
        cpu.rq.dl.remove(se);
        state = THROTTLED;
        se.armTimer(sim, Math.max(now, se.nextPeriodNs()), this::onReplenish);
        if (serving) {
            serving = false;
            cpu.sched.requestResched();
        }
    }

    private void onReplenish() {
        long now = cpu.now();
        se.replenish(now);
        defer(now);
    }

    /** The fair class's run time reached the server's remaining runtime. */
    private final class Depletion extends SimEvent {
        Depletion(Simulation sim) {
            super(sim, Phase.COMPLETION);
        }

        @Override
        protected void fire() {
            onDepletion();
        }
    }
}
