package org.rtvsim.kernel;

import org.rtvsim.measure.TraceSink;

/**
 * The scheduler's side of one CPU: what its task context holds (idle, a task running, a context switch
 * in progress, a C-state exit), need_resched, and the decisions that change it — wake-up preemption,
 * priority changes, RT throttling, picking the next task and switching to it. {@link Cpu}'s dispatcher
 * asks it what to run at task level and tells it when task-level work completes.
 */
final class CpuScheduler {
    static final int IDLE = 0;
    static final int RUNNING = 1;
    static final int SWITCHING = 2;
    static final int WAKING = 3;

    private final Cpu cpu;
    int state = IDLE;
    Task curr;
    Task switchTo;
    final Segment switchSeg = new Segment();
    final Segment wakeSeg = new Segment();
    long idleSinceNs;
    boolean needResched;
    boolean needReschedLazy;
    /** The current task stands at a preemption point (a boundary the model allows, a cond_resched). */
    boolean atBoundary;
    /** Cache refill (ns) the task being switched in pays before it runs (after the switch itself). */
    private long refillNs;
    private int refillBlame;
    /** When the current task started (or went on) running here: what it streamed through the L2. */
    private long runSinceNs;
    /** This CPU's cpuidle governor (its idle history), made at the first idle entry. */
    private org.rtvsim.hw.IdleGovernor idleGovernor;

    CpuScheduler(Cpu cpu) {
        this.cpu = cpu;
    }

    /** The task-level segment: the current task's, the switch's or the C-state exit's; null when idle. */
    Segment top() {
        return switch (state) {
            case RUNNING -> curr.seg;
            case SWITCHING -> switchSeg;
            case WAKING -> wakeSeg;
            default -> null;
        };
    }

    /** Task-level work completed: a switch, a C-state exit, or the current task's segment. */
    void completed() {
        switch (state) {
            case SWITCHING -> {
                if (refillNs > 0) { // the switched-in task's evicted wake-up footprint comes back from DRAM
                    switchSeg.setIrq(refillNs, false, refillBlame);
                    refillNs = 0;
                } else {
                    finishSwitch();
                }
            }
            case WAKING -> {
                state = IDLE;
                idleSinceNs = cpu.now();
            }
            case RUNNING -> {
                Task t = curr;
                t.step();
                afterStep(t);
            }
            default -> throw new IllegalStateException(cpu + ": completion while idle");
        }
    }

    /**
     * The CPU goes idle (do_idle → cpuidle_select): its governor chooses a state from the time to the next timer
     * (tick_nohz_get_sleep_length) and its idle history; once per idle period.
     */
    void enterIdle(org.rtvsim.hw.CStates cstates) {
        long now = cpu.now();
        long next = cpu.timers.nextExpiryNs(true);
        long nextAny = cpu.timers.nextExpiryNs(false);
        long sleep = next < 0 ? org.rtvsim.hw.IdleGovernor.NO_TIMER_NS : Math.max(0, next - now);
        long delta = nextAny < 0 ? sleep : Math.max(0, nextAny - now);
        governor(cstates).enter(sleep, delta, cpu.nohzFullCpu(), cpu.kernel.tickPeriodNs());
    }

    /** An interrupt arrives at an idle CPU: leave the idle state, paying its exit time; false if none. */
    boolean beginIdleExit(org.rtvsim.hw.CStates cstates) {
        org.rtvsim.hw.IdleGovernor g = governor(cstates);
        int cs = g.exit(cpu.now() - idleSinceNs);
        long exitNs = g.exitNs();
        if (exitNs <= 0) {
            return false;
        }
        state = WAKING;
        wakeSeg.setIrq(exitNs, true, cstates.blame(cs));
        return true;
    }

    private org.rtvsim.hw.IdleGovernor governor(org.rtvsim.hw.CStates cstates) {
        if (idleGovernor == null) {
            idleGovernor = cstates.governor();
        }
        return idleGovernor;
    }

    /** The task currently on this CPU (switching in counts), or null when idle. */
    public Task current() {
        return state == SWITCHING ? switchTo : (state == RUNNING ? curr : null);
    }


    /** Number of tasks on this CPU that want to run (the current one included). */
    int nrRunning() {
        return cpu.rq.size() + (current() != null ? 1 : 0);
    }


    /** The task running now (not while switching), or null. */
    Task runningTask() {
        return state == RUNNING ? curr : null;
    }


    /** Sets need_resched and lets the dispatcher act on it (slice expiry, throttling). */
    void requestResched() {
        needResched = true;
        cpu.dispatch();
    }


    /** Wakes {@code t} (which lives on this CPU) from this CPU's own context: a timer or IPI handler. */
    void wake(Task t) {
        t.wakingOn = null;
        if (t.migrating) { // a runnable task moved here by a balancer (attach_task): no wake-up
            t.migrating = false;
            activate(t, false);
            return;
        }
        if (t.state == TaskState.RUNNABLE || t.state == TaskState.RUNNING) {
            return;
        }
        if (t.blockedOn != null) {
            throw new IllegalStateException(t + " woken while it waits for lock " + t.blockedOn);
        }
        t.state = TaskState.RUNNABLE;
        t.waitStarted(cpu.now());
        t.woken();
        if (t.dl != null) {
            cpu.bandwidth.deadlineWakeUp(t);
        }
        activate(t, true);
    }

    /**
     * Puts runnable {@code t} on this CPU's queue and sets need_resched where it preempts (ttwu_do_activate, or
     * attach_task for a task moved here); {@code woken}: a wake-up (traced as one).
     */
    void activate(Task t, boolean woken) {
        if (t.cpu != cpu) {
            throw new IllegalStateException(t + " activated on " + cpu + " but lives on " + t.cpu);
        }
        cpu.rq.enqueue(t, false);
        if (woken && cpu.tracing.on()) {
            cpu.tracing.instant(TraceSink.Instant.WAKEUP, t, null);
            cpu.tracing.state(t, TraceSink.TaskState.RUNNABLE, null);
        }
        if (t.priority < 0) {
            cpu.bandwidth.fairEnqueued();
        }
        Task c = current();
        if (t.priority >= Task.DL_PRIO && c != null && (c.priority >= Task.DL_PRIO
                || t.priority >= 0 && cpu.bandwidth.servedByFairServer(c))) {
            deadlinePreempt(t.dl, c); // EDF between deadline entities (the fair server's among them)
        } else if (!(t.priority >= 0 && cpu.bandwidth.servedByFairServer(c))) {
            boolean fairPreempts = t.priority < 0 && c != null && c.priority < 0 && cpu.rq.fair.wakeupPreempt(t, c);
            switch (cpu.rules.onWakeup(t, c, cpu.bandwidth.rtThrottled(), fairPreempts)) {
                case NOW -> needResched = true;
                case LAZY -> needReschedLazy = true;
                default -> {
                }
            }
        }
        if (needResched) {
            cpu.dispatch();
        } else if (t.mask != null && t.dl != null) {
            cpu.kernel.placement.dl.taskWoken(cpu, t); // task_woken_dl: push it elsewhere
        } else if (t.mask != null && t.priority >= 0) {
            cpu.kernel.placement.rt.wokenNotPreempting(cpu, t); // task_woken_rt: push it elsewhere
        }
        cpu.taskWoken(t);
    }


    /** A task pulled here by this CPU's own schedule() (newidle balance, RT pull): queued, picked next. */
    void attachLocal(Task t) {
        cpu.rq.enqueue(t, false);
        if (t.priority < 0) {
            cpu.bandwidth.fairEnqueued();
        }
    }


    void tickFired() {
        if (needReschedLazy) {
            needReschedLazy = false;
            needResched = true;
        }
    }


    /**
     * {@code t}'s effective priority changed from {@code oldPriority} (a boost or de-boost): requeue it
     * (a de-boosted task keeps its place at the head of its new list) and reschedule where the order
     * of the current task and the queue changed.
     */
    void priorityChanged(Task t, int oldPriority) {
        if (cpu.tracing.wantsNow()) {
            cpu.tracing.instant(TraceSink.Instant.PRIORITY, t, oldPriority + " -> " + t.priority);
            if (current() == t && state == RUNNING) {
                cpu.tracing.running(t);
            }
        }
        if (t.queued) {
            cpu.rq.remove(t);
            cpu.rq.enqueue(t, t.priority < oldPriority);
            if (t.priority < 0) {
                cpu.bandwidth.fairServerStart();
            }
        }
        Task c = current();
        if (c == t && (oldPriority < 0) != (t.priority < 0)) { // the running task changes class
            if (t.priority >= 0) {
                cpu.rq.fair.dequeue(t);
            } else {
                cpu.rq.fair.attachRunning(t);
                cpu.bandwidth.fairSliceChanged();
                cpu.bandwidth.fairServerStart(); // a fair task again: its CPU's fair server must watch it
            }
        }
        if (c == null) {
            needResched |= t.queued;
        } else if (c == t) {
            needResched |= cpu.rq.highestRtPriority() > t.priority;
        } else if (t.queued && t.priority > c.priority) {
            needResched = true;
        }
        if (needResched) {
            cpu.dispatch();
        }
    }


    /** Whether a SCHED_OTHER task is waiting for this CPU. */
    boolean fairRunnable() {
        return cpu.rq.otherCount() > 0;
    }


    /**
     * check_preempt_curr_dl: a deadline entity {@code e} became runnable (a woken or replenished task, or the fair
     * server at its zero-laxity point); it preempts the current task unless that runs at deadline priority with
     * an earlier or equal deadline (dl_entity_preempt).
     */
    void deadlineArrived(DlEntity e) {
        Task c = current();
        if (c == null || c.priority < Task.DL_PRIO && !cpu.bandwidth.servedByFairServer(c)) {
            requestResched();
        } else if (deadlinePreempt(e, c)) {
            cpu.dispatch();
        }
    }

    /** Sets need_resched when {@code e}'s deadline is earlier than that of what runs now ({@code c}). */
    private boolean deadlinePreempt(DlEntity e, Task c) {
        DlEntity running = c.dl != null ? c.dl
                : cpu.bandwidth.servedByFairServer(c) ? cpu.bandwidth.fairServer().se : null;
        if (running != null && e != running && e.preempts(running)) { // (a boosted non-deadline holder: no EDF)
            needResched = true;
            return true;
        }
        return false;
    }

    void rtThrottled() {
        Task c = current();
        if (c != null && c.priority >= 0 && c.priority < Task.DL_PRIO) {
            needResched = true;
            cpu.dispatch();
        }
    }


    void rtUnthrottled() {
        Task c = current();
        if (cpu.rq.highestRtPriority() > (c == null ? -1 : c.priority)) {
            needResched = true;
            cpu.dispatch();
        }
    }


    void afterStep(Task t) {
        if (t.state != TaskState.RUNNING) {
            schedule();
            return;
        }
        if (!t.seg.live) {
            throw new IllegalStateException(t + " was given no work by its behaviour");
        }
        // spin_lock() disables preemption before it takes the lock: no preemption point while one is held
        atBoundary = cpu.rules.boundaryIsPoint(t.seg.kind) && !t.holdsSpinningLock();
    }


    /**
     * pick_next_task, class by class as kernel/sched/core.c orders them (stop &gt; deadline &gt; rt &gt; fair &gt; idle;
     * the stopper runs as an irqs-off frame here): the earliest-deadline entity, else the highest RT task, else
     * the fair queue's EEVDF pick ({@code prev}: the fair task descheduled).
     */
    Task pick(Task prev) {
        if (cpu.rq.otherCount() == 0) { // (a still-runnable previous task is queued again by now)
            cpu.bandwidth.fairGone();
        }
        Task dl = cpu.bandwidth.pickDeadline(prev);
        if (dl != null) {
            return dl;
        }
        Task rt = cpu.bandwidth.rtThrottled() ? null : cpu.rq.peekRt();
        return rt != null ? rt : cpu.rq.fair.pick(prev, true);
    }


    void schedule() {
        needResched = false;
        needReschedLazy = false;
        atBoundary = false;
        Task prev = state == RUNNING ? curr : null;
        if (prev != null) {
            cpu.bandwidth.stopped(prev);
            if (cpu.kernel.cache != null) {
                cpu.kernel.cache.ran(cpu.kernel.cacheCpuOf(cpu.id), prev, runSinceNs, cpu.now());
            }
            if (prev.seg.guest) {
                prev.guestExited = true; // preempted out of guest mode: it re-enters when it runs again
            }
            if (prev.state == TaskState.RUNNING) {
                prev.state = TaskState.RUNNABLE;
                prev.waitStarted(cpu.now());
                if (cpu.tracing.on()) {
                    cpu.tracing.state(prev, TraceSink.TaskState.RUNNABLE, null);
                }
                boolean head = prev.priority >= 0 && !prev.requeueTail;
                prev.requeueTail = false;
                cpu.rq.enqueue(prev, head);
            } else if (prev.fairOnRq) {
                cpu.rq.fair.dequeue(prev); // it sleeps or blocks: it leaves the queue with its lag
            }
        }
        Placement placement = cpu.kernel.placement;
        if (placement != null && prev != null && !prev.queued && prev.dl != null && prev.priority >= Task.DL_PRIO) {
            placement.dl.pull(cpu); // balance_dl: the deadline task left this CPU (need_pull_dl_task)
        }
        if (placement != null && prev != null && !prev.queued && prev.priority >= 0
                && cpu.rq.highestRtPriority() < prev.priority) {
            placement.rt.pull(cpu); // balance_rt: this CPU lowers its priority (need_pull_rt_task)
        }
        Task next = pick(prev != null && prev.fairOnRq && prev.queued ? prev : null);
        if (next == null && placement != null && placement.balancer.newidle(cpu)) {
            next = pick(null); // sched_balance_newidle pulled a fair task
        }
        if (next == null) {
            curr = null;
            state = IDLE;
            idleSinceNs = cpu.now();
            return;
        }
        if (next.priority < 0) {
            cpu.rq.fair.setNext(next, next != prev);
        } else {
            cpu.rq.remove(next);
        }
        next.state = TaskState.RUNNING;
        next.waitEnded(cpu.now());
        if (next == prev) {
            curr = next;
            runSinceNs = cpu.now();
            if (cpu.tracing.on()) {
                cpu.tracing.running(next);
            }
            cpu.bandwidth.started(next);
            if (placement != null && next.dl != null) {
                placement.dl.pushQueued(cpu); // set_next_task_dl → push_dl_tasks
            }
            return;
        }
        org.rtvsim.hw.Cache cache = cpu.kernel.cache;
        refillNs = cache == null ? 0 : cache.refillNs(cpu.kernel.cacheCpuOf(cpu.id), next, next.lastRanNs, cpu.now());
        refillBlame = cache == null ? 0 : cache.blame();
        if (next.migrated) { // first run after a move: the cache model sees its L2 cold; without one, a fixed refill
            next.migrated = false;
            if (cache == null) {
                refillNs = cpu.kernel.migrationRefillNs();
                refillBlame = placement.blameMigration;
            }
        }
        curr = null;
        switchTo = next;
        state = SWITCHING;
        switchSeg.setIrq(cpu.costs.contextSwitch().sampleNs(), true, cpu.kernel.blameSwitch);
        if (placement != null && next.priority >= 0) {
            placement.rt.pushQueued(cpu, next); // set_next_task_rt → push_rt_tasks: a preempted RT task may move
        }
        if (placement != null && next.dl != null) {
            placement.dl.pushQueued(cpu); // set_next_task_dl → push_dl_tasks: a preempted deadline task may move
        }
    }


    void finishSwitch() {
        Task t = switchTo;
        switchTo = null;
        curr = t;
        state = RUNNING;
        runSinceNs = cpu.now();
        if (cpu.tracing.on()) {
            cpu.tracing.running(t);
        }
        cpu.bandwidth.started(t);
        if (t.seg.live) {
            atBoundary = true;
        } else {
            t.step();
            afterStep(t);
        }
    }

}
