package org.rtvsim.scenario;

import java.util.Locale;

/**
 * SCHED_DEADLINE parameter checks and admission control, as sched_setattr applies them (kernel/sched/deadline.c):
 * <ul>
 * <li>{@link #checkParams} — __checkparam_dl: runtime ≥ 1024 ns (2^DL_SCALE), runtime ≤ deadline ≤ period,
 * period within sched_deadline_period_min_us..max_us (100 us .. 2^22 us);</li>
 * <li>{@link #admit} — sched_dl_overflow / __dl_overflow: the bandwidths runtime/period (to_ratio, 20-bit fixed
 * point) of the deadline entities of a root domain may not exceed sched_rt_runtime_us / sched_rt_period_us
 * per CPU of the domain; otherwise sched_setattr fails with EBUSY. Tasks are pinned to one CPU here
 * (partitioned EDF: each CPU an exclusive cpuset, so its own root domain of one CPU); on 6.12+ kernels the
 * CPU's fair server counts against the same limit (dl_server_apply_params adds its bandwidth).
 * {@code rt_throttling: off} (sched_rt_runtime_us = −1) admits everything.</li>
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

    /** The admission of {@code ncpus} CPUs under kernel {@code k}. */
    DlAdmission(KernelSpec k, int ncpus) {
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

    /** Admits the deadline task {@code name} on {@code cpu}, or refuses it as the kernel would (EBUSY). */
    void admit(Section t, String name, int cpu, long runtimeNs, long periodNs) {
        long bw = toRatio(periodNs, runtimeNs);
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

    /** to_ratio: runtime/period in 20-bit fixed point (BW_SHIFT). */
    static long toRatio(long periodNs, long runtimeNs) {
        return java.math.BigInteger.valueOf(runtimeNs).shiftLeft(20).divide(java.math.BigInteger.valueOf(periodNs))
                .longValueExact();
    }

    private static double ratio(long bw) {
        return bw / (double) (1L << 20);
    }
}
