package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.rtvsim.experiment.Model;
import org.rtvsim.experiment.ModelBuilder;
import org.rtvsim.measure.LatencyRecorder;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * Invariants of DESIGN.md §6.2 on bare-metal scenarios with every kind of interference (hackbench
 * on all CPUs, a device IRQ with softirq work, with and without SMIs), under every preemption model.
 * The model checks itself as it runs: the latency recorder throws when a sample's attribution does
 * not add up to it, the CPU throws on impossible states. Here, between steps of 1 ms: the clock
 * stands exactly where it was asked to stop (never behind), no CPU has executed more than the time
 * elapsed (one running context per CPU), and no higher-priority RT task waits while the CPU runs a
 * preemptible segment of a lower-priority task.
 */
class CpuInvariantsTest {
    private static final long STEP_NS = 1_000_000L;
    private static final long END_NS = 200_000_000L;

    private static final String SCENARIO = """
            name: invariants
            seed: 3
            duration: 200ms
            warmup: 0ns
            hardware:
              cpus: 4
            %s
            host:
              kernel: {preempt: %s}
              workload:
                - kernel_activity: {profile: hackbench}
                - device_irq: {name: nic, rate: 10khz, softirq: {exponential: {mean: 10us}}}
                - cyclictest: {threads: 4, priority: 99, interval: 500us}
            """;
    private static final String SMI = "  smi: {interval: {exponential: {mean: 50ms}}, duration: {fixed: 20us}}";

    static List<Arguments> models() {
        return List.of("none", "voluntary", "full", "lazy", "rt").stream()
                .flatMap(p -> List.of(Arguments.of(p, false), Arguments.of(p, true)).stream()).toList();
    }

    @ParameterizedTest(name = "{0}, smi={1}")
    @MethodSource("models")
    void run_everyPreemptModel_keepsCpuInvariants(String preempt, boolean smi) {
        ScenarioSpec spec = ScenarioLoader.loadString(SCENARIO.formatted(smi ? SMI : "", preempt), "inv.yaml",
                List.of());
        Model m = ModelBuilder.build(spec, 0);
        m.start();
        long last = m.sim().now();
        long[] lastBusy = new long[4];
        for (long t = STEP_NS; t <= END_NS; t += STEP_NS) {
            m.sim().runUntil(t);
            long now = m.sim().now();
            assertTrue(now >= last, "time went back from " + last + " to " + now);
            assertEquals(t, now, "the clock stops where asked");
            last = now;
            for (int c = 0; c < 4; c++) {
                Cpu cpu = m.host().cpu(c);
                assertTrue(cpu.busyNs() <= now, cpu + " busy " + cpu.busyNs() + " ns > elapsed " + now);
                assertTrue(cpu.busyNs() >= lastBusy[c], cpu + " busy time decreased");
                lastBusy[c] = cpu.busyNs();
                assertNoPriorityInversion(cpu, now);
            }
        }
        if (smi) {
            assertTrue(m.machine().smiCount() > 0, "SMIs happened");
        }
        for (LatencyRecorder r : m.latencyRecorders()) {
            ThreadResult tr = r.result(List.of(50.0), 99.9);
            assertTrue(tr.samples() >= 390, tr.thread() + " samples " + tr.samples());
            assertTrue(tr.minNs() > 0, tr.thread() + " min " + tr.minNs());
            assertTrue(tr.maxNs() >= tr.minNs());
        }
    }

    /** A preemptible segment of the current task is running: no higher RT priority may be queued. */
    private static void assertNoPriorityInversion(Cpu cpu, long now) {
        Task c = cpu.current();
        if (c == null || c.state != TaskState.RUNNING || !c.seg.live || c.seg.preemptOff) {
            return;
        }
        if (cpu.currentBlame() != c.seg.blame()) {
            return; // an interrupt frame, a switch or lost supply occupies the CPU
        }
        int waiting = cpu.rq.highestRtPriority();
        assertTrue(waiting <= c.priority(), cpu + " at " + now + " ns runs preemptible " + c + " while RT priority "
                + waiting + " waits");
    }
}
