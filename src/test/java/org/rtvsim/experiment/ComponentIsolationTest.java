package org.rtvsim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Disabled;
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
     * Component paths are {@code host.workload[i].KIND}: inserting a workload before the measured ones
     * renames them. This pins what the path scheme promises when a component is inserted in front.
     *
     * <p>Fails today: {@code scenario/WorkloadBinder.java:30} names each workload by its list index
     * ({@code prefix + "[" + i + "]"}), and every stream of a workload is derived from that path
     * ({@code host.workload[1].cyclictest.start}, {@code host.workload[0].kernel_activity.cpu0.task0.think}, …).
     * Inserting an entry in front shifts the indexes, so the kernel_activity and cyclictest on CPU 0 draw
     * from new streams although nothing on CPU 0 changed — against DESIGN.md §4 ("adding or removing a
     * component does not change any other component's stream") and against common random numbers for
     * compare. Fix (scenario layer): derive the path from a stable identity — the entry's {@code name}
     * when given (device_irq has one), else the kind plus its ordinal among entries of that kind
     * ({@code host.workload.cyclictest[0]}).
     */
    @Disabled("known: workload stream paths use the list index (scenario/WorkloadBinder.java:30); see Javadoc")
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
