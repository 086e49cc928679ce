package org.rtvsim.virt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.experiment.Model;
import org.rtvsim.experiment.ModelBuilder;
import org.rtvsim.measure.ReplicatedResult;
import org.rtvsim.experiment.Replications;
import org.rtvsim.report.ReplicatedJson;
import org.rtvsim.report.ReplicatedText;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * Issue 4's invariants with several guests at once (three copies of the capacity scenario's 4-vCPU guest,
 * each with its qemu I/O thread, BQL and emulated I/O, plus host housekeeping): the same bytes on any
 * number of threads, and memory that does not grow with simulated time (DESIGN.md §1.6).
 */
class SeveralVmsTest {

    /** Three guests; cyclictest every 100 µs so that anything kept per sample would show. */
    static ScenarioSpec threeGuests(String... more) {
        List<String> sets = new java.util.ArrayList<>(List.of("vms[rt].count=3",
                "vms[rt].workload[0].cyclictest.interval=100us"));
        sets.addAll(List.of(more));
        return ScenarioLoader.load(Path.of("scenarios", "kvm-capacity.yaml"), sets);
    }

    static String bytes(ReplicatedResult r) throws IOException {
        StringBuilder sb = new StringBuilder();
        ReplicatedText.write(r, sb);
        return sb + ReplicatedJson.toString(r, false);
    }

    @Test
    void replications_oneOrTwoThreads_byteIdentical() throws IOException {
        ScenarioSpec s = threeGuests().withDuration(100_000_000L);
        ReplicatedResult one = Replications.run("three", s, 3, 1, 0.95, null);
        ReplicatedResult two = Replications.run("three", s, 3, 2, 0.95, null);
        assertEquals(bytes(one), bytes(two));
        assertEquals(6, one.runs().get(0).threads().size(), "two cyclictest threads in each of three guests");
    }

    /** Heap in use after full collections (the lowest of three readings). */
    static long usedHeapAfterGc() throws InterruptedException {
        long best = Long.MAX_VALUE;
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }

    /**
     * From 0.5 s to 5 s of simulated time the run executes millions more events and records 270 000
     * more latency samples; the event list and the retained heap stay where they were. A leak of one
     * small object per sample (≥ 24 bytes) would add ≥ 6.5 MB, one per event far more; the bound is
     * 4 MB, well above the noise of a collected heap (the model's own state is a few MB).
     */
    @Test
    void memory_doesNotGrowWithSimulatedTime() throws InterruptedException {
        ScenarioSpec s = threeGuests("vms[rt].idle=halt").withDuration(5_000_000_000L);
        Model m = ModelBuilder.build(s, 0);
        m.start();
        long t1 = s.warmupNs() + 500_000_000L;
        m.sim().runUntil(t1);
        int pending1 = m.sim().pendingEvents();
        long events1 = m.sim().events();
        long samples1 = samples(m);
        long heap1 = usedHeapAfterGc();

        int maxPending = pending1;
        for (long t = t1; t < s.warmupNs() + s.durationNs(); ) {
            t += 500_000_000L;
            m.sim().runUntil(t);
            maxPending = Math.max(maxPending, m.sim().pendingEvents());
        }
        long heap2 = usedHeapAfterGc();
        long moreSamples = samples(m) - samples1;
        long moreEvents = m.sim().events() - events1;

        assertTrue(moreSamples > 250_000, "samples recorded in between: " + moreSamples);
        assertTrue(moreEvents > 5_000_000, "events executed in between: " + moreEvents);
        assertTrue(maxPending <= pending1 + 32,
                "pending events stay bounded: " + pending1 + " at 0.5 s, up to " + maxPending + " later");
        assertTrue(heap2 - heap1 < 4L << 20, "retained heap grew by " + (heap2 - heap1) / 1024 + " KiB (from "
                + heap1 / 1024 + " KiB) over " + moreEvents + " events and " + moreSamples + " samples");
    }

    static long samples(Model m) {
        return m.latencyRecorders().stream().mapToLong(org.rtvsim.measure.LatencyRecorder::samples).sum();
    }
}
