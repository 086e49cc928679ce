package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * PREEMPT_VOLUNTARY: long kernel code is preemptible only at cond_resched() points, modelled as a point
 * every {@code cond_resched_gap} (250 µs by default) of the section's CPU time (PreemptionRules). One CPU,
 * fixed path costs (base = 3 µs as in {@link NonPreemptibleResidualLifeTest}); one SCHED_OTHER task
 * alternates user think Exp(mean 1 ms) with a kernel section of exactly 1 ms = 4 gaps; cyclictest FIFO 99.
 *
 * <p>A wake-up landing in a section (probability ρ = 1/2) waits for the next point: the points sit at
 * fixed offsets of the section (250, 500, 750 µs and its end), so the wait is Uniform(0, 250 µs) — an
 * interrupt taken meanwhile (the wake-up's own timer interrupt) does not move them. Hence
 * P(L − base > x) = ρ·(1 − x/250 µs) for 0 ≤ x ≤ 250 µs, and the maximum excess is 250 µs.
 */
class VoluntaryPreemptionTest {
    private static final long BASE_NS = 3_000;
    private static final long GAP_NS = 250_000;
    private static final double Z = 4.0;

    private static final String SCENARIO = """
            name: voluntary
            seed: 9
            duration: %s
            warmup: 10ms
            hardware: {cpus: 1, clock_read: {fixed: 0ns}}
            host:
              kernel:
                preempt: %s
                hz: 1
                nohz_full: "0"
                housekeeping: off
                rt_throttling: off
                costs: {irq_entry: 500ns, timer_expiry: 1us, context_switch: 1us, return_to_user: 500ns,
                        irq_thread_stub: 1us, ipi: 1us, tick: 1us}
              workload:
                - kernel_activity: {cpus: "0", tasks: 1, think: %s, segments: [{kind: kernel, length: {fixed: %s}}]}
            %s    - cyclictest: {threads: 1, priority: 99, interval: 1ms, mlock: true}
            """;

    private static ThreadResult run(String preempt, String duration, String think, String section, String extra) {
        return SingleRun.run(ScenarioLoader.loadString(SCENARIO.formatted(duration, preempt, think, section, extra),
                "voluntary.yaml", List.of()), 0).threads().get(0);
    }

    private static long atOrAbove(ThreadResult t, long thresholdNs) {
        long k = t.overflows();
        for (int b = (int) (thresholdNs / t.bucketNs()); b < t.buckets(); b++) {
            k += t.count(b);
        }
        return k;
    }

    /**
     * No preemption: a wake-up in a section waits for all of it (up to 1 ms), plus at most one tick. The
     * overrun path (cyclictest.c: clock_nanosleep with a past time returns at once) is visible here too.
     */
    @Test
    void latency_noneModel_waitsForWholeSection() {
        ThreadResult t = run("none", "20s", "{exponential: {mean: 1ms}}", "1ms", "");
        // (no min == base here: a wait past the 1 ms interval makes the next clock_nanosleep return at
        // once, so that sample is only its overrun plus the return to user, as in cyclictest)
        assertTrue(t.maxNs() > BASE_NS + 900_000 && t.maxNs() <= BASE_NS + 1_000_000 + 1_500, "max " + t.maxNs());
    }

    /**
     * A wake-up in a long voluntary kernel section waits at most one cond_resched gap; an interrupt in the
     * wait (a rare HZ=1 tick, 1.5 µs) does not restart the gap. The bound allows one tick.
     */
    @Test
    void latency_longKernelSections_boundedByBasePlusGap() {
        ThreadResult t = run("voluntary", "20s", "{exponential: {mean: 1ms}}", "1ms", "");
        assertEquals(BASE_NS, t.minNs());
        assertTrue(t.maxNs() <= BASE_NS + GAP_NS + 1_500, "max " + t.maxNs());
        assertTrue(t.maxNs() > BASE_NS + GAP_NS * 9 / 10, "max " + t.maxNs() + " reaches near the gap");
    }

    /**
     * The wait is the residual to the next might_resched point: with points every gap of the section's
     * executed time, P(L − base ≥ x) = ρ·(1 − x/gap). Points are measured from the segment's start
     * (Cpu.startRunning), so interrupts, which pause and resume the segment, do not move them.
     */
    @Test
    void excess_wakeupInKernelSection_uniformResidualToNextPoint() {
        ThreadResult t = run("voluntary", "20s", "{exponential: {mean: 1ms}}", "1ms", "");
        double rho = 0.5;
        long n = t.samples();
        for (long x : new long[] {0, GAP_NS / 2, GAP_NS * 3 / 4}) {
            double p = rho * (1 - (double) x / GAP_NS);
            long k = x == 0 ? n - t.hdr().getCountAtValue(BASE_NS) : atOrAbove(t, BASE_NS + x);
            double sd = Math.sqrt(p * (1 - p) / n);
            assertTrue(Math.abs((double) k / n - p) <= Z * sd, String.format(
                    "P(L - base > %d us) = %.4f, expected %.4f ± %.4f", x / 1000, (double) k / n, p, Z * sd));
        }
    }

    /**
     * Interrupts more frequent than the gap (a device every 100 µs, 1 µs handler) must not keep pushing
     * the next point away: a 10 ms kernel section is still preempted within one gap.
     */
    @Test
    void latency_frequentInterruptsDuringLongKernelSection_stillBoundedByGap() {
        ThreadResult t = run("voluntary", "5s", "{exponential: {mean: 10ms}}", "10ms",
                "    - device_irq: {name: dev, interval: 100us, cpus: \"0\", handler: {fixed: 1us}}\n");
        // a wake-up waits at most one gap of section time, stretched by the device's interrupts
        // (≤ 3 of them, 1.5 µs each) plus its own path and at most one more device interrupt
        assertTrue(t.maxNs() < BASE_NS + GAP_NS + 10_000, "max " + t.maxNs() + " ns");
    }
}
