package org.rtvsim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.ScenarioLoader;

/** cyclictest without {@code mlock}: page faults on the wake-up path; with it, none. */
class PageFaultTest {

    private static ThreadResult run(String mlock) {
        String yaml = """
                name: faults
                duration: 2s
                warmup: 0ns
                hardware: {cpus: 1}
                host:
                  kernel:
                    preempt: rt
                    costs: {page_fault_minor: {fixed: 1us}, page_fault_major: {fixed: 50us}}
                  workload:
                    - cyclictest: {threads: 1, priority: 99, interval: 1ms, mlock: %s,
                                   minor_fault_probability: 0.1, major_fault_probability: 0.01}
                """.formatted(mlock);
        return SingleRun.run(ScenarioLoader.loadString(yaml, "faults.yaml", List.of()), 0).threads().get(0);
    }

    @Test
    void withoutMlock_faultsAddTheirCosts_withMlockThereAreNone() {
        ThreadResult off = run("false");
        ThreadResult on = run("true");
        assertEquals(off.samples(), on.samples());
        // same streams for everything else: the mean rises by p_minor * 1 us + p_major * 50 us = 0.6 us
        // (within the binomial noise of 2000 wake-ups: sd of the added mean ≈ 0.11 us)
        double added = off.avgNs() - on.avgNs();
        assertTrue(Math.abs(added - 600) < 4 * 115, "added mean " + added + " ns");
        assertTrue(off.maxNs() >= 50_000, "a major fault shows in the max: " + off.maxNs());
        assertTrue(off.maxSample().components().stream().anyMatch(c -> c.label().startsWith("page fault, major")));
        assertTrue(on.maxNs() < 50_000, "no fault with mlock: " + on.maxNs());
    }
}
