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
    void evictedFraction_isZeroForDisjointWays_andFollowsTheExponential() {
        long low = Cache.allWays(6);
        long high = Cache.allWays(20) & ~low;
        Cache c = new Cache(30L << 20, 20, new long[] {Cache.allWays(20), low}, 85, 200, 3, 0);
        c.addStreamer(high, 10e9);
        assertEquals(0.0, c.evictedFraction(1, 1_000_000), 0.0);
        double s = 30.0 * (1 << 20);
        double rate = 10e9 * 14 / 14; // all of the hog's ways are among CPU 0's
        assertEquals(1 - Math.exp(-rate * 1e-3 / s), c.evictedFraction(0, 1_000_000), 1e-12);
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
}
