package org.rtvsim.experiment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.ScenarioLoader;

/**
 * Third rung of DESIGN.md §6, from the defaults alone: under the same hackbench load, PREEMPT_RT's
 * worst case is below PREEMPT (full)'s, which is below no preemption's; with nothing running, both
 * preemptible models stay within a few tens of microseconds. Runs are independent (each owns its
 * simulator), so they share a pool; the figures do not depend on it.
 */
class PreemptionOrderingTest {
    private static final String SCENARIO = """
            name: ordering
            seed: 1
            duration: 10s
            hardware: {cpus: 4}
            host:
              kernel: {preempt: %s}
              workload:
            %s    - cyclictest: {threads: 4, priority: 99, interval: 1ms, mlock: true}
            """;
    private static final String HACKBENCH = "    - kernel_activity: {profile: hackbench}\n";

    /** Pooled over the 4 threads: {min, avg, max} in ns. */
    private static long[] pooled(RunResult r) {
        long min = Long.MAX_VALUE;
        long max = 0;
        long sum = 0;
        long n = 0;
        for (ThreadResult t : r.threads()) {
            min = Math.min(min, t.minNs());
            max = Math.max(max, t.maxNs());
            sum += t.sumNs();
            n += t.samples();
        }
        return new long[] {min, sum / n, max};
    }

    private static Map<String, long[]> runAll(List<String> models, String load) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(models.size(),
                Math.max(1, Runtime.getRuntime().availableProcessors())));
        try {
            Map<String, Future<RunResult>> fs = new LinkedHashMap<>();
            for (String p : models) {
                fs.put(p, pool.submit(() -> SingleRun.run(ScenarioLoader.loadString(SCENARIO.formatted(p, load),
                        "ordering-" + p + ".yaml", List.of()), 0)));
            }
            Map<String, long[]> out = new LinkedHashMap<>();
            for (var e : fs.entrySet()) {
                out.put(e.getKey(), pooled(e.getValue().get()));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String describe(Map<String, long[]> figures) {
        StringBuilder sb = new StringBuilder();
        figures.forEach((k, v) -> sb.append(String.format("%s min/avg/max %.2f/%.2f/%.2f us; ", k, v[0] / 1e3,
                v[1] / 1e3, v[2] / 1e3)));
        return sb.toString();
    }

    @Test
    void maxLatency_hackbenchOnAllCpus_rtBelowFullBelowNone() throws Exception {
        Map<String, long[]> f = runAll(List.of("rt", "full", "none"), HACKBENCH);
        String d = describe(f);
        System.out.println("hackbench, 10 s, 4 threads pooled: " + d);
        assertTrue(f.get("rt")[2] < f.get("full")[2], "rt < full: " + d);
        assertTrue(f.get("full")[2] < f.get("none")[2], "full < none: " + d);
        assertTrue(f.get("rt")[1] < f.get("full")[1] && f.get("full")[1] < f.get("none")[1], "averages too: " + d);
    }

    @Test
    void maxLatency_idleSystem_below30usForRtAndFull() throws Exception {
        Map<String, long[]> f = runAll(List.of("rt", "full"), "");
        String d = describe(f);
        System.out.println("idle, 10 s, 4 threads pooled: " + d);
        assertTrue(f.get("rt")[2] < 30_000, "rt: " + d);
        assertTrue(f.get("full")[2] < 30_000, "full: " + d);
    }
}
