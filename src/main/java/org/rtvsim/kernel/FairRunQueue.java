package org.rtvsim.kernel;

import org.rtvsim.scenario.SchedPolicy;

/**
 * One CPU's fair-class run queue under EEVDF (Linux 6.6+, kernel/sched/fair.c), without group scheduling:
 * the entities on it are the running fair task ({@link #curr}, the kernel's {@code cfs_rq->curr}) and the
 * queued ones, kept in a list in enqueue order (the kernel's deadline-ordered rbtree with equal keys in
 * insertion order; a linear scan replaces its augmented heap search, the run queues here are short).
 *
 * <p>Virtual times are in ns of a nice-0 task. The weighted average vruntime V ({@code avg_vruntime}) is
 * kept as the kernel does: {@code sumKeyW} = Σ wᵢ·(vᵢ − base) and {@code sumW} = Σ wᵢ over the queued
 * entities, the running one added when V is asked for, so eligibility (vᵢ ≤ V) is an exact integer test.
 */
final class FairRunQueue {
    /** nice −20..19 → load weight: the kernel's sched_prio_to_weight[] (kernel/sched/core.c). */
    static final int[] PRIO_TO_WEIGHT = {
        88761, 71755, 56483, 46273, 36291,
        29154, 23254, 18705, 14949, 11916,
        9548, 7620, 6100, 4904, 3906,
        3121, 2501, 1991, 1586, 1277,
        1024, 820, 655, 526, 423,
        335, 272, 215, 172, 137,
        110, 87, 70, 56, 45,
        36, 29, 23, 18, 15,
    };
    /** NICE_0_LOAD (scale_load_down of it: 1024). */
    static final long NICE_0_WEIGHT = 1024;
    /** WEIGHT_IDLEPRIO: the weight of a SCHED_IDLE task. */
    static final long IDLE_WEIGHT = 3;

    /** The load weight of a task of {@code policy} and {@code nice}. */
    static long weightOf(SchedPolicy policy, int nice) {
        return policy == SchedPolicy.IDLE ? IDLE_WEIGHT : PRIO_TO_WEIGHT[nice + 20];
    }

    private final Cpu cpu;
    /** The running fair entity (picked, switching in or running), or null. */
    Task curr;
    private Task head;
    private Task tail;
    private int queued;
    /** Σ wᵢ·(vᵢ − base) and Σ wᵢ over the queued entities (not curr): cfs_rq->avg_vruntime / avg_load. */
    private long sumKeyW;
    private long sumW;
    /** The zero of the keys (the kernel's min_vruntime / zero_vruntime); moved only to keep keys small. */
    private long base;

    FairRunQueue(Cpu cpu) {
        this.cpu = cpu;
    }

    /** The first queued fair task (then {@code rqNext}), for the load balancer's scan; null when none. */
    Task first() {
        return head;
    }

    /** Queued SCHED_IDLE tasks (the running one not counted): sched_idle_cpu. */
    int idleQueued() {
        return idleQueued;
    }

    private int idleQueued;

    /** Queued fair tasks, the running one not counted. */
    int queued() {
        return queued;
    }

    // ---------------------------------------------------------------- virtual time

    /** calc_delta_fair: {@code ns} of run time in the virtual time of weight {@code w}. */
    static long toVirtual(long ns, long w) {
        return w == NICE_0_WEIGHT ? ns : ns * NICE_0_WEIGHT / w;
    }

    /** The run time (ns, rounded up) after which a task of weight {@code w} has advanced {@code dv}. */
    static long toReal(long dv, long w) {
        return w == NICE_0_WEIGHT ? dv : Math.floorDiv(dv * w + NICE_0_WEIGHT - 1, NICE_0_WEIGHT);
    }

    /** avg_vruntime: V, the weighted average vruntime of the entities on the queue (curr included). */
    long avgVruntime() {
        long avg = sumKeyW;
        long load = sumW;
        if (curr != null) {
            avg += (curr.vruntime - base) * curr.weight;
            load += curr.weight;
        }
        return base + (load > 0 ? Math.floorDiv(avg, load) : 0);
    }

    /** entity_eligible / vruntime_eligible: vᵢ ≤ V, tested without division as the kernel does. */
    boolean eligible(Task t) {
        long avg = sumKeyW;
        long load = sumW;
        if (curr != null) {
            avg += (curr.vruntime - base) * curr.weight;
            load += curr.weight;
        }
        return avg >= (t.vruntime - base) * load;
    }

    /** lag of {@code t} in its own virtual time: V − vᵢ (positive: owed service). */
    long vlagNow(Task t) {
        return avgVruntime() - t.vruntime;
    }

    /** update_curr: charges the running fair task's run time since the last update to its vruntime. */
    void updateCurr() {
        Task c = curr;
        if (c == null) {
            return;
        }
        long now = cpu.now();
        long delta = now - c.execStartNs;
        if (delta <= 0) {
            return;
        }
        c.execStartNs = now;
        c.sumExecNs += delta;
        c.vruntime += toVirtual(delta, c.weight);
        long key = c.vruntime - base;
        if (key > (1L << 36) || key < -(1L << 36)) { // keep w·key far from overflow (update_zero_vruntime)
            rebase(c.vruntime);
        }
    }

    private void rebase(long newBase) {
        sumKeyW -= (newBase - base) * sumW;
        base = newBase;
    }

    /**
     * update_deadline: once the running task's vruntime reaches its deadline it gets a new slice and
     * deadline; returns true when that happened with another task queued (resched_curr).
     */
    boolean updateDeadline() {
        Task c = curr;
        if (c == null || c.vruntime < c.deadline) {
            return false;
        }
        c.sliceNs = cpu.kernel.sliceFor(c);
        c.deadline = c.vruntime + toVirtual(c.sliceNs, c.weight);
        return queued > 0;
    }

    /**
     * The slice check of update_curr at the running task's protection end or deadline: true when it must
     * be rescheduled (a new deadline, or its protected slice over, with another task queued).
     */
    boolean sliceCheck() {
        updateCurr();
        boolean resched = updateDeadline();
        return queued > 0 && (resched || !protectSlice(curr));
    }

    /**
     * Run time (ns) until the next slice check of the running task: its protection end (vprot ≤ deadline)
     * or deadline; when it runs unprotected with others queued, also the first moment the pick could change
     * — it stops being eligible, or a queued task with an earlier deadline becomes eligible (V grows by
     * 1024/W per ns while it runs, W the total weight). The kernel notices these at its next tick.
     */
    long nsToSliceCheck() {
        Task c = curr;
        if (protectSlice(c)) {
            return Math.max(1, toReal(Math.min(c.vprot, c.deadline) - c.vruntime, c.weight));
        }
        long ns = toReal(c.deadline - c.vruntime, c.weight);
        if (queued > 0) {
            long v = avgVruntime();
            double total = sumW + c.weight;
            double rate = (double) NICE_0_WEIGHT / c.weight - NICE_0_WEIGHT / total; // d(v_c − V)/dt
            ns = Math.min(ns, v < c.vruntime ? 0 : (long) Math.ceil((v - c.vruntime + 1) / rate));
            for (Task t = head; t != null; t = t.rqNext) {
                if (t.deadline < c.deadline && t.vruntime > v) {
                    ns = Math.min(ns, (long) Math.ceil((t.vruntime - v) * total / NICE_0_WEIGHT));
                }
            }
        }
        return Math.max(1, ns);
    }

    // ---------------------------------------------------------------- enqueue / dequeue

    /**
     * enqueue_entity: a task becomes runnable (wake-up, or back to the fair class) and is placed
     * (place_entity), or the running task is put back (put_prev_entity) keeping its vruntime.
     */
    void enqueue(Task t) {
        if (t.fairOnRq) { // put_prev_entity: it stays on the queue, now as a queued entity
            if (curr == t) {
                curr = null;
            }
        } else {
            updateCurr();
            place(t);
            t.fairOnRq = true;
        }
        link(t);
    }

    /**
     * place_entity with PLACE_LAG: vᵢ = V − vlagᵢ·(W + wᵢ)/W (W the load already queued, the scaling that
     * keeps the lag the task had once it has joined the average), deadline = vᵢ + slice/wᵢ.
     */
    private void place(Task t) {
        t.sliceNs = cpu.kernel.sliceFor(t);
        long v = avgVruntime();
        long lag = 0;
        long load = sumW + (curr != null ? curr.weight : 0);
        if (load > 0 && t.vlag != 0) {
            lag = t.vlag * (load + t.weight) / load; // div_s64 truncates toward zero
        }
        t.vruntime = v - lag;
        t.deadline = t.vruntime + toVirtual(t.sliceNs, t.weight);
    }

    /**
     * dequeue_entity of a task leaving the fair class's queue (sleep, block, class change):
     * update_entity_lag keeps vlag = V − vᵢ, clamped to ±(max(2·slice, TICK_NSEC)/wᵢ).
     */
    void dequeue(Task t) {
        if (!t.fairOnRq) {
            return;
        }
        if (t == curr) {
            updateCurr();
        }
        long limit = toVirtual(Math.max(2 * t.sliceNs, cpu.kernel.tickNs()), t.weight);
        t.vlag = Math.max(-limit, Math.min(limit, vlagNow(t)));
        if (t == curr) {
            curr = null;
        } else {
            unlink(t);
        }
        t.fairOnRq = false;
    }

    /**
     * set_next_entity: {@code t} leaves the list and becomes the running entity; {@code newPick} (a
     * different task from the one running before) sets its protected slice (set_protect_slice).
     */
    void setNext(Task t, boolean newPick) {
        unlink(t);
        curr = t;
        t.execStartNs = cpu.now();
        if (newPick) {
            long slice = Math.min(minSlice(), t.sliceNs);
            t.vprot = slice == t.sliceNs ? t.deadline
                    : Math.min(t.deadline, t.vruntime + toVirtual(slice, t.weight));
        }
    }

    /** A running task becomes fair (a de-boost): it is placed and runs on as the current entity. */
    void attachRunning(Task t) {
        updateCurr();
        place(t);
        t.fairOnRq = true;
        curr = t;
        t.execStartNs = cpu.now();
        t.vprot = t.deadline;
    }

    /** protect_slice (RUN_TO_PARITY): the current task's vruntime has not reached its vprot. */
    static boolean protectSlice(Task t) {
        return t.vruntime < t.vprot;
    }

    /** cfs_rq_min_slice: the shortest slice of the entities on the queue (curr included). */
    private long minSlice() {
        long m = curr != null ? curr.sliceNs : Long.MAX_VALUE;
        for (Task t = head; t != null; t = t.rqNext) {
            m = Math.min(m, t.sliceNs);
        }
        return m;
    }

    // ---------------------------------------------------------------- pick and wake-up preemption

    /**
     * __pick_eevdf: of the eligible entities the one with the earliest virtual deadline. {@code current}
     * (the running entity, or the one being descheduled, possibly back on the list) keeps the CPU while
     * its slice is protected ({@code protect}, RUN_TO_PARITY), and wins a tie on deadline.
     */
    Task pick(Task current, boolean protect) {
        int n = queued + (current != null && !current.queued ? 1 : 0);
        if (n == 0) {
            return null;
        }
        if (n == 1) {
            return current != null ? current : head;
        }
        if (current != null && !eligible(current)) {
            current = null;
        }
        if (current != null && protect && protectSlice(current)) {
            return current;
        }
        Task best = null;
        for (Task t = head; t != null; t = t.rqNext) {
            if (t != current && (best == null || t.deadline < best.deadline) && eligible(t)) {
                best = t;
            }
        }
        if (best == null || current != null && current.deadline < best.deadline) {
            best = current;
        }
        if (best == null) { // cannot happen: the entity of least vruntime is always eligible
            throw new IllegalStateException(cpu + ": no eligible fair task");
        }
        return best;
    }

    /**
     * wakeup_preempt_fair (check_preempt_wakeup_fair before 6.8): whether {@code woken}, just enqueued,
     * preempts the running fair task {@code running}.
     */
    boolean wakeupPreempt(Task woken, Task running) {
        if (running != curr) {
            return true;
        }
        boolean runningIdle = running.policy == SchedPolicy.IDLE;
        boolean wokenIdle = woken.policy == SchedPolicy.IDLE;
        if (runningIdle && !wokenIdle) { // a non-idle entity preempts an idle one, with no slice protection
            running.vprot = running.vruntime;
            return true;
        }
        if (runningIdle != wokenIdle || woken.policy != SchedPolicy.OTHER) { // BATCH and IDLE do not preempt
            return false;
        }
        updateCurr();
        boolean preemptShort = woken.sliceNs < running.sliceNs; // PREEMPT_SHORT
        if (pick(running, !preemptShort) == woken) {
            if (preemptShort) {
                running.vprot = running.vruntime; // cancel_protect_slice
            }
            return true;
        }
        if (preemptShort) { // update_protect_slice: protect no longer than the shortest slice queued
            running.vprot = Math.min(running.vprot, running.vruntime + toVirtual(minSlice(), running.weight));
            cpu.bandwidth.fairSliceChanged();
        }
        return false;
    }

    // ---------------------------------------------------------------- list

    private void link(Task t) {
        t.queued = true;
        t.rqPrev = tail;
        t.rqNext = null;
        if (tail == null) {
            head = t;
        } else {
            tail.rqNext = t;
        }
        tail = t;
        queued++;
        if (t.policy == SchedPolicy.IDLE) {
            idleQueued++;
        }
        sumKeyW += (t.vruntime - base) * t.weight;
        sumW += t.weight;
    }

    private void unlink(Task t) {
        if (!t.queued) {
            return;
        }
        t.queued = false;
        if (t.rqPrev != null) {
            t.rqPrev.rqNext = t.rqNext;
        } else {
            head = t.rqNext;
        }
        if (t.rqNext != null) {
            t.rqNext.rqPrev = t.rqPrev;
        } else {
            tail = t.rqPrev;
        }
        t.rqNext = t.rqPrev = null;
        queued--;
        if (t.policy == SchedPolicy.IDLE) {
            idleQueued--;
        }
        sumKeyW -= (t.vruntime - base) * t.weight;
        sumW -= t.weight;
        if (queued == 0 && curr == null) {
            sumKeyW = 0; // nothing left: restart the keys from V (no rounding residue carried)
        }
    }
}
