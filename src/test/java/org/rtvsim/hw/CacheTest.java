package org.rtvsim.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.report.SummaryJson;
import org.rtvsim.scenario.ScenarioLoader;

/** The LLC model: eviction by a streaming neighbour, its refill cost on wake-up, and CAT isolation. */
class CacheTest {

    private static final String BASE = """
            name: cache
            duration: 1s
            warmup: 10ms
            hardware:
              cpus: 2
              llc: {size: 30MiB, ways: 20, wakeup_lines: 200, mlp: 3}
              dram_latency: 85ns
              %s
            host:
              kernel: {preempt: rt}
              workload:
                - cyclictest: {threads: 1, cpus: "1", priority: 99, interval: 1ms}
                %s
            """;
    private static final String HOG = "- cache_hog: {cpus: \"0\", bandwidth: 20GB/s, footprint: 128MiB}";
    private static final String CAT = "cat: {classes: {rt: {ways: \"0-5\", cpus: \"1\"}, default: {ways: \"6-19\"}}}";

    private static RunResult run(String cat, String hog) {
        return SingleRun.run(ScenarioLoader.loadString(BASE.formatted(cat, hog), "cache.yaml", List.of()), 0);
    }

    @Test
    void refill_matchesTheEvictionLaw() {
        // 20 GB/s into 30 MiB over ~1 ms asleep: f = 1 - exp(-20e9 * dt / 31457280); DRAM at 20 GB/s is
        // 85 + 14 * 20/68 = 89.1 ns; refill = f * 200 * 89.1 / 3 ns. The min sample sleeps about
        // 1 ms minus its own path, so compare with the same min under CAT (which has no refill).
        ThreadResult off = run("", HOG).threads().get(0);
        ThreadResult on = run(CAT, HOG).threads().get(0);
        double dram = 85 + 14.0 * 20 / 68;
        double f = 1 - Math.exp(-20e9 * 0.996e-3 / (30.0 * 1024 * 1024));
        double expected = f * 200 * dram / 3;
        double measured = off.avgNs() - on.avgNs();
        assertEquals(expected, measured, 30, "refill per wake-up (ns)");
        assertTrue(off.maxSample().components().stream().anyMatch(c -> c.label().equals("cache refill (LLC misses)")));
        assertTrue(on.maxSample().components().stream().noneMatch(c -> c.label().startsWith("cache refill")));
    }

    @Test
    void withoutANeighbour_catMakesNoDifference() throws java.io.IOException {
        String off = SummaryJson.toString(run("", ""), false);
        String on = SummaryJson.toString(run(CAT, ""), false);
        assertEquals(off.replace("\"scenario\"", ""), on.replace("\"scenario\"", ""));
    }

    @Test
    void llcSurvival_isOneForDisjointWays_andFollowsTheExponential() {
        long low = Cache.allWays(6);
        long high = Cache.allWays(20) & ~low;
        Cache c = new Cache(30L << 20, 20, new long[] {Cache.allWays(20), low}, 85, 200, 3, 256 << 10, 20, 0,
                new org.rtvsim.engine.StreamRegistry(1, 0));
        c.addStreamer(high, 10e9);
        assertEquals(1.0, c.llcSurvival(1, 0, 1_000_000), 0.0);
        double s = 30.0 * (1 << 20);
        double rate = 10e9 * 14 / 14; // all of the hog's ways are among CPU 0's
        assertEquals(Math.exp(-rate * 1e-3 / s), c.llcSurvival(0, 0, 1_000_000), 1e-12);
    }

    @org.junit.jupiter.api.Test
    void catWays_mustBeContiguous_andCpusInOneClassOnly() {
        org.rtvsim.scenario.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.rtvsim.scenario.ScenarioException.class, () -> run(
                        "cat: {classes: {rt: {ways: \"0-2,5\", cpus: \"1\"}, default: {ways: \"6-19\"}}}", HOG));
        assertTrue(e.getMessage().contains("hardware.cat.classes.rt.ways") && e.getMessage().contains("contiguous"),
                e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(org.rtvsim.scenario.ScenarioException.class, () -> run(
                "cat: {classes: {rt: {ways: \"0-5\", cpus: \"1\"}, other: {ways: \"6-9\", cpus: \"0-1\"}}}", HOG));
        assertTrue(e.getMessage().contains("also in class rt"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(org.rtvsim.scenario.ScenarioException.class, () -> run(
                "cat: {classes: {rt: {ways: \"0-25\", cpus: \"1\"}}}", HOG));
        assertTrue(e.getMessage().contains("ways"), e.getMessage());
    }

    @Test
    void catWithACoRunnerOnTheRtCpu_keepsItsL2Refills() {
        // the hog shares CPU 1 with cyclictest but has its own CAT class: no LLC line of CPU 1 is evicted,
        // yet every wake-up after the hog ran refills the L2 from the LLC (200 · 20 ns / 3 ≈ 1.3 µs)
        String coRunner = "- cache_hog: {cpus: \"1\", bandwidth: 20GB/s, footprint: 128MiB, cat_class: be}";
        String cat = "cat: {classes: {rt: {ways: \"0-5\", cpus: \"1\"}, be: {ways: \"6-19\"}}}";
        ThreadResult on = run(cat, coRunner).threads().get(0);
        ThreadResult off = run("", coRunner.replace(", cat_class: be", "")).threads().get(0);
        assertTrue(on.maxSample().components().stream().anyMatch(c -> c.label().equals("cache refill (LLC misses)")));
        assertTrue(off.avgNs() - on.avgNs() > 1000, "CAT removes the LLC part: " + off.avgNs() + " vs " + on.avgNs());
    }

    @Test
    void burstyHog_isDeterministic_andValidated() throws java.io.IOException {
        String bursty = "- cache_hog: {cpus: \"0\", bandwidth: 40GB/s, footprint: 128MiB, duty: 0.3, burst: 2ms}";
        String a = SummaryJson.toString(run("", bursty), false);
        assertEquals(a, SummaryJson.toString(run("", bursty), false));
        org.rtvsim.scenario.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.rtvsim.scenario.ScenarioException.class, () -> run("", bursty.replace("0.3", "1.5")));
        assertTrue(e.getMessage().contains("duty"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(org.rtvsim.scenario.ScenarioException.class,
                () -> SingleRun.run(ScenarioLoader.loadString(BASE.formatted("", HOG).replace("mlp: 3}", "mlp: 3, l2_size: lots}"), "cache.yaml", List.of()), 0));
        assertTrue(e.getMessage().contains("l2_size"), e.getMessage());
    }

    @Test
    void footprintAndMlp_mayBeDistributions_withinTheirRanges() {
        String llc = "llc: {size: 30MiB, ways: 20, wakeup_lines: 200, mlp: 3}";
        RunResult r = SingleRun.run(ScenarioLoader.loadString(BASE.formatted("", HOG).replace(llc,
                "llc: {wakeup_lines: {uniform: [100, 300]}, mlp: {lognormal: {median: 3, sigma: 0.3}}}"),
                "cache.yaml", List.of()), 0);
        assertTrue(r.threads().get(0).avgNs() > 0);
        org.rtvsim.scenario.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                org.rtvsim.scenario.ScenarioException.class, () -> ScenarioLoader.loadString(BASE.formatted("", HOG)
                        .replace(llc, "llc: {mlp: {uniform: [0.5, 3]}}"), "cache.yaml", List.of()));
        assertTrue(e.getMessage().contains("hardware.llc.mlp.uniform[0]") && e.getMessage().contains("1..64"),
                e.getMessage());
    }
}
