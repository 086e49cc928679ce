package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * Timer slack (kernel/time/hrtimer.c hrtimer_nanosleep, init/init_task.c timer_slack_ns = 50 µs): a SCHED_OTHER
 * cyclictest thread's clock_nanosleep may expire anywhere from its time (soft) to 50 µs later (hard); the
 * device is programmed for the hard expiry, so on an otherwise quiet CPU every sample is 50 µs late, while an
 * RT thread has no slack. An interrupt of the same CPU's timer raised for another timer inside the window
 * expires the slack timer early (__hrtimer_run_queues runs every timer whose soft expiry has passed).
 *
 * <p>With {@code overheads: none} the wake-up path costs nothing but cyclictest's clock read (a few ns).
 */
class TimerSlackTest {
    private static final long US = 1_000L;

    private static RunResult run(String workload, String kernelExtra) {
        String yaml = """
                name: slack
                duration: 20s
                warmup: 0ns
                hardware: {cpus: 1}
                host:
                  kernel: {preempt: full, overheads: none, hz: 250%s}
                  workload:
                %s
                measure: {attribution: true}
                """.formatted(kernelExtra, workload);
        return SingleRun.run(ScenarioLoader.loadString(yaml, "slack.yaml", List.of()), 0);
    }

    private static final String OTHER =
            "    - cyclictest: {threads: 1, cpus: \"0\", priority: 0, policy: other, interval: 1ms}";

    @Test
    void schedOther_sleepsExactlyTheSlackLonger_onAQuietCpu() {
        ThreadResult t = run(OTHER, "").threads().get(0);
        assertTrue(t.minNs() >= 50 * US && t.maxNs() < 50 * US + 200, t.minNs() + " .. " + t.maxNs());
        var slack = t.maxSample().components().stream().filter(c -> c.label().startsWith("timer slack"))
                .findFirst().orElseThrow(() -> new AssertionError(t.maxSample().toString()));
        assertEquals("timer slack (cyclictest T0, SCHED_OTHER)", slack.label());
        assertEquals(50 * US, slack.ns(), "the slack, charged as such (not as idle)");
    }

    @Test
    void fifo_andZeroSlack_haveNoSlack() {
        ThreadResult fifo = run(OTHER.replace("priority: 0, policy: other", "priority: 99, policy: fifo"), "")
                .threads().get(0);
        assertTrue(fifo.maxNs() < 200, "FIFO: " + fifo.maxNs());
        ThreadResult zero = run(OTHER, ", timer_slack: 0ns").threads().get(0);
        assertTrue(zero.maxNs() < 200, "timer_slack 0: " + zero.maxNs());
        ThreadResult ten = run(OTHER, ", timer_slack: 10us").threads().get(0);
        assertTrue(ten.minNs() >= 10 * US && ten.maxNs() < 10 * US + 200, "10 us: " + ten.maxNs());
    }

    /**
     * A FIFO thread every 1001 µs on the same CPU: relative to the 1 ms SCHED_OTHER thread its expiry moves by
     * 1 µs per cycle, so it falls inside the other's 50 µs window for 50 of every 1001 of its expiries —
     * a fraction 50/1001 of the other thread's samples are early, spread evenly over [0, 50) µs (mean 25 µs ± the
     * 1 µs step); the rest are 50 µs late.
     */
    @Test
    void anotherTimersInterrupt_insideTheWindow_expiresTheSlackTimerEarly() {
        RunResult r = run(OTHER + "\n    - cyclictest: {threads: 1, cpus: \"0\", priority: 99, policy: fifo, "
                + "interval: 1001us}", "");
        ThreadResult other = r.threads().stream().filter(t -> t.priority() == 0).findFirst().orElseThrow();
        long early = 0;
        double sum = 0;
        for (int b = 0; b < 50; b++) {
            early += other.count(b);
            sum += other.count(b) * (b + 0.5);
        }
        long late = other.count(50);
        assertEquals(other.samples(), early + late, "every sample is early (< 50 us) or 50 us late");
        double fraction = (double) early / other.samples();
        assertEquals(50.0 / 1001, fraction, 0.002, "early fraction");
        assertEquals(25.0, sum / early, 1.0, "mean lateness of the early samples");
    }
}
