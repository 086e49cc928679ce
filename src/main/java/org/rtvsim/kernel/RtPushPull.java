package org.rtvsim.kernel;

/**
 * RT push/pull between the CPUs of a root domain (Linux 6.6+ kernel/sched/rt.c, cpupri.c), for RT tasks whose
 * mask has more than one CPU: wake-up placement (select_task_rq_rt), pushing a queued RT task that cannot run
 * here to the lowest-priority CPU of its mask (push_rt_task, find_lowest_rq via cpupri_find), and pulling
 * when a CPU lowers its priority (pull_rt_task).
 *
 * <p>A CPU's cpupri level is the highest RT priority running or queued on it, 0 (CPUPRI_NORMAL) when none:
 * idle CPUs and CPUs running fair tasks are one level (6.x cpupri.h). Of the lowest-level CPUs the task's own
 * comes first, then the first in ascending order (cpumask_any_and_distribute rotates instead). A pushed task
 * reaches its CPU by a reschedule IPI through that CPU's wake list; a pull is done by the pulling CPU inside
 * its schedule() without the RT_PUSH_IPI hop.
 */
final class RtPushPull {
    private final Kernel kernel;
    private final Placement placement;

    RtPushPull(Kernel kernel, Placement placement) {
        this.kernel = kernel;
        this.placement = placement;
    }

    /** cpupri of {@code c}: the highest RT priority running or queued there, 0 when none. */
    static int cpuPrio(Cpu c) {
        Task cur = c.sched.current();
        int p = c.rq.highestRtPriority();
        if (cur != null && cur.priority > p) {
            p = cur.priority;
        }
        return Math.max(0, p);
    }

    /**
     * select_task_rq_rt: if the previous CPU runs an RT task that cannot move or has at least the woken task's
     * priority, the lowest-priority CPU of the mask, when that is below the woken task; else the previous CPU.
     */
    Cpu selectRq(Task p) {
        Cpu cpu = p.cpu;
        Task curr = cpu.sched.current();
        if (curr != null && curr.priority >= 0 && (curr.mask == null || curr.priority >= p.priority)) {
            Cpu target = findLowest(p);
            if (target != null && p.priority > cpuPrio(target)) {
                return target;
            }
        }
        return cpu;
    }

    /**
     * find_lowest_rq: the CPUs of the task's mask and root domain at the lowest cpupri level below the task's
     * priority (cpupri_find); of those its own CPU, else the first; null when none is lower.
     */
    Cpu findLowest(Task p) {
        if (p.mask == null) {
            return null;
        }
        int best = Integer.MAX_VALUE;
        for (int id : p.mask) {
            Cpu c = kernel.cpu(id);
            if (placement.sameRootDomain(c, p.cpu)) {
                best = Math.min(best, cpuPrio(c));
            }
        }
        if (best >= p.priority) {
            return null;
        }
        if (cpuPrio(p.cpu) == best) {
            return p.cpu;
        }
        for (int id : p.mask) {
            Cpu c = kernel.cpu(id);
            if (placement.sameRootDomain(c, p.cpu) && cpuPrio(c) == best) {
                return c;
            }
        }
        return null;
    }

    /**
     * task_woken_rt: {@code t} was queued on {@code cpu} without preempting an RT task that cannot move or has
     * at least its priority: push the queued RT tasks away.
     */
    void wokenNotPreempting(Cpu cpu, Task t) {
        Task curr = cpu.sched.current();
        if (curr != null && curr.priority >= 0 && (curr.mask == null || curr.priority >= t.priority)) {
            pushTasks(cpu);
        }
    }

    /** set_next_task_rt → rt_queue_push_tasks: {@code next}, an RT task, was picked on {@code cpu}. */
    void pushQueued(Cpu cpu, Task next) {
        if (cpu.rq.highestPushable(-1) != null) {
            pushTasks(cpu);
        }
    }

    /** push_rt_tasks: push_rt_task until it moves nothing. */
    private void pushTasks(Cpu cpu) {
        for (int guard = 0; guard < kernel.cpuCount() * 100 && pushTask(cpu); guard++) {
            // each push moves one task off this CPU's queue
        }
    }

    /**
     * push_rt_task: the highest pushable queued task moves to the lowest-priority CPU of its mask if that CPU's
     * level is below it; if it outranks the running task instead, the CPU reschedules.
     */
    private boolean pushTask(Cpu cpu) {
        Task next = cpu.rq.highestPushable(-1);
        if (next == null) {
            return false;
        }
        Task curr = cpu.sched.current();
        if (curr != null && next.priority > curr.priority) {
            cpu.sched.needResched = true;
            cpu.dispatch();
            return false;
        }
        Cpu lowest = findLowest(next);
        if (lowest == null || lowest == cpu || cpuPrio(lowest) >= next.priority) {
            return false;
        }
        cpu.rq.remove(next); // move_queued_task_locked: deactivate, set_task_cpu, activate; resched_curr(lowest)
        placement.setCpu(next, lowest);
        lowest.queueMigrated(next, true);
        return true;
    }

    /**
     * pull_rt_task: {@code cpu} lowered its priority; from every other CPU of its root domain, in ascending order (rto_mask),
     * takes the highest queued RT task allowed here that outranks this CPU's highest and does not outrank the
     * task running on its own CPU (that one would run there at once).
     */
    void pull(Cpu cpu) {
        int n = kernel.cpuCount();
        for (int i = 0; i < n; i++) {
            Cpu src = kernel.cpu(i);
            if (src == cpu || !placement.sameRootDomain(src, cpu)) {
                continue;
            }
            Task p = src.rq.highestPushable(cpu.id);
            if (p == null || p.priority <= cpu.rq.highestRtPriority()) {
                continue;
            }
            Task srcCurr = src.sched.current();
            if (srcCurr == null || p.priority > srcCurr.priority) {
                continue;
            }
            src.rq.remove(p);
            placement.setCpu(p, cpu);
            cpu.sched.attachLocal(p);
        }
    }
}
