package org.rtvsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rtvsim.measure.RunResult;
import org.rtvsim.report.CyclictestText;
import org.rtvsim.report.SummaryJson;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/** Invariant of DESIGN.md §1.5 / §6.2: same scenario and seed ⇒ the same bytes, on any thread. */
class DeterminismTest {
    /** Every random source at once: hackbench, a device IRQ with softirq, SMIs, default costs, C-states. */
    static final String BUSY = """
            name: busy
            seed: %d
            duration: 300ms
            warmup: 10ms
            hardware:
              cpus: 4
              smi: {interval: {exponential: {mean: 50ms}}, duration: {fixed: 20us}}
            host:
              kernel: {preempt: %s}
              workload:
                - kernel_activity: {profile: hackbench}
                - device_irq: {name: nic, rate: 5khz, handler: {lognormal: {median: 3us, sigma: 0.5}},
                               softirq: {exponential: {mean: 8us}}}
                - cyclictest: {threads: 4, priority: 99, interval: 1ms}
            """;

    static ScenarioSpec busy(long seed, String preempt) {
        return ScenarioLoader.loadString(BUSY.formatted(seed, preempt), "busy.yaml", List.of());
    }

    static String bytes(RunResult r) {
        try {
            StringBuilder sb = new StringBuilder(SummaryJson.toString(r, false));
            CyclictestText.write(r, sb, true);
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void run_sameSeedTwice_givesIdenticalBytes() {
        ScenarioSpec s = busy(7, "full");
        String first = bytes(SingleRun.run(s, 0));
        String second = bytes(SingleRun.run(s, 0));
        assertEquals(first, second);
    }

    @Test
    void run_fourConcurrentRuns_giveTheSequentialBytes() throws Exception {
        ScenarioSpec s = busy(7, "rt");
        String sequential = bytes(SingleRun.run(s, 0));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> fs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                fs.add(pool.submit(() -> bytes(SingleRun.run(s, 0))));
            }
            for (Future<String> f : fs) {
                assertEquals(sequential, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void run_differentSeed_givesDifferentBytes() {
        assertNotEquals(bytes(SingleRun.run(busy(7, "full"), 0)), bytes(SingleRun.run(busy(8, "full"), 0)));
    }

    @Test
    void run_differentReplication_givesDifferentBytes() {
        ScenarioSpec s = busy(7, "full");
        assertNotEquals(bytes(SingleRun.run(s, 0)), bytes(SingleRun.run(s, 1)));
    }
}
