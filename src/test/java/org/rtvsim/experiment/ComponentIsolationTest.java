package org.rtvsim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * Stream isolation at model level (DESIGN.md §4): random streams belong to components, so a component
 * whose activity never reaches CPU 0 leaves CPU 0's cyclictest samples byte-identical.
 */
class ComponentIsolationTest {
    private static final String BASE = """
            name: iso
            seed: 11
            duration: 500ms
            warmup: 10ms
            hardware: {cpus: 4}
            host:
              kernel: {preempt: %s}
              workload:
                - kernel_activity: {profile: hackbench, cpus: "0"}
                - cyclictest: {threads: 1, cpus: "0", priority: 99, interval: 200us}
            %s""";

    private static RunResult run(String preempt, String extraWorkload) {
        return SingleRun.run(ScenarioLoader.loadString(BASE.formatted(preempt, extraWorkload), "iso.yaml",
                List.of()), 0);
    }

    /** Runs the base and the base plus {@code extra}, checks the extra did run, compares CPU 0's samples. */
    private static void assertCpu0Unchanged(String preempt, String extra) {
        RunResult base = run(preempt, "");
        RunResult more = run(preempt, extra);
        assertTrue(more.events() > base.events(), "the added component ran (" + more.events() + " events vs "
                + base.events() + ")");
        assertSameSamples(base.threads().get(0), more.threads().get(0));
    }

    private static void assertSameSamples(ThreadResult a, ThreadResult b) {
        assertEquals(a.samples(), b.samples(), "samples");
        assertEquals(a.minNs(), b.minNs(), "min");
        assertEquals(a.maxNs(), b.maxNs(), "max");
        assertEquals(a.sumNs(), b.sumNs(), "sum");
        assertArrayEquals(a.histogram(), b.histogram(), "histogram");
        assertEquals(a.hdr(), b.hdr(), "high-resolution histogram");
    }

    @Test
    void cyclictestOnCpu0_deviceIrqAddedOnCpu3_samplesUnchanged() {
        for (String p : List.of("full", "rt")) {
            assertCpu0Unchanged(p, """
                        - device_irq: {name: disk, rate: 20khz, cpus: "3", softirq: {exponential: {mean: 5us}}}
                    """);
        }
    }

    @Test
    void cyclictestOnCpu0_kernelActivityAddedOnCpu3_samplesUnchanged() {
        for (String p : List.of("none", "full")) {
            assertCpu0Unchanged(p, """
                        - kernel_activity: {profile: io, cpus: "3"}
                    """);
        }
    }

    @Test
    void cyclictestOnCpu0_secondCyclictestAddedOnCpu2_samplesUnchanged() {
        assertCpu0Unchanged("full", """
                    - cyclictest: {threads: 1, cpus: "2", priority: 80, interval: 500us}
                """);
    }

    /**
     * A workload's component path counts entries of its own kind only ({@code host.workload.cyclictest[0]},
     * see WorkloadBinder), so inserting a workload of another kind in front of the measured ones keeps
     * their streams: nothing on CPU 0 changes (DESIGN.md §4, common random numbers for compare).
     */
    @Test
    void cyclictestOnCpu0_deviceIrqInsertedFirstOnCpu3_samplesUnchanged() {
        String front = BASE.replace("  workload:\n", "  workload:\n"
                + "    - device_irq: {name: disk, rate: 20khz, cpus: \"3\"}\n");
        RunResult base = run("full", "");
        RunResult more = SingleRun.run(ScenarioLoader.loadString(front.formatted("full", ""), "iso.yaml",
                List.of()), 0);
        assertTrue(more.events() > base.events());
        assertSameSamples(base.threads().get(0), more.threads().get(0));
    }
}
