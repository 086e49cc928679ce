package org.rtvsim.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.ScenarioLoader;

/** C-state exit latency, cyclictest's PM QoS request, and the clocksource read cost. */
class IdleAndClockTest {

    private static ThreadResult run(String cyclictestExtra, String hardwareExtra) {
        return run(cyclictestExtra, hardwareExtra, "governor: oracle, exit_fraction: 1");
    }

    private static ThreadResult run(String cyclictestExtra, String hardwareExtra, String governor) {
        String yaml = """
                name: idle
                duration: 500ms
                warmup: 10ms
                hardware:
                  cpus: 1
                  cstates: {exit_latency: {C1: 2us, C6: 133us}, target_residency: {C1: 2us, C6: 600us}, max_cstate: C6, %s}
                  %s
                host:
                  kernel: {preempt: rt, housekeeping: off}
                  workload:
                    - cyclictest: {threads: 1, priority: 99, interval: 1ms %s}
                """.formatted(governor, hardwareExtra, cyclictestExtra);
        RunResult r = SingleRun.run(ScenarioLoader.loadString(yaml, "idle.yaml", List.of()), 0);
        return r.threads().get(0);
    }

    @Test
    void latencyTargetOff_idleCpuSleepsInC6_everySamplePaysItsExitLatency() {
        ThreadResult t = run(", latency_target: off", "");
        assertTrue(t.minNs() >= 133_000, "min " + t.minNs());
        assertTrue(t.maxSample().components().stream()
                .anyMatch(c -> c.label().equals("C-state exit (C6)") && c.ns() == 133_000));
    }

    @Test
    void menu_regularTimerWakeups_learnC6_eachWakeupPaysADrawnFractionOfItsExitLatency() {
        ThreadResult t = run(", latency_target: off", "", "governor: menu");
        // after 8 regular 1 ms periods menu predicts 1 ms and takes C6; exits draw 0..1 x 133 us, mean ~0.49
        var c6 = t.maxSample().components().stream().filter(c -> c.label().equals("C-state exit (C6)")).toList();
        assertEquals(1, c6.size());
        assertTrue(c6.get(0).ns() <= 133_000 && c6.get(0).ns() > 60_000, "exit " + c6.get(0).ns());
        assertTrue(t.avgNs() > 40_000 && t.avgNs() < 90_000, "avg " + t.avgNs());
    }

    @Test
    void latencyTargetZero_keepsTheCpuPolling_noExitLatency() {
        ThreadResult t = run("", "");
        assertTrue(t.maxNs() < 30_000, "max " + t.maxNs());
        assertTrue(t.maxSample().components().stream().noneMatch(c -> c.label().startsWith("C-state")));
    }

    @Test
    void latencyTargetBetweenStates_allowsOnlyTheShallowOne() {
        ThreadResult t = run(", latency_target: 10us", "");
        assertTrue(t.maxSample().components().stream()
                .anyMatch(c -> c.label().equals("C-state exit (C1)") && c.ns() == 2_000));
        assertTrue(t.maxNs() < 40_000, "max " + t.maxNs());
    }

    @Test
    void hpetClocksource_addsItsReadCostToEverySample() {
        ThreadResult tsc = run("", "clocksource: tsc");
        ThreadResult hpet = run("", "clocksource: hpet");
        assertEquals(tsc.samples(), hpet.samples());
        // same random streams, same path: each sample is longer by 1000 - 25 ns
        assertEquals(975, hpet.minNs() - tsc.minNs());
        assertEquals(975.0, hpet.avgNs() - tsc.avgNs(), 1.0);
    }
}
