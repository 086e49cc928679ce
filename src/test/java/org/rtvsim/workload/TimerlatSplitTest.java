package org.rtvsim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.Attribution;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.measure.TimerlatStats;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/** The IRQ/thread split of each sample (rtla timerlat's view) taken at the measuring thread's wake-up. */
class TimerlatSplitTest {

    private static long sum(Attribution a) {
        return a.components().stream().mapToLong(Attribution.Component::ns).sum();
    }

    /**
     * On an idle PREEMPT_RT machine with fixed costs the timeline of every sample is: (C-state exit) → timer
     * interrupt entry → the thread's hrtimer callback → context switch → return to user → clock read. The IRQ
     * latency is what comes before the callback, the callback is its own label, and the split of the max sample
     * adds up: before + after = the sample, before = IRQ latency + callback.
     */
    @Test
    void idleMachine_splitAtTheWakeUp_matchesTheTimeline() {
        ScenarioSpec s = ScenarioLoader.loadString("""
                name: split
                duration: 200ms
                warmup: 10ms
                hardware: {cpus: 2}
                host:
                  kernel: {preempt: rt}
                  workload:
                    - cyclictest: {threads: 2, priority: 99}
                """, "split.yaml", List.of());
        RunResult r = SingleRun.run(s, 0);
        for (ThreadResult t : r.threads()) {
            TimerlatStats tl = t.timerlat();
            assertEquals(t.samples(), tl.irqCount(), "every sample slept and was woken by its timer");
            assertTrue(tl.irqMaxNs() <= t.maxNs());
            assertEquals(t.samples(), tl.threadUs().total());
            TimerlatStats.MaxSplit m = tl.max();
            assertEquals(t.maxNs(), m.latencyNs());
            assertEquals(m.latencyNs(), sum(m.beforeWake()) + sum(m.afterWake()));
            assertEquals(m.irqNs() + m.callbackNs(), sum(m.beforeWake()));
            long expiry = m.beforeWake().components().stream()
                    .filter(c -> c.label().startsWith("hrtimer expiry + wake-up (")).mapToLong(Attribution.Component::ns)
                    .sum();
            assertEquals(expiry, m.callbackNs());
            assertTrue(m.afterWake().components().stream().anyMatch(c -> c.label().equals("context switch")));
            assertTrue(m.afterWake().components().stream().noneMatch(c -> c.label().startsWith("hrtimer expiry")));
            assertTrue(m.beforeWake().components().stream().anyMatch(c -> c.label().equals("timer interrupt entry")));
        }
    }

    /** A sample sink only observes: the results with one are those without. (That the wake-up observation itself changes nothing was checked by comparing run outputs of five ready scenarios before and after it.) */
    @Test
    void sampleSink_doesNotChangeResults() {
        ScenarioSpec s = ScenarioLoader.load(Path.of("scenarios", "baremetal-rt-hackbench.yaml"), List.of())
                .withDuration(100_000_000L);
        RunResult a = SingleRun.run(s, 0);
        RunResult b = SingleRun.run(s, 0, null, null, (thread, cpu, at, lat, irq, top) -> { });
        for (int i = 0; i < a.threads().size(); i++) {
            assertEquals(a.threads().get(i).maxNs(), b.threads().get(i).maxNs());
            assertEquals(a.threads().get(i).sumNs(), b.threads().get(i).sumNs());
            assertEquals(a.threads().get(i).maxSample(), b.threads().get(i).maxSample());
        }
    }
}
