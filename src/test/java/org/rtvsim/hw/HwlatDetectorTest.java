package org.rtvsim.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.engine.Simulation;
import org.rtvsim.experiment.Model;
import org.rtvsim.experiment.ModelBuilder;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.Attribution;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * The hwlat detector sees exactly the stalls that begin inside a sampling width, one sample per
 * width (its largest gap above the threshold), and nothing in the non-sampling periods.
 */
class HwlatDetectorTest {
    private static final long MS = 1_000_000L;
    private static final long US = 1_000L;

    private static ScenarioSpec fixedSmis(String interval, String duration, String runFor) {
        String yaml = """
                name: hwlat-fixed
                duration: %s
                warmup: 0ns
                hardware:
                  cpus: 2
                  smi: {interval: {fixed: %s}, duration: {fixed: %s}}
                host:
                  kernel: {preempt: rt}
                  workload:
                    - cyclictest: {threads: 2, priority: 99}
                """.formatted(runFor, interval, duration);
        return ScenarioLoader.loadString(yaml, "hwlat-fixed.yaml", List.of());
    }

    private static HwlatDetector detect(ScenarioSpec s, long windowNs, long widthNs, long thresholdNs, long endNs) {
        Model m = ModelBuilder.build(s, 0);
        HwlatDetector d = new HwlatDetector(m.sim(), windowNs, widthNs, thresholdNs, endNs);
        d.attach(m.machine().cpu(0));
        m.start();
        m.sim().runUntil(endNs);
        return d;
    }

    @Test
    void fixedSmis_countsAndMax_followTheWindowArithmetic() {
        long period = 300 * MS;
        long smiLen = 50 * US;
        long window = 1000 * MS;
        long width = 500 * MS;
        long end = 3000 * MS;
        HwlatDetector d = detect(fixedSmis("300ms", "50us", "3s"), window, width, 10 * US, end);

        // SMIs start at 300, 600, ..., 2700 ms (the one at 3000 ms begins at the end: not counted).
        // The loop spins in [k s, k s + 500 ms): it sees the SMIs at 300, 1200, 2100 and 2400 ms;
        // 1500 ms is the first instant of a non-sampling period (widths are half-open).
        List<Long> seenStarts = new ArrayList<>();
        List<Long> windowsWithSample = new ArrayList<>();
        long stalls = 0;
        for (long t = period; t < end; t += period) {
            stalls++;
            if (t % window < width) {
                seenStarts.add(t);
                if (!windowsWithSample.contains(t / window)) {
                    windowsWithSample.add(t / window);
                }
            }
        }
        assertEquals(List.of(300 * MS, 1200 * MS, 2100 * MS, 2400 * MS), seenStarts, "the arithmetic itself");
        assertEquals(9, stalls);
        assertEquals(stalls, d.stalls());
        assertEquals(smiLen, d.longestStallNs());
        assertEquals(seenStarts.size(), d.gaps().size());
        assertTrue(d.gaps().stream().allMatch(g -> g == smiLen), "every gap is a whole SMI: " + d.gaps());
        assertEquals(windowsWithSample.size(), d.samples().size(), "one sample per width with a gap");
        assertEquals(smiLen, d.maxNs());
        List<Integer> perWidth = d.samples().stream().map(HwlatDetector.Sample::gapsOverThreshold).toList();
        assertEquals(List.of(1, 1, 2), perWidth, "the third width (2 s) holds the SMIs at 2.1 and 2.4 s");
        for (int i = 0; i < d.samples().size(); i++) {
            HwlatDetector.Sample s = d.samples().get(i);
            assertEquals(windowsWithSample.get(i) * window + width, s.timestampNs(), "stamped at the width's end");
            assertEquals(0, s.innerNs());
            assertEquals(smiLen, s.outerNs());
        }
    }

    @Test
    void gapsAtOrBelowTheThreshold_areSeenButNotSampled() {
        HwlatDetector d = detect(fixedSmis("300ms", "10us", "3s"), 1000 * MS, 500 * MS, 10 * US, 3000 * MS);
        assertEquals(4, d.gaps().size());
        assertEquals(0, d.samples().size(), "10 us is not above a 10 us threshold");
        assertEquals(0, d.maxNs());
    }

    @Test
    void aGapRunningPastTheWidthsEnd_isSeenWhole() {
        // SMIs of 2 ms every 499 ms: the one at 499 ms begins 1 ms before the width ends at 500 ms.
        HwlatDetector d = detect(fixedSmis("499ms", "2ms", "1s"), 1000 * MS, 500 * MS, 10 * US, 1000 * MS);
        assertEquals(List.of(2 * MS), d.gaps());
        assertEquals(1, d.samples().size());
        assertEquals(501 * MS, d.samples().get(0).timestampNs(), "the loop stops after the gap");
    }

    @Test
    void badParameters_areRejected() {
        Simulation sim = ModelBuilder.build(fixedSmis("300ms", "10us", "1s"), 0).sim();
        assertThrows(IllegalArgumentException.class, () -> new HwlatDetector(sim, 1000, 1000, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> new HwlatDetector(sim, 1000, 500, 0, 1));
    }

    @Test
    void baremetalRtSmi_theMaxSampleIsAnSmi() {
        // The scenario's SMI rate (0.5/s) rarely meets a wake-up in a short run; 50/s (same lengths)
        // makes hits certain in 5 s while keeping everything else of the scenario.
        ScenarioSpec s = ScenarioLoader.load(Path.of("scenarios/baremetal-rt-smi.yaml"),
                List.of("hardware.smi.interval.exponential.mean=20ms", "duration=5s"));
        RunResult r = SingleRun.run(s, 0);
        ThreadResult worst = r.threads().stream().max(Comparator.comparingLong(ThreadResult::maxNs)).orElseThrow();
        Attribution.Component top = worst.maxSample().components().stream()
                .max(Comparator.comparingLong(Attribution.Component::ns)).orElseThrow();
        assertEquals("SMI (firmware)", top.label(), "largest component of the max sample: " + worst.maxSample());

        // The same replication's SMIs, watched by a detector: the SMI part of the max sample is at most
        // the longest SMI, and the max latency exceeds the SMI's part by the wake-up path.
        long total = s.warmupNs() + s.durationNs();
        HwlatDetector d = detect(s, 1000 * MS, 999 * MS, 10 * US, total);
        assertTrue(d.stalls() > 100 && r.smiCount() - d.stalls() <= 1,
                "same SMIs as the run (the last may still be running): " + r.smiCount() + " vs " + d.stalls());
        assertTrue(top.ns() <= d.longestStallNs(), top.ns() + " <= " + d.longestStallNs());
        assertTrue(worst.maxNs() > top.ns());
        assertTrue(worst.maxNs() >= 10 * US, "an SMI-hit sample is beyond the idle floor: " + worst.maxNs());
    }
}
