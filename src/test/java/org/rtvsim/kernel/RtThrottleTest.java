package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * RT throttling (sched_rt_runtime_us 950 ms of every 1 s by default): a FIFO task needing 2 s of
 * CPU is stopped for the last 50 ms of each period while a fair task wants the CPU, and is not
 * stopped when no fair task is waiting (the 6.12+ dl_server behaviour).
 */
class RtThrottleTest {

    private static long response(String extraWorkload, String throttling) {
        String yaml = """
                name: thr
                duration: 3s
                warmup: 0ns
                hardware: {cpus: 1}
                host:
                  kernel: {preempt: rt, overheads: none %s}
                  workload:
                    - periodic:
                        tasks: [{name: hog, period: 10s, wcet: {fixed: 2s}, priority: 50, cpu: 0}]
                %s
                """.formatted(throttling, extraWorkload);
        return SingleRun.run(ScenarioLoader.loadString(yaml, "thr.yaml", List.of()), 0).tasks().get(0).maxNs();
    }

    private static final String FAIR = "    - kernel_activity: {cpus: \"0\", tasks: 1, think: {fixed: 1ms}, "
            + "segments: [{kind: kernel, length: {fixed: 1us}}]}";

    @Test
    void rtHog_withFairTaskWaiting_isThrottled50msPerSecond() {
        // runs 0-0.95 s, throttled to 1 s, runs 1-1.95 s, throttled to 2 s, runs 2-2.1 s
        assertEquals(2_100_000_000L, response(FAIR, ""));
    }

    @Test
    void rtHog_withoutFairTasks_keepsTheCpu() {
        assertEquals(2_000_000_000L, response("", ""));
    }

    @Test
    void rtHog_withThrottlingOff_keepsTheCpuEvenWithFairTasks() {
        assertEquals(2_000_000_000L, response(FAIR, ", rt_throttling: off"));
    }

    @Test
    void rtHog_withShorterBudget_isThrottledLonger() {
        // 800 ms of every 1 s: runs 0-0.8, 1-1.8, 2-2.4 s
        assertEquals(2_400_000_000L, response(FAIR, ", rt_throttling: {runtime: 800ms, period: 1s}"));
    }

    @Test
    void rtHog_fairTaskThatMostlySleeps_onlyCostsItsOwnRunTime() {
        // a fair task waking every 10 ms (blocked in between) for 10 us: once the budget is used, each of
        // its wake-ups stops the RT task only while it runs, not for the rest of the period
        String sleeper = "    - kernel_activity: {cpus: \"0\", tasks: 1, think: {fixed: 0ns}, "
                + "segments: [{kind: kernel, length: {fixed: 10us}}], sleep: {fixed: 10ms}, sleep_probability: 1}";
        long r = response(sleeper, "");
        assertTrue(r > 2_000_000_000L && r < 2_010_000_000L, "response " + r);
    }
}
