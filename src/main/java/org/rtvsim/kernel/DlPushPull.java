package org.rtvsim.kernel;

/**
 * Global EDF of SCHED_DEADLINE tasks whose mask has more than one CPU, as kernel/sched/deadline.c implements it:
 * not one global queue but per-CPU EDF queues kept consistent by push and pull (sched-deadline.rst §5). Wake-up
 * placement (select_task_rq_dl), pushing a queued task that cannot run here to a CPU where it would
 * (push_dl_task, find_later_rq over cpudl), and pulling the earliest-deadline pushable task when a CPU's deadline
 * task leaves (pull_dl_task from balance_dl). Times in ns.
 *
 * <p>cpudl (kernel/sched/cpudeadline.c) is read directly: a CPU's key is the earliest deadline of the deadline
 * entities running or queued on it (rq-&gt;dl.earliest_dl.curr; the fair server counts when queued or serving,
 * a throttled entity does not), and a CPU with none is free. The root domain is the CPUs of
 * {@link Placement#sameRootDomain} minus those that hold a pinned deadline task: the model expresses an
 * exclusive cpuset of one CPU (partitioned EDF) by pinning, and the scenario checks that a global task's mask
 * spans the rest ({@code scenario.DlAdmission}). With {@code rt_throttling: off} (dl_bandwidth_enabled() false)
 * the kernel checks no mask and there are no partitions: every CPU of the domain is shared.
 *
 * <p>A moved task reaches its CPU through the wake list (a reschedule IPI), as {@link RtPushPull}'s do; it counts
 * on the target at once (the kernel enqueues it under both run-queue locks). Of several candidate CPUs the task's
 * own comes first, then the CPU doing the search, then the lowest (find_later_rq's cpumask_first_and; newer
 * kernels rotate with cpumask_any_and_distribute); of CPUs with the same latest deadline the lowest is cpudl's
 * maximum (the heap's order in the kernel).
 */
final class DlPushPull {
    private final Kernel kernel;
    private final Placement placement;
    /** CPUs that hold a pinned deadline task: each its own root domain. Found at first use (tasks exist by then). */
    private boolean[] partition;

    DlPushPull(Kernel kernel, Placement placement) {
        this.kernel = kernel;
        this.placement = placement;
    }

    private boolean partitioned(Cpu c) {
        if (partition == null) {
            partition = new boolean[kernel.cpuCount()];
            if (kernel.spec().rtThrottling() != null) { // dl_bandwidth_enabled: pinning needs an exclusive cpuset
                for (Task t : kernel.tasks()) {
                    if (t.dl != null && t.mask == null) {
                        partition[t.cpu.id] = true;
                    }
                }
            }
        }
        return partition[c.id];
    }

    /** Whether {@code c} is in the deadline root domain of {@code home}. */
    boolean sameRootDomain(Cpu c, Cpu home) {
        return placement.sameRootDomain(c, home) && !partitioned(c) && !partitioned(home);
    }

    /** The deadline task running on {@code c} (dl_task(rq-&gt;curr)), not throttled; null when none. */
    static Task runningDl(Cpu c) {
        Task cur = c.sched.current();
        return cur != null && cur.dl != null && cur.priority >= Task.DL_PRIO && cur.state == TaskState.RUNNING
                && !cur.dl.throttled ? cur : null;
    }

    /** rq-&gt;dl.earliest_dl.curr of {@code c}: the earliest deadline running, queued or arriving; -1 when free. */
    static long earliest(Cpu c) {
        long d = -1;
        Task cur = c.sched.current();
        DlEntity run = runningDl(c) != null ? cur.dl
                : c.bandwidth.servedByFairServer(cur) ? c.bandwidth.fairServer().se : null;
        if (run != null) {
            d = run.deadlineNs;
        }
        DlEntity q = c.rq.dl.peek();
        if (q != null && (d < 0 || q.deadlineNs < d)) {
            d = q.deadlineNs;
        }
        long m = c.wakeList().earliestMigratingDeadline();
        return m >= 0 && (d < 0 || m < d) ? m : d;
    }

    /** dl_nr_running of {@code c} (the running entity, the queued ones, those arriving). */
    private static int dlRunning(Cpu c) {
        Task cur = c.sched.current();
        int running = runningDl(c) != null || c.bandwidth.servedByFairServer(cur) ? 1 : 0;
        return running + c.rq.dl.size() + c.wakeList().migratingDeadlineTasks();
    }

    /** dl_rq-&gt;overloaded: more than one deadline entity, and a pushable one queued. */
    private static boolean overloaded(Cpu c) {
        return dlRunning(c) > 1 && c.rq.dl.earliestPushable(-1) != null;
    }

    /**
     * select_task_rq_dl: if the previous CPU runs a deadline task that cannot move or whose deadline the woken
     * one does not beat, find_later_rq's CPU when the woken task would be the earliest there; else the previous
     * CPU. The woken task's deadline is still its last one (the CBS wake-up rule runs at the enqueue).
     */
    Cpu selectRq(Task p, Cpu waker) {
        Cpu cpu = p.cpu;
        Task curr = runningDl(cpu);
        if (curr != null && (curr.mask == null || !p.dl.preempts(curr.dl))) {
            Cpu target = findLater(p, waker);
            if (target != null && earliestThere(p, target)) {
                return target;
            }
        }
        return cpu;
    }

    /** dl_task_is_earliest_deadline: {@code c} has no deadline entity, or {@code p}'s deadline is before all. */
    private static boolean earliestThere(Task p, Cpu c) {
        long e = earliest(c);
        return e < 0 || p.dl.deadlineNs < e;
    }

    /**
     * find_later_rq via cpudl_find: the free CPUs of the task's mask and root domain, else cpudl's maximum (the
     * CPU of the root domain with the latest earliest deadline) if it is in the mask and later than the task's
     * deadline; of those the task's CPU, else {@code thisCpu} (the CPU searching; may be null), else the first.
     */
    Cpu findLater(Task p, Cpu thisCpu) {
        if (p.mask == null) {
            return null;
        }
        Cpu home = p.cpu;
        Cpu first = null;
        boolean ownFree = false;
        boolean thisFree = false;
        for (int id : p.mask) {
            Cpu c = kernel.cpu(id);
            if (sameRootDomain(c, home) && earliest(c) < 0) {
                first = first == null ? c : first;
                ownFree |= c == home;
                thisFree |= c == thisCpu;
            }
        }
        if (first != null) {
            return ownFree ? home : thisFree ? thisCpu : first;
        }
        Cpu best = null;
        long bestDl = -1;
        for (int i = 0; i < kernel.cpuCount(); i++) { // cpudl_maximum over the root domain
            Cpu c = kernel.cpu(i);
            long e = sameRootDomain(c, home) ? earliest(c) : -1;
            if (e > bestDl) {
                bestDl = e;
                best = c;
            }
        }
        return best != null && p.allowed(best.id) && p.dl.deadlineNs < bestDl ? best : null;
    }

    /**
     * task_woken_dl: {@code p} was queued on {@code cpu} without a reschedule, beside a deadline task that cannot
     * move or that it does not preempt: push the queued tasks away.
     */
    void taskWoken(Cpu cpu, Task p) {
        Task curr = runningDl(cpu);
        if (p.mask != null && curr != null && (curr.mask == null || !p.dl.preempts(curr.dl))) {
            pushTasks(cpu);
        }
    }

    /** set_next_task_dl → deadline_queue_push_tasks: a deadline task was picked on {@code cpu}. */
    void pushQueued(Cpu cpu) {
        if (cpu.rq.dl.earliestPushable(-1) != null) {
            pushTasks(cpu);
        }
    }

    /** dl_task_timer: a replenished task was queued again on {@code cpu}; push_dl_task once if any is pushable. */
    void replenished(Cpu cpu) {
        if (cpu.rq.dl.earliestPushable(-1) != null) {
            pushTask(cpu);
        }
    }

    /** push_dl_tasks: push_dl_task until it moves nothing. */
    private void pushTasks(Cpu cpu) {
        for (int guard = 0; guard < kernel.cpuCount() * 100 && pushTask(cpu); guard++) {
            // each push moves one task off this CPU's queue
        }
    }

    /**
     * push_dl_task: the earliest pushable queued task moves to find_later_rq's CPU if it has no deadline entity or
     * only later ones (find_lock_later_rq); if it beats the running deadline task and that one can move, this
     * CPU reschedules instead (the running one becomes pushable).
     */
    private boolean pushTask(Cpu cpu) {
        if (!overloaded(cpu)) {
            return false;
        }
        Task next = cpu.rq.dl.earliestPushable(-1);
        Task curr = runningDl(cpu);
        if (curr != null && next.dl.preempts(curr.dl) && curr.mask != null) {
            cpu.sched.needResched = true;
            cpu.dispatch();
            return false;
        }
        Cpu later = findLater(next, cpu);
        if (later == null || later == cpu || !earliestThere(next, later)) {
            return false;
        }
        cpu.rq.remove(next); // deactivate_task, set_task_cpu, activate_task; resched_curr(later_rq)
        placement.setCpu(next, later);
        later.queueMigrated(next, true);
        return true;
    }

    /**
     * pull_dl_task: {@code cpu}'s deadline task left it; from every other overloaded CPU of its root domain, in
     * ascending order, takes the earliest pushable task allowed here whose deadline is earlier than this CPU's
     * earliest and than the last one pulled, unless it beats the task running on its own CPU (it runs there next).
     */
    void pull(Cpu cpu) {
        long dmin = Long.MAX_VALUE;
        for (int i = 0; i < kernel.cpuCount(); i++) {
            Cpu src = kernel.cpu(i);
            if (src == cpu || !sameRootDomain(src, cpu) || !overloaded(src)) {
                continue;
            }
            DlEntity mine = cpu.rq.dl.peek(); // the previous task has left: what is queued here
            Task srcNext = src.rq.dl.earliestPushable(-1);
            if (mine != null && mine.deadlineNs < srcNext.dl.deadlineNs) {
                continue;
            }
            Task p = src.rq.dl.earliestPushable(cpu.id);
            if (p == null || p.dl.deadlineNs >= dmin || mine != null && !p.dl.preempts(mine)) {
                continue;
            }
            Task srcCurr = runningDl(src);
            if (srcCurr != null && p.dl.preempts(srcCurr.dl)) {
                continue;
            }
            src.rq.remove(p);
            placement.setCpu(p, cpu);
            cpu.sched.attachLocal(p);
            dmin = p.dl.deadlineNs;
        }
    }
}
