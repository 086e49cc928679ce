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
 * Third rung of DESIGN.md §6, from the defaults alone: under the same load — hackbench and a NIC whose
 * softirq work runs at irq exit on non-RT kernels and in a thread on RT — PREEMPT_RT's tail is below PREEMPT
 * (full)'s, which is below no preemption's; with nothing running, both preemptible models stay within a few
 * tens of microseconds. The load profiles' lock and irqs-off sections share one measured shape in every model
 * (docs/model-reference.md §13), so the ordering comes from what each model makes preemptible, and is judged
 * on the supported p99 and the averages, plus rt's maximum below full's; the maxima of full and none differ by
 * a syscall path only and are not ordered reliably. Runs are independent (each owns its simulator), so they
 * share a pool; the figures do not depend on it.
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
    private static final String HACKBENCH = "    - kernel_activity: {profile: hackbench}\n"
            + "    - device_irq: {name: nic, rate: 10khz, softirq: {exponential: {mean: 10us}}}\n";

    /** Pooled over the 4 threads: {min, avg, max, p99} in ns. */
    private static long[] pooled(RunResult r) {
        long min = Long.MAX_VALUE;
        long max = 0;
        long sum = 0;
        long n = 0;
        org.HdrHistogram.Histogram all = r.threads().get(0).hdr().copy();
        for (ThreadResult t : r.threads()) {
            min = Math.min(min, t.minNs());
            max = Math.max(max, t.maxNs());
            sum += t.sumNs();
            n += t.samples();
            if (t != r.threads().get(0)) {
                all.add(t.hdr());
            }
        }
        return new long[] {min, sum / n, max, all.getValueAtPercentile(99)};
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
        figures.forEach((k, v) -> sb.append(String.format("%s min/avg/max/p99 %.2f/%.2f/%.2f/%.2f us; ", k, v[0] / 1e3,
                v[1] / 1e3, v[2] / 1e3, v[3] / 1e3)));
        return sb.toString();
    }

    @Test
    void maxLatency_hackbenchOnAllCpus_rtBelowFullBelowNone() throws Exception {
        Map<String, long[]> f = runAll(List.of("rt", "full", "none"), HACKBENCH);
        String d = describe(f);
        System.out.println("hackbench, 10 s, 4 threads pooled: " + d);
        assertTrue(f.get("rt")[2] < f.get("full")[2], "rt max < full max: " + d);
        assertTrue(f.get("rt")[3] < f.get("full")[3] && f.get("full")[3] < f.get("none")[3], "p99: " + d);
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
