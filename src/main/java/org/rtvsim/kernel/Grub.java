package org.rtvsim.kernel;

import org.rtvsim.engine.Phase;
import org.rtvsim.engine.SimEvent;

/**
 * GRUB bandwidth reclaiming for SCHED_DEADLINE tasks with SCHED_FLAG_RECLAIM (kernel/sched/deadline.c, 6.6+;
 * Abeni, Lelli, Scordino, Palopoli, "Greedy CPU reclaiming for SCHED_DEADLINE", RTLWS 2014): a reclaiming
 * task's runtime is charged at the rate {@code max(u, Umax − Uinact − Uextra) / Umax} of the time it runs instead
 * of 1 (grub_reclaim), so it runs on into the bandwidth other tasks leave unused, up to Umax of its CPU.
 * Utilisations are the kernel's 20-bit fixed point (BW_SHIFT), 1/Umax its 8-bit bw_ratio (RATIO_SHIFT).
 *
 * <p>Per CPU it keeps this_bw (the bandwidth of the deadline tasks living there, blocked ones included) and
 * running_bw (the active ones). A task is active from its wake-up (task_contending) until it blocks, or, when it
 * blocks before its 0-lag time {@code deadline − runtime·period/dl_runtime}, until then (task_non_contending and
 * the inactive timer, inactive_task_timer). A task that moves takes both with it (migrate_task_rq_dl for a waking
 * task, dequeue/enqueue with TASK_ON_RQ_MIGRATING for a pushed or pulled one). extra_bw is Umax minus each root
 * domain's admitted bandwidth spread evenly over its CPUs (__dl_add → __dl_update; sched_dl_overflow adds it even
 * with bandwidth control off, where the root domain is the whole isolcpus side). The fair server (6.12+)
 * counts in this_bw and extra_bw, and as active all the time (an assumption: the kernel drops it from
 * running_bw at its 0-lag time after dl_server_stop).
 *
 * <p>Made only when a task asks for reclaiming, so other scenarios do none of this bookkeeping; its state is built
 * at first use, once every task exists. Whenever a CPU's utilisations change while a reclaiming task runs there,
 * that CPU's {@link Cbs} charges at the old rate and re-arms its depletion at the new one.
 */
final class Grub {
    static final int BW_SHIFT = 20;
    static final int RATIO_SHIFT = 8;
    private final Kernel kernel;
    private final long maxBw;
    private final long bwRatio;
    private long[] thisBw;
    private long[] runningBw;
    private long[] extraBw;

    Grub(Kernel kernel) {
        this.kernel = kernel;
        var rt = kernel.spec().rtThrottling();
        if (rt == null) { // RUNTIME_INF: init_dl_rq_bw_ratio
            this.maxBw = 1L << BW_SHIFT;
            this.bwRatio = 1L << RATIO_SHIFT;
        } else {
            this.maxBw = DlEntity.toRatio(rt.periodNs(), rt.runtimeNs());
            this.bwRatio = DlEntity.toRatio(rt.runtimeNs(), rt.periodNs()) >> (BW_SHIFT - RATIO_SHIFT);
        }
    }

    private void init() {
        if (thisBw != null) {
            return;
        }
        int n = kernel.cpuCount();
        thisBw = new long[n];
        runningBw = new long[n];
        extraBw = new long[n];
        java.util.Arrays.fill(extraBw, maxBw);
        boolean[] partition = new boolean[n]; // as DlPushPull: pinned deadline tasks, when bandwidth control is on
        for (Task t : kernel.tasks()) {
            partition[t.cpu.id] |= t.dl != null && t.mask == null && kernel.spec().rtThrottling() != null;
        }
        for (int c = 0; c < n; c++) {
            FairServer s = kernel.cpu(c).bandwidth.fairServer();
            if (s != null) {
                thisBw[c] += s.se.bw;
                runningBw[c] += s.se.bw;
                spread(c, s.se.bw, partition);
            }
        }
        for (Task t : kernel.tasks()) {
            if (t.dl != null) {
                thisBw[t.cpu.id] += t.dl.bw;
                spread(t.cpu.id, t.dl.bw, partition);
            }
        }
    }

    /**
     * __dl_add: {@code bw}/cpus off the extra_bw of every CPU of {@code home}'s root domain: the CPUs on its side of
     * {@code isolcpus} that are no partition, or {@code home} alone when it is one.
     */
    private void spread(int home, long bw, boolean[] partition) {
        int n = kernel.cpuCount();
        if (partition[home]) {
            extraBw[home] -= bw;
            return;
        }
        org.rtvsim.engine.CpuSet iso = kernel.spec().isolcpus();
        boolean split = !iso.isEmpty() && iso.size() < n;
        boolean[] in = new boolean[n];
        int cpus = 0;
        for (int c = 0; c < n; c++) {
            in[c] = !partition[c] && (!split || iso.contains(c) == iso.contains(home));
            cpus += in[c] ? 1 : 0;
        }
        for (int c = 0; c < n; c++) {
            if (in[c]) {
                extraBw[c] -= bw / cpus;
            }
        }
    }

    /**
     * grub_reclaim's rate for {@code e} running on {@code cpu}: max(u, Umax − Uinact − Uextra) × bw_ratio, in
     * BW_SHIFT fixed point (charged runtime = delta × rate &gt;&gt; BW_SHIFT).
     */
    long rate(Cpu cpu, DlEntity e) {
        init();
        int c = cpu.id;
        long uInact = thisBw[c] - runningBw[c];
        long uAct = uInact + extraBw[c] > maxBw - e.bw ? e.bw : maxBw - uInact - extraBw[c];
        return (uAct * bwRatio) >> RATIO_SHIFT;
    }

    /** task_contending: {@code t} wakes on its CPU. */
    void contending(Task t) {
        init();
        DlEntity e = t.dl;
        if (e.nonContending) {
            e.nonContending = false;
            e.cancelInactiveTimer();
        } else {
            add(t.cpu, e.bw, 0);
        }
    }

    /** task_non_contending: {@code t} blocked on its CPU; active until its 0-lag time. */
    void nonContending(Task t) {
        init();
        DlEntity e = t.dl;
        long zeroLag = e.deadlineNs - e.runtimeNs * e.dlPeriodNs / e.dlRuntimeNs;
        if (zeroLag < t.cpu.now() || e.nonContending) {
            add(t.cpu, -e.bw, 0);
            return;
        }
        e.nonContending = true;
        e.armInactiveTimer(kernel.sim(), zeroLag, () -> inactive(t));
    }

    /** inactive_task_timer: the 0-lag time of a blocked task has come. */
    private void inactive(Task t) {
        if (t.dl.nonContending) {
            t.dl.nonContending = false;
            add(t.cpu, -t.dl.bw, 0);
        }
    }

    /**
     * set_task_cpu of a deadline task from {@code src} to {@code dst}: a runnable one (push, pull) takes its active
     * and total bandwidth along; a waking one leaves its non-contending share behind (migrate_task_rq_dl) and is
     * added to {@code dst}'s total (ENQUEUE_MIGRATED), its wake-up then making it active there.
     */
    void moved(Task t, Cpu src, Cpu dst, boolean runnable) {
        init();
        long bw = t.dl.bw;
        if (runnable) {
            add(src, -bw, -bw);
            add(dst, bw, bw);
            return;
        }
        if (t.dl.nonContending) {
            t.dl.nonContending = false;
            t.dl.cancelInactiveTimer();
            add(src, -bw, -bw);
        } else {
            add(src, 0, -bw);
        }
        add(dst, 0, bw);
    }

    private void add(Cpu c, long running, long total) {
        runningBw[c.id] += running;
        thisBw[c.id] += total;
        c.bandwidth.reclaimRateChanged();
    }

    /** The inactive timer of one entity (dl_se-&gt;inactive_timer). */
    static final class InactiveTimer extends SimEvent {
        Runnable action;

        InactiveTimer(org.rtvsim.engine.Simulation sim) {
            super(sim, Phase.RELEASE);
        }

        @Override
        protected void fire() {
            action.run();
        }
    }
}
