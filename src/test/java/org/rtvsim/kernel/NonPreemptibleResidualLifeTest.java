package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * Closed form of DESIGN.md §6.1: a wake-up arriving into a renewal process of non-preemptible sections
 * waits for the residual life of the section it lands in.
 *
 * <p>Set-up: one CPU; one SCHED_OTHER task loops forever over user think time Exp(mean 40 µs) then a
 * raw_spinlock section Exp(mean m = 20 µs) (preemption off, irqs on, in every preemption model), and
 * never sleeps, so there are no IPIs, no idle and no C-states; the tick is practically absent (HZ=1 and
 * nohz_full on the CPU); every kernel cost on the wake-up path is fixed. A SCHED_FIFO 99 cyclictest thread
 * wakes every 1 ms for 60 s of simulated time (60 000 samples, 16 renewal cycles apart, so samples are
 * practically independent and land at instants independent of the section stream).
 *
 * <p>Path when the task is in user code: irq entry 0.5 + timer expiry and wake-up 1 + context switch 1
 * + return to user 0.5 + clock read 0 = base = 3 µs exactly. In a section, the interrupt is taken at once
 * (irqs are on) and pauses the section; the switch waits for the section's remaining R. The task spends
 * ρ = m / (m + think) = 20 / 60 = 1/3 of its CPU time in sections, and R of an exponential section is
 * Exp(m) (memoryless), so P(latency − base > x) = ρ·exp(−x/m) and E[latency − base] = ρ·m.
 */
class NonPreemptibleResidualLifeTest {
    private static final long BASE_NS = 3_000;
    private static final double M_NS = 20_000;
    private static final double RHO = 20.0 / (20.0 + 40.0);
    /** Four checks of a fixed-seed run: z = 4 makes a false failure over seeds rarer than 1 in 10 000. */
    private static final double Z = 4.0;

    /**
     * The residual-life scenario shared with the experiment tests (one CPU, fixed path costs, 3 us base,
     * Exp(20 us) raw-spinlock sections with Exp(40 us) think time), under {@code preempt}, with attribution.
     */
    private static String scenario(String preempt) {
        return org.rtvsim.experiment.ResidualLife.yaml("{exponential: {mean: 20us}}", "60s", "1ms", 5)
                .replace("preempt: full", "preempt: " + preempt)
                .replace("measure: {attribution: false}", "measure: {attribution: true}");
    }

    private static ThreadResult full;

    @BeforeAll
    static void run() {
        RunResult r = SingleRun.run(ScenarioLoader.loadString(scenario("full"), "residual.yaml",
                List.of()), 0);
        full = r.threads().get(0);
    }

    private static void assertBinomial(long k, long n, double p, String what) {
        double sd = Math.sqrt(p * (1 - p) / n);
        double got = (double) k / n;
        assertTrue(Math.abs(got - p) <= Z * sd, String.format("%s: P = %.5f, expected %.5f ± %.5f (%d of %d)",
                what, got, p, Z * sd, k, n));
    }

    /** Samples with latency ≥ {@code thresholdNs} (a multiple of the bucket), from the 1 µs buckets. */
    private static long atOrAbove(ThreadResult t, long thresholdNs) {
        long k = t.overflows();
        for (int b = (int) (thresholdNs / t.bucketNs()); b < t.buckets(); b++) {
            k += t.count(b);
        }
        return k;
    }

    @Test
    void minLatency_userCodeInterrupted_equalsDeterministicBase() {
        assertEquals(BASE_NS, full.minNs());
        assertTrue(full.samples() >= 59_980, "samples " + full.samples());
    }

    @Test
    void exceedance_atZero_equalsSectionFraction() {
        Histogram h = full.hdr();
        long atBase = h.getCountAtValue(BASE_NS); // equivalence range [3000, 3001] ns at 3 digits
        assertBinomial(full.samples() - atBase, full.samples(), RHO, "P(L - base > 0)");
    }

    @Test
    void exceedance_atOneTwoThreeMeans_followsExponentialResidual() {
        for (int j = 1; j <= 3; j++) {
            long x = (long) (j * M_NS);
            assertBinomial(atOrAbove(full, BASE_NS + x), full.samples(), RHO * Math.exp(-j),
                    "P(L - base > " + j + "m)");
        }
    }

    @Test
    void mean_excessOverBase_equalsRhoTimesMean() {
        double mean = full.avgNs() - BASE_NS;
        double var = 2 * RHO * M_NS * M_NS - RHO * RHO * M_NS * M_NS;
        double sd = Math.sqrt(var / full.samples());
        assertTrue(Math.abs(mean - RHO * M_NS) <= Z * sd, String.format("E[L - base] = %.1f ns, expected %.1f ± %.1f",
                mean, RHO * M_NS, Z * sd));
    }

    /** raw_spinlock is non-preemptible under PREEMPT_RT too: the same closed form holds on rt. */
    @Test
    void exceedance_rtKernel_sameResidualLaw() {
        ThreadResult rt = SingleRun.run(ScenarioLoader.loadString(scenario("rt").replace("60s", "20s"),
                "residual-rt.yaml", List.of()), 0).threads().get(0);
        assertEquals(BASE_NS, rt.minNs());
        long atBase = rt.hdr().getCountAtValue(BASE_NS);
        assertBinomial(rt.samples() - atBase, rt.samples(), RHO, "rt: P(L - base > 0)");
        assertBinomial(atOrAbove(rt, BASE_NS + (long) M_NS), rt.samples(), RHO * Math.exp(-1), "rt: P(L - base > m)");
    }

    /** spinlock_t becomes a preemptible rt_mutex on PREEMPT_RT: every sample is the bare base path. */
    @Test
    void latency_rtKernelSpinlockSections_alwaysBase() {
        String yaml = scenario("rt").replace("60s", "5s").replace("kind: raw_spinlock", "kind: spinlock");
        ThreadResult rt = SingleRun.run(ScenarioLoader.loadString(yaml, "residual-rt-spin.yaml", List.of()), 0)
                .threads().get(0);
        assertEquals(BASE_NS, rt.minNs());
        assertEquals(BASE_NS, rt.maxNs());
    }
}
