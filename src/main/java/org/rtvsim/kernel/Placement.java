package org.rtvsim.kernel;

import org.rtvsim.engine.CpuSet;

/**
 * Where a waking task runs (select_task_rq, Linux 6.6+ kernel/sched/fair.c and rt.c), the sched domain it is
 * balanced in, and the CPU move itself (set_task_cpu). Made by the kernel when its first task with a
 * multi-CPU mask is created; pinned tasks never come here, so scenarios without masks run as before.
 *
 * <p>Topology: one sched domain, the LLC, over the kernel's CPUs outside {@code isolcpus} (an isolated CPU
 * belongs to no domain: nothing is balanced to or from it, and its idle-sibling search stops at the target).
 * RT and deadline push/pull work within a root domain: the housekeeping CPUs, or the isolated ones
 * (def_root_domain); a CPU holding a pinned deadline task is a root domain of its own ({@link DlPushPull}).
 * Scans run in ascending CPU order from a start CPU, wrapping (for_each_cpu_wrap): no hash order.
 */
final class Placement {
    private final Kernel kernel;
    private final boolean[] inDomain;
    /** sd->span_weight of the one domain: its balance interval in ms. */
    final int domainWeight;
    final LoadBalancer balancer;
    final RtPushPull rt;
    final DlPushPull dl;
    final int blameMigration;

    Placement(Kernel kernel) {
        this.kernel = kernel;
        int n = kernel.cpuCount();
        this.inDomain = new boolean[n];
        CpuSet iso = kernel.spec().isolcpus();
        int w = 0;
        for (int i = 0; i < n; i++) {
            inDomain[i] = !iso.contains(i) || iso.size() >= n; // isolating every CPU leaves them all (housekeeping())
            w += inDomain[i] ? 1 : 0;
        }
        this.domainWeight = w;
        this.blameMigration = kernel.blames().id("migration: cache refill");
        this.balancer = new LoadBalancer(kernel, this);
        this.rt = new RtPushPull(kernel, this);
        this.dl = new DlPushPull(kernel, this);
    }

    /** Whether CPU {@code c} is in the sched domain (not isolated). */
    boolean inDomain(Cpu c) {
        return inDomain[c.id];
    }

    /** Whether {@code a} and {@code b} share a root domain (both isolated or both not). */
    boolean sameRootDomain(Cpu a, Cpu b) {
        return inDomain[a.id] == inDomain[b.id];
    }

    /** available_idle_cpu / idle_cpu: no task running or switching in, none queued, no wake-up pending. */
    static boolean idle(Cpu c) {
        int s = c.sched.state;
        return (s == CpuScheduler.IDLE || s == CpuScheduler.WAKING) && c.rq.size() == 0 && !c.wakeupsQueued();
    }

    /** sched_idle_cpu: it runs only SCHED_IDLE tasks (and has some). */
    static boolean schedIdle(Cpu c) {
        Task cur = c.sched.current();
        int n = c.sched.nrRunning();
        int idleTasks = c.rq.fair.idleQueued() + (cur != null && cur.policy == org.rtvsim.scenario.SchedPolicy.IDLE
                && cur.priority < 0 ? 1 : 0);
        return n > 0 && n == idleTasks;
    }

    private static boolean idleForWakee(Cpu c) {
        return idle(c) || schedIdle(c);
    }

    // ---------------------------------------------------------------- try_to_wake_up

    /**
     * try_to_wake_up of a task that may migrate, from CPU {@code waker} (null: a device or unknown context):
     * select_task_rq, set_task_cpu, then a local activation or the target's wake list and reschedule IPI.
     */
    void wake(Task t, Cpu waker) {
        if (t.state == TaskState.RUNNABLE || t.state == TaskState.RUNNING || t.wakingOn != null
                || t.blockedOn != null) {
            if (t.blockedOn != null) {
                t.cpu.sched.wake(t); // refuses it as a pinned task's wake-up would
            }
            return;
        }
        Cpu target = t.dl != null ? dl.selectRq(t, waker) : t.priority >= 0 ? rt.selectRq(t) : selectFair(t, waker);
        if (target != t.cpu) {
            setCpu(t, target);
        }
        if (target == waker) {
            target.sched.wake(t);
        } else {
            t.wakingOn = target;
            target.wakeFromRemote(t);
        }
    }

    /** set_task_cpu: {@code t} (blocked, or detached from its queue) now belongs to {@code dst}. */
    void setCpu(Task t, Cpu dst) {
        Cpu src = t.cpu;
        if (t.dl != null && kernel.grub != null) {
            kernel.grub.moved(t, src, dst, t.state == TaskState.RUNNABLE);
        }
        t.cpu = dst;
        t.migrated = true;
        t.migrations++;
        if (t.jobWindow != null && t.jobWindow.attachedTo == src) { // its response time is now dst's time
            dst.meter.moveHere(t.jobWindow, dst);
        }
    }

    // ---------------------------------------------------------------- select_task_rq_fair

    /**
     * select_task_rq_fair for a wake-up (WF_TTWU): wake_affine between the waker's CPU and the previous one
     * when both are in the domain and the waker's is allowed, then select_idle_sibling.
     */
    Cpu selectFair(Task p, Cpu waker) {
        Cpu prev = p.cpu;
        Cpu target = prev;
        if (waker != null && waker != prev && p.allowed(waker.id) && inDomain(waker) && inDomain(prev)) {
            target = wakeAffine(p, waker, prev);
        }
        return selectIdleSibling(p, prev, target);
    }

    /** wake_affine: WA_IDLE, then WA_WEIGHT (no sync wake-ups in the model); the previous CPU unless it picks this one. */
    Cpu wakeAffine(Task p, Cpu thisCpu, Cpu prev) {
        Cpu target = wakeAffineIdle(thisCpu, prev);
        if (target == null) {
            target = wakeAffineWeight(p, thisCpu, prev);
        }
        return target == thisCpu ? thisCpu : prev;
    }

    /** wake_affine_idle (sync false): an idle waker CPU sharing the LLC, unless the previous one idles too. */
    private static Cpu wakeAffineIdle(Cpu thisCpu, Cpu prev) {
        if (idle(thisCpu)) { // (both in the one LLC domain: cpus_share_cache)
            return idle(prev) ? prev : thisCpu;
        }
        return idle(prev) ? prev : null;
    }

    /**
     * wake_affine_weight with WA_BIAS: this CPU if its load with the task, ×100, is below the previous one's
     * load without it, ×(100 + (imbalance_pct − 100)/2); loads are the run queues' fair weights now (no PELT).
     */
    private Cpu wakeAffineWeight(Task p, Cpu thisCpu, Cpu prev) {
        long thisLoad = (fairLoad(thisCpu) + p.weight) * 100;
        long prevLoad = fairLoad(prev) * (100 + (LoadBalancer.IMBALANCE_PCT - 100) / 2);
        return thisLoad < prevLoad ? thisCpu : null;
    }

    /** cpu_load: the weights of the fair tasks running or queued on {@code c} (instantaneous, not PELT). */
    static long fairLoad(Cpu c) {
        long w = 0;
        for (Task t = c.rq.fair.first(); t != null; t = t.rqNext) {
            w += t.weight;
        }
        Task cur = c.rq.fair.curr;
        return w + (cur != null && cur.cpu == c ? cur.weight : 0);
    }

    /**
     * select_idle_sibling: the target if idle, the previous CPU if idle, the task's recently used CPU if idle
     * and allowed, else the first idle allowed CPU of the domain scanning from target + 1 (select_idle_cpu,
     * without the SIS_UTIL scan limit and the SMT idle-core search); else the target.
     */
    Cpu selectIdleSibling(Task p, Cpu prev, Cpu target) {
        if (idleForWakee(target)) {
            return target;
        }
        if (prev != target && inDomain(prev) && inDomain(target) && idleForWakee(prev)) {
            return prev;
        }
        int recent = p.recentUsedCpu;
        p.recentUsedCpu = prev.id;
        if (recent >= 0 && recent != prev.id && recent != target.id && p.allowed(recent)) {
            Cpu r = kernel.cpu(recent);
            if (inDomain(r) && inDomain(target) && idleForWakee(r)) {
                return r;
            }
        }
        if (!inDomain(target)) { // no sd_llc
            return target;
        }
        int n = kernel.cpuCount();
        for (int k = 1; k < n; k++) {
            Cpu c = kernel.cpu((target.id + k) % n);
            if (inDomain(c) && p.allowed(c.id) && idleForWakee(c)) {
                return c;
            }
        }
        return target;
    }
}
