package org.rtvsim.kernel;

/**
 * The fair class's load balancing over the one sched domain (Linux 6.6+ kernel/sched/fair.c): the newidle
 * balance of a CPU about to idle (sched_balance_newidle / newidle_balance), the periodic balance of a busy
 * CPU on its tick (sched_balance_rq / load_balance via trigger_load_balance), and the NO_HZ idle balance a
 * busy CPU's tick kicks on an idle CPU (nohz_balancer_kick, kick_ilb, nohz_idle_balance), since idle CPUs
 * here take no tick.
 *
 * <p>Simplified (docs/model-reference.md, "Placement and load balancing"): loads are run-queue lengths now,
 * not PELT averages; a CPU pulls one queued fair task when the busiest CPU of the domain (most tasks; the
 * lowest id on a tie) runs at least two more tasks than it, which is when load_balance's imbalance of equal
 * weights exceeds one task; the balance interval is sd_weight ms (×busy_factor on a busy CPU), never doubled
 * on failure; no active balance of a running task; the balancing code itself costs no time.
 */
final class LoadBalancer {
    /** sysctl_sched_migration_cost: a task that ran this recently is cache-hot (task_hot). [K] fair.c */
    static final long MIGRATION_COST_NS = 500_000;
    /** sd->busy_factor: a busy CPU balances this many times less often. [K] topology.c sd_init */
    static final int BUSY_FACTOR = 16;
    /** sd->imbalance_pct of an LLC (SD_SHARE_LLC) domain. [K] topology.c sd_init */
    static final int IMBALANCE_PCT = 117;
    /** sd->cache_nice_tries of an LLC domain: failed balances before a hot task may move. [K] topology.c */
    static final int CACHE_NICE_TRIES = 1;

    private final Kernel kernel;
    private final Placement placement;
    /** sd->balance_interval: sd_weight ms (min_interval). */
    final long intervalNs;
    private final long[] nextBalanceNs;
    private final long[] lastBalanceNs;
    /** sd->nr_balance_failed of each CPU's domain. */
    private final int[] failed;

    LoadBalancer(Kernel kernel, Placement placement) {
        this.kernel = kernel;
        this.placement = placement;
        this.intervalNs = Math.max(1, placement.domainWeight) * 1_000_000L;
        int n = kernel.cpuCount();
        this.nextBalanceNs = new long[n];
        this.lastBalanceNs = new long[n];
        this.failed = new int[n];
    }

    /**
     * sched_balance_newidle: {@code dst} is about to idle; pulls one queued fair task that is not cache-hot from
     * the busiest CPU onto its own queue (no IPI: it runs the pick next). Returns whether it pulled.
     */
    boolean newidle(Cpu dst) {
        if (!placement.inDomain(dst)) {
            return false;
        }
        // this_rq->next_balance: the idle CPU's own balance comes due one interval after its last one
        nextBalanceNs[dst.id] = Math.min(nextBalanceNs[dst.id], lastBalanceNs[dst.id] + intervalNs);
        Task t = detach(dst, 0, true);
        if (t == null) {
            return false;
        }
        placement.setCpu(t, dst);
        dst.sched.attachLocal(t);
        return true;
    }

    /**
     * The tick of {@code c} (trigger_load_balance): its periodic balance when due, then, when it has two or
     * more runnable tasks and an idle CPU's balance is due, the NO_HZ kick of the first idle CPU (find_new_ilb).
     */
    void tick(Cpu c) {
        if (!placement.inDomain(c)) {
            return;
        }
        long now = kernel.sim.now();
        if (now >= nextBalanceNs[c.id]) {
            boolean idle = Placement.idle(c);
            Task t = detach(c, c.sched.nrRunning(), false);
            if (t != null) {
                placement.setCpu(t, c);
                c.sched.activate(t, false); // attach_task: enqueue and wakeup_preempt, in this CPU's softirq
            }
            lastBalanceNs[c.id] = now;
            nextBalanceNs[c.id] = now + intervalNs * (idle ? 1 : BUSY_FACTOR);
        }
        if (c.sched.nrRunning() < 2) {
            return;
        }
        Cpu ilb = null;
        boolean due = false;
        int n = kernel.cpuCount();
        for (int i = 0; i < n; i++) {
            Cpu o = kernel.cpu(i);
            if (o != c && placement.inDomain(o) && Placement.idle(o)) {
                ilb = ilb == null ? o : ilb;
                due |= now >= nextBalanceNs[i];
            }
        }
        if (due) {
            ilb.kickIdleBalance();
        }
    }

    /**
     * nohz_idle_balance on {@code ilb}, at the end of the kick IPI's handler: each idle CPU of the domain whose
     * balance is due, from ilb + 1 round to ilb itself, pulls one task; what ilb pulls joins its own wake list,
     * what another CPU pulls reaches it by a reschedule IPI.
     */
    void idleBalance(Cpu ilb) {
        long now = kernel.sim.now();
        int n = kernel.cpuCount();
        for (int k = 1; k <= n; k++) {
            Cpu dst = kernel.cpu((ilb.id + k) % n);
            if (!placement.inDomain(dst) || !Placement.idle(dst) || now < nextBalanceNs[dst.id]) {
                continue;
            }
            Task t = detach(dst, 0, false);
            if (t != null) {
                placement.setCpu(t, dst);
                dst.queueMigrated(t, dst != ilb);
            }
            lastBalanceNs[dst.id] = now;
            nextBalanceNs[dst.id] = now + intervalNs;
        }
    }

    /**
     * find_busiest_queue and detach_tasks for {@code dst} running {@code dstRunning} tasks: the busiest domain CPU
     * with a queued fair task allowed on dst and at least two tasks more than dst; of its queued fair tasks
     * allowed on dst, the least recently run that can_migrate_task accepts (not cache-hot, unless this domain's
     * balance failed more than cache_nice_tries times). Takes it off its queue and returns it, or null.
     */
    private Task detach(Cpu dst, int dstRunning, boolean newidle) {
        Cpu busiest = null;
        int most = dstRunning + 1;
        int n = kernel.cpuCount();
        for (int i = 0; i < n; i++) {
            Cpu src = kernel.cpu(i);
            int nr = src.sched.nrRunning();
            if (src != dst && nr > most && placement.inDomain(src) && hasAllowed(src, dst)) {
                busiest = src;
                most = nr;
            }
        }
        if (busiest == null) {
            return null;
        }
        long now = kernel.sim.now();
        boolean hotOk = !newidle && failed[dst.id] > CACHE_NICE_TRIES;
        Task pick = null;
        for (Task t = busiest.rq.fair.first(); t != null; t = t.rqNext) {
            if (t.mask != null && t.mask.contains(dst.id) && (hotOk || !hot(t, now))
                    && (pick == null || t.lastRanNs < pick.lastRanNs)) {
                pick = t;
            }
        }
        if (pick == null) {
            if (!newidle) {
                failed[dst.id]++;
            }
            return null;
        }
        failed[dst.id] = 0;
        busiest.rq.remove(pick);
        return pick;
    }

    private static boolean hasAllowed(Cpu src, Cpu dst) {
        for (Task t = src.rq.fair.first(); t != null; t = t.rqNext) {
            if (t.mask != null && t.mask.contains(dst.id)) {
                return true;
            }
        }
        return false;
    }

    /** task_hot: a fair task (not SCHED_IDLE) that last ran less than sysctl_sched_migration_cost ago. */
    static boolean hot(Task t, long nowNs) {
        if (t.policy == org.rtvsim.scenario.SchedPolicy.IDLE) {
            return false;
        }
        return t.lastRanNs >= 0 && nowNs - t.lastRanNs < MIGRATION_COST_NS; // se.exec_start: when it last ran
    }
}
