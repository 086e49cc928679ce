package org.rtvsim.scenario;

import java.util.Locale;

/**
 * SCHED_DEADLINE parameter checks and admission control, as sched_setattr applies them (kernel/sched/deadline.c):
 * <ul>
 * <li>{@link #checkParams} — __checkparam_dl: runtime ≥ 1024 ns (2^DL_SCALE), runtime ≤ deadline ≤ period,
 * period within sched_deadline_period_min_us..max_us (100 us .. 2^22 us);</li>
 * <li>{@link #admit} — sched_dl_overflow / __dl_overflow: the bandwidths runtime/period (to_ratio, 20-bit fixed
 * point) of the deadline entities of a root domain may not exceed sched_rt_runtime_us / sched_rt_period_us
 * per CPU of the domain; otherwise sched_setattr fails with EBUSY. A task pinned to one CPU stands for an
 * exclusive cpuset of that CPU (partitioned EDF: its own root domain of one CPU), checked at once; on 6.12+
 * kernels each CPU's fair server counts against its root domain's limit (dl_server_apply_params adds its
 * bandwidth). {@code rt_throttling: off} (sched_rt_runtime_us = −1) admits everything.</li>
 * <li>{@link #finish} — the tasks with a multi-CPU mask (global EDF), once the pinned ones have made their
 * partitions: the root domain is the kernel's CPUs outside {@code isolcpus} (or the isolated ones, def_root_domain)
 * minus the partitions. The mask must contain all of it and no partition (__sched_setscheduler: "Don't allow
 * tasks with an affinity mask smaller than the entire root_domain to become SCHED_DEADLINE", EPERM; the check is
 * skipped when dl_bandwidth_enabled() is false, {@code rt_throttling: off}); the root domain admits bandwidth up
 * to its CPU count × the limit (dl_bw_cpus, cap_scale in __dl_overflow).</li>
 * </ul>
 */
final class DlAdmission {
    static final long MIN_RUNTIME_NS = 1L << 10;
    static final long MIN_PERIOD_NS = 100_000L;
    static final long MAX_PERIOD_NS = (1L << 22) * 1000L;

    private final long limitBw;
    private final long serverBw;
    private final long[] totalBw;
    private final String limitText;
    private final org.rtvsim.engine.CpuSet isolcpus;
    /** The CPU of each partition's first pinned task, by CPU (null: no pinned deadline task there). */
    private final String[] pinned;
    private final java.util.List<Global> globals = new java.util.ArrayList<>();

    /** A deadline task with a multi-CPU mask, checked by {@link #finish}. */
    private record Global(Node.MapNode at, String cpusKey, String runtimeKey, String name, int cpu,
                          org.rtvsim.engine.CpuSet mask, long bw) {
    }

    /** The admission of {@code ncpus} CPUs under kernel {@code k}. */
    DlAdmission(KernelSpec k, int ncpus) {
        this.isolcpus = k.isolcpus();
        this.pinned = new String[ncpus];
        KernelSpec.RtThrottlingSpec rt = k.rtThrottling();
        this.limitBw = rt == null ? -1 : toRatio(rt.periodNs(), rt.runtimeNs());
        this.serverBw = k.fairServer() == null ? 0 : toRatio(k.fairServer().periodNs(), k.fairServer().runtimeNs());
        this.totalBw = new long[ncpus];
        this.limitText = rt == null ? "none" : String.format(Locale.ROOT, "%.4f (sched_rt_runtime_us/sched_rt_period_us"
                + " = %d/%d)", ratio(limitBw), rt.runtimeNs() / 1000, rt.periodNs() / 1000);
        java.util.Arrays.fill(totalBw, serverBw);
    }

    /** Checks a deadline task's runtime (returned, ns) against its deadline and period. */
    static long checkParams(Section t, long periodNs, long deadlineNs) {
        if (!t.has("runtime")) {
            throw t.missing("runtime", "the task's CPU time per period (sched_runtime), e.g. 2ms");
        }
        long runtime = t.requiredPositiveDurationNs("runtime");
        if (runtime < MIN_RUNTIME_NS) {
            throw Values.error(t.node("runtime"), t.key("runtime"), "expected runtime >= 1024 ns (__checkparam_dl); got "
                    + runtime + " ns");
        }
        if (runtime > deadlineNs || deadlineNs > periodNs) {
            throw Values.error(t.node("runtime"), t.key("runtime"), "expected runtime <= deadline <= period "
                    + "(__checkparam_dl); got " + runtime + " / " + deadlineNs + " / " + periodNs + " ns");
        }
        if (periodNs < MIN_PERIOD_NS || periodNs > MAX_PERIOD_NS) {
            throw Values.error(t.node("period"), t.key("period"), "expected a deadline task's period in 100us.."
                    + "4.194304s (sched_deadline_period_min_us/max_us); got " + periodNs + " ns");
        }
        return runtime;
    }

    /**
     * Admits the deadline task {@code name} on {@code cpu} (pinned: {@code mask} null or one CPU), or refuses it
     * as the kernel would (EBUSY); a task with a multi-CPU mask is checked by {@link #finish}.
     */
    void admit(Section t, String name, int cpu, org.rtvsim.engine.CpuSet mask, long runtimeNs, long periodNs) {
        long bw = toRatio(periodNs, runtimeNs);
        if (mask != null && mask.size() > 1) {
            globals.add(new Global(t.map(), t.key("cpus"), t.key("runtime"), name, cpu, mask, bw));
            return;
        }
        if (pinned[cpu] == null) {
            pinned[cpu] = name;
        }
        if (limitBw >= 0 && limitBw < totalBw[cpu] + bw) {
            throw Values.error(t.map(), t.key("runtime"), String.format(Locale.ROOT, "admission refused (sched_setattr"
                    + " fails with EBUSY, __dl_overflow): task %s needs runtime/period %.4f on CPU %d, whose deadline "
                    + "bandwidth is already %.4f%s; %.4f + %.4f > limit %s. Lower runtime, lengthen the period, "
                    + "move the task, or raise rt_throttling.runtime", name, ratio(bw), cpu, ratio(totalBw[cpu]),
                    serverBw > 0 ? " (the fair server's " + String.format(Locale.ROOT, "%.4f", ratio(serverBw))
                            + " included)" : "", ratio(totalBw[cpu]), ratio(bw), limitText));
        }
        totalBw[cpu] += bw;
    }

    /**
     * Checks the global deadline tasks in the order they were declared: each mask against its root domain (EPERM),
     * then each root domain's bandwidth (EBUSY). Called once the whole workload list of the kernel is bound.
     */
    void finish() {
        if (limitBw < 0) { // dl_bandwidth_enabled() is false: neither the mask rule nor admission applies
            globals.clear();
            return;
        }
        java.util.Map<org.rtvsim.engine.CpuSet, Long> total = new java.util.HashMap<>();
        for (Global g : globals) {
            if (pinned[g.cpu] != null) {
                throw Values.error(g.at, g.cpusKey, String.format(Locale.ROOT, "sched_setattr fails with EPERM: "
                        + "deadline task %s starts on CPU %d, an exclusive cpuset of its own (deadline task %s is "
                        + "pinned there), so its root domain is that one CPU and its mask \"%s\" would be larger; "
                        + "start it (cpu:) on a CPU without pinned deadline tasks, or pin it", g.name, g.cpu,
                        pinned[g.cpu], g.mask));
            }
            org.rtvsim.engine.CpuSet rd = rootDomain(g.cpu);
            for (int c : g.mask) {
                if (pinned[c] != null) {
                    throw Values.error(g.at, g.cpusKey, String.format(Locale.ROOT, "expected cpus without CPU %d: "
                            + "deadline task %s is pinned there, which makes CPU %d an exclusive cpuset (a root "
                            + "domain) of its own, outside task %s's root domain %s; got \"%s\"", c, pinned[c], c,
                            g.name, rd, g.mask));
                }
            }
            for (int c : rd) {
                if (!g.mask.contains(c)) {
                    throw Values.error(g.at, g.cpusKey, String.format(Locale.ROOT, "sched_setattr fails with EPERM: "
                            + "deadline task %s's mask \"%s\" does not span its root domain %s (the kernel refuses "
                            + "a SCHED_DEADLINE affinity smaller than the whole root domain, __sched_setscheduler); "
                            + "expected cpus \"%s\" (global EDF) or one CPU (partitioned EDF, an exclusive "
                            + "cpuset of its own)", g.name, g.mask, rd, rd));
                }
            }
            long sum = total.computeIfAbsent(rd, r -> serverBw * r.size());
            long limit = limitBw * rd.size();
            if (limit < sum + g.bw) {
                throw Values.error(g.at, g.runtimeKey, String.format(Locale.ROOT, "admission refused (sched_setattr"
                        + " fails with EBUSY, __dl_overflow): global deadline task %s needs runtime/period %.4f in "
                        + "root domain %s (%d CPUs), whose deadline bandwidth is already %.4f%s; %.4f + %.4f > "
                        + "limit %d × %s = %.4f. Lower runtime, lengthen the period, or raise "
                        + "rt_throttling.runtime", g.name, ratio(g.bw), rd, rd.size(), ratio(sum),
                        serverBw > 0 ? " (the fair servers' " + String.format(Locale.ROOT, "%.4f",
                                ratio(serverBw * rd.size())) + " included)" : "", ratio(sum), ratio(g.bw), rd.size(),
                        limitText, ratio(limit)));
            }
            total.put(rd, sum + g.bw);
        }
        globals.clear();
    }

    /**
     * The root domain of {@code cpu} for a global task: the CPUs on its side of {@code isolcpus} (all when none
     * or all are isolated), minus the partitions made by pinned deadline tasks.
     */
    private org.rtvsim.engine.CpuSet rootDomain(int cpu) {
        int n = pinned.length;
        boolean split = !isolcpus.isEmpty() && isolcpus.size() < n;
        java.util.List<Integer> ids = new java.util.ArrayList<>();
        for (int c = 0; c < n; c++) {
            boolean same = !split || isolcpus.contains(c) == isolcpus.contains(cpu);
            if (same && pinned[c] == null) {
                ids.add(c);
            }
        }
        return org.rtvsim.engine.CpuSet.of(ids.stream().mapToInt(Integer::intValue).toArray());
    }

    /** to_ratio: runtime/period in 20-bit fixed point (BW_SHIFT). */
    static long toRatio(long periodNs, long runtimeNs) {
        return java.math.BigInteger.valueOf(runtimeNs).shiftLeft(20).divide(java.math.BigInteger.valueOf(periodNs))
                .longValueExact();
    }

    private static double ratio(long bw) {
        return bw / (double) (1L << 20);
    }
}
