package org.rtvsim.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rtvsim.measure.TraceSink.Slice;

class OsnoiseRecorderTest {

    /**
     * A hand-made timeline of CPU 2, samples of 1 ms runtime every 2 ms from t = 0, warm-up until 2 ms (sample 0 not
     * counted). Sample 1 [2, 3) ms: the thread runs, an IRQ 2.100–2.110, its softirq until 2.115, the thread, another
     * task 2.500–2.540 with a switch back until 2.542, the thread. Then idle 3–4 ms (between samples). Sample 2 [4, 5):
     * an SMI 4.200–4.260, the thread until the end at 5 ms. Noise: 15 + 42 = 57 us in sample 1, 60 us in sample 2.
     */
    @Test
    void handMadeTimeline_givesRtlasNumbers() {
        OsnoiseRecorder r = new OsnoiseRecorder(Map.of(2, "osnoise/2"), 2_000_000, 0, 2_000_000, 1_000_000);
        r.occupy(0, 2, Slice.TASK, "task osnoise/2", "osnoise/2");
        r.occupy(1_000_000, 2, Slice.HARDIRQ, "timer interrupt entry", "osnoise/2"); // sample 0: not counted
        r.occupy(1_001_000, 2, Slice.TASK, "task osnoise/2", "osnoise/2");
        r.occupy(2_100_000, 2, Slice.HARDIRQ, "irq nvme0 (hardirq)", "osnoise/2");
        r.occupy(2_110_000, 2, Slice.SOFTIRQ, "softirq NET_RX", "osnoise/2");
        r.occupy(2_115_000, 2, Slice.TASK, "task osnoise/2", "osnoise/2");
        r.occupy(2_500_000, 2, Slice.TASK, "kworker: work item", "kworker/2:1");
        r.occupy(2_540_000, 2, Slice.SWITCH, "context switch", "osnoise/2");
        r.occupy(2_542_000, 2, Slice.TASK, "task osnoise/2", "osnoise/2");
        r.occupy(3_000_000, 2, Slice.IDLE, "idle", null);
        r.occupy(4_000_000, 2, Slice.TASK, "task osnoise/2", "osnoise/2");
        r.occupy(4_200_000, 2, Slice.NO_SUPPLY, "SMI", null);
        r.occupy(4_260_000, 2, Slice.TASK, "task osnoise/2", "osnoise/2");
        List<OsnoiseRecorder.CpuNoise> out = r.result(5_000_000);
        // the single noises, all above the default 5-us threshold: 15 (IRQ + softirq), 42 (task + switch), 60 (SMI)
        MicrosecondCounts single = new MicrosecondCounts();
        single.addNs(15_000);
        single.addNs(42_000);
        single.addNs(60_000);
        assertEquals(List.of(new OsnoiseRecorder.CpuNoise(2, 2, 2_000_000, 117_000, 60_000, 60_000, 1, 0, 1, 1, 1,
                single)), out);
    }

    /** Noise that runs across sample boundaries is split between the samples; a single noise stays whole. */
    @Test
    void noiseAcrossTheSampleBoundary_isSplit() {
        OsnoiseRecorder r = new OsnoiseRecorder(Map.of(0, "osnoise/0"), 0, 0, 1_000_000, 1_000_000);
        r.occupy(0, 0, Slice.TASK, "task osnoise/0", "osnoise/0");
        r.occupy(900_000, 0, Slice.TASK, "hog", "hog");
        r.occupy(1_300_000, 0, Slice.TASK, "task osnoise/0", "osnoise/0");
        OsnoiseRecorder.CpuNoise c = r.result(2_000_000).get(0);
        assertEquals(400_000, c.noiseNs());
        assertEquals(300_000, c.maxSampleNoiseNs());
        assertEquals(400_000, c.maxSingleNs());
        assertEquals(1, c.thread());
    }

    /**
     * The histogram of single noises (rtla osnoise hist): a noise shorter than the threshold is left out, one that
     * runs past its sample window's end is cut there (the next window starts a new one), idle ends one.
     */
    @Test
    void singleNoises_belowThresholdLeftOut_cutAtTheWindowEnd() {
        OsnoiseRecorder r = new OsnoiseRecorder(Map.of(0, "osnoise/0"), 0, "", 5_000, 0, 0, 1_000_000, 1_000_000);
        r.occupy(0, 0, Slice.TASK, "task osnoise/0", "osnoise/0");
        r.occupy(100_000, 0, Slice.HARDIRQ, "timer interrupt entry", "osnoise/0");
        r.occupy(104_999, 0, Slice.TASK, "task osnoise/0", "osnoise/0"); // 4.999 us: below the threshold
        r.occupy(200_000, 0, Slice.HARDIRQ, "timer interrupt entry", "osnoise/0");
        r.occupy(205_000, 0, Slice.TASK, "task osnoise/0", "osnoise/0"); // 5 us: counted
        r.occupy(990_000, 0, Slice.TASK, "hog", "hog"); // 10 us to the window's end, then 7 us in the next
        r.occupy(1_007_000, 0, Slice.TASK, "task osnoise/0", "osnoise/0");
        r.occupy(1_500_000, 0, Slice.NO_SUPPLY, "SMI", null);
        r.occupy(1_520_500, 0, Slice.IDLE, "idle", null); // 20.5 us, ended by idle
        OsnoiseRecorder.CpuNoise c = r.result(2_000_000).get(0);
        MicrosecondCounts want = new MicrosecondCounts();
        for (long ns : new long[] {5_000, 10_000, 7_000, 20_500}) {
            want.addNs(ns);
        }
        assertEquals(want, c.single());
        assertEquals(4_999 + 5_000 + 17_000 + 20_500, c.noiseNs()); // the top view's sum has no threshold
    }

    /** A guest's CPUs are watched under their trace numbers and task names and reported under their own. */
    @Test
    void guestCpus_matchedByTraceNumberAndPrefixedName() {
        OsnoiseRecorder r = new OsnoiseRecorder(Map.of(3, "osnoise/3"), 1000, "rt: ", 5_000, 0, 0, 1_000_000,
                1_000_000);
        r.occupy(0, 3, Slice.TASK, "hog", "hog"); // host CPU 3: not watched
        r.occupy(0, 1003, Slice.TASK, "task osnoise/3", "rt: osnoise/3");
        r.occupy(500_000, 1003, Slice.NO_SUPPLY, "kvm: VM exit", null);
        r.occupy(530_000, 1003, Slice.TASK, "task osnoise/3", "rt: osnoise/3");
        OsnoiseRecorder.CpuNoise c = r.result(1_000_000).get(0);
        assertEquals(3, c.cpu());
        assertEquals(30_000, c.noiseNs());
        assertEquals(1, c.hw());
        assertEquals(1, c.single().count(30));
    }
}
