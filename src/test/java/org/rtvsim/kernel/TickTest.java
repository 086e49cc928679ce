package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * The periodic tick (a hardirq every 1/HZ while the CPU is busy, NO_HZ_IDLE) and {@code nohz_full},
 * which stops it on a CPU running a single task. Fixed costs: every tick costs entry 1 us + handler
 * 2 us and lengthens a running job by 3 us.
 */
class TickTest {

    private static long response(String kernelExtra, String extraTask) {
        String yaml = """
                name: tick
                duration: 20ms
                warmup: 0ns
                hardware: {cpus: 1, cstates: {max_cstate: C0}}
                host:
                  kernel:
                    preempt: rt
                    hz: 1000
                    %s
                    costs: {irq_entry: {fixed: 1us}, timer_expiry: {fixed: 0ns}, context_switch: {fixed: 0ns},
                            return_to_user: {fixed: 0ns}, ipi: {fixed: 0ns}, irq_thread_stub: {fixed: 0ns},
                            wakeup: {fixed: 0ns}, tick: {fixed: 2us}}
                  workload:
                    - periodic:
                        tasks:
                          - {name: job, period: 100ms, wcet: {fixed: 10ms}, priority: 50, cpu: 0}
                %s
                """.formatted(kernelExtra, extraTask);
        var r = SingleRun.run(ScenarioLoader.loadString(yaml, "tick.yaml", List.of()), 0);
        return r.tasks().get(0).maxNs();
    }

    @Test
    void busyCpu_takesOneTickPerJiffy() {
        // the release interrupt costs 1 us; the 10 ms job is then hit by 10 ticks of 3 us each (the tick
        // phase is random, so 10 or 11 ticks fall into the 10.03 ms the job occupies: 10 here)
        long r = response("", "");
        long ticks = (r - 10_000_000 - 1_000) / 3_000;
        assertEquals(0, (r - 10_000_000 - 1_000) % 3_000, "whole ticks: " + r);
        assertEquals(10, ticks, "ticks during the job: " + r);
    }

    @Test
    void nohzFull_singleTask_noTicks() {
        assertEquals(10_001_000, response("nohz_full: \"0\"", ""));
    }

    @Test
    void nohzFull_twoRunnableTasks_tickRuns() {
        // a second runnable (fair) task on the CPU keeps the tick on even under nohz_full
        long r = response("nohz_full: \"0\"",
                "    - kernel_activity: {cpus: \"0\", tasks: 1, think: {fixed: 1ms}, segments: [{kind: user, length: {fixed: 1ms}}]}");
        assertEquals(0, (r - 10_001_000) % 3_000, "whole ticks: " + r);
        assertTrue(r >= 10_001_000 + 10 * 3_000, "ticks while two tasks are runnable: " + r);
    }
}
