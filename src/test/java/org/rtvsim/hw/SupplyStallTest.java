package org.rtvsim.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.Attribution;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * The hierarchical supply mechanism with its simplest stall source, the SMI: while every physical
 * CPU is in SMM, no segment progresses, and the time is charged to the SMI in the attribution.
 */
class SupplyStallTest {

    @Test
    void smi_duringJob_delaysCompletionByExactlyItsDuration() {
        // One CPU, no overheads; a 15 ms job released at 0; SMIs every 10 ms lasting 20 us.
        // The job runs 0..15 ms of CPU time, stalled once at 10 ms: it completes at 15.020 ms.
        String yaml = """
                name: stall
                duration: 30ms
                warmup: 0ns
                hardware:
                  cpus: 1
                  smi: {interval: {fixed: 10ms}, duration: {fixed: 20us}}
                host:
                  kernel: {preempt: rt, overheads: none}
                  workload:
                    - periodic:
                        tasks: [{name: job, period: 100ms, wcet: {fixed: 15ms}, priority: 50, cpu: 0}]
                """;
        RunResult r = SingleRun.run(ScenarioLoader.loadString(yaml, "stall.yaml", List.of()), 0);
        assertEquals(15_020_000L, r.tasks().get(0).maxNs());
        assertEquals(3, r.smiCount(), "SMIs start every 10 ms: at 10, 20 and 30 ms (the end instant included)");
    }

    @Test
    void smi_atWakeup_isChargedToTheSmiInTheSampleAttribution() {
        // cyclictest wakes every 1 ms; a 50 us SMI every 1 ms drifts across the wake-ups, so some
        // samples contain SMI time, and their components still add up exactly (the recorder checks).
        String yaml = """
                name: stall-ct
                duration: 200ms
                warmup: 0ns
                hardware:
                  cpus: 2
                  smi: {interval: {fixed: 997us}, duration: {fixed: 50us}}
                host:
                  kernel: {preempt: rt}
                  workload:
                    - cyclictest: {threads: 2, priority: 99, interval: 1ms}
                """;
        RunResult r = SingleRun.run(ScenarioLoader.loadString(yaml, "stall-ct.yaml", List.of()), 0);
        for (ThreadResult t : r.threads()) {
            assertTrue(t.maxNs() >= 50_000, "some sample waited for a whole SMI: max " + t.maxNs());
            Attribution max = t.maxSample();
            long smi = max.components().stream().filter(c -> c.label().startsWith("SMI"))
                    .mapToLong(Attribution.Component::ns).sum();
            assertTrue(smi > 0, "the max sample names the SMI: " + max.components());
            assertEquals(t.maxNs(), max.totalNs());
        }
    }
}
