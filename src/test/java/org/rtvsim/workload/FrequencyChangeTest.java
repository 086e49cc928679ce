package org.rtvsim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.scenario.ScenarioLoader;

/** A P-state change: the transition stall, and work after it scaled by the new frequency. */
class FrequencyChangeTest {

    private static long response(String event) {
        String yaml = """
                name: freq
                duration: 100ms
                warmup: 0ns
                hardware: {cpus: 1, freq: 2.4GHz}
                host:
                  kernel: {preempt: rt, overheads: none}
                  workload:
                    - periodic:
                        tasks: [{name: job, period: 1s, offset: 10ms, wcet: {fixed: 10ms}, priority: 50, cpu: 0}]
                %s
                """.formatted(event);
        return SingleRun.run(ScenarioLoader.loadString(yaml, "freq.yaml", List.of()), 0).tasks().get(0).maxNs();
    }

    @Test
    void halfFrequency_doublesTheWork_andTheStallKeepsItsLength() {
        assertEquals(10_000_000L, response(""));
        // at 15 ms (5 ms of the job done) the CPU drops to 1.2 GHz: 20 us stall, then the other 5 ms of
        // work take 10 ms: the job ends at 15.02 + 10 = 25.02 ms, a response of 15.02 ms
        assertEquals(15_020_000L, response("events:\n  - cpu_frequency_change: {at: 15ms, cpus: \"0\", freq: 1.2GHz}"));
        // back to nominal at the same time: only the stall
        assertEquals(10_020_000L, response("events:\n  - cpu_frequency_change: {at: 15ms, cpus: \"0\", freq: 2.4GHz}"));
    }
}
