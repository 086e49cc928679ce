package org.rtvsim.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyOverTimeTest {
    private static final List<Double> PS = List.of(50.0);
    private static final long MS = 1_000_000L;

    private static LatencyRecorder recorder(boolean attribution, BlameRegistry b) {
        return new LatencyRecorder("ct0", 0, 0, 95, MS, 1000, 100, attribution, b);
    }

    @Test
    void windows_startAtFirstSampleAndKeepEachWindowsMaxWithItsTime() {
        LatencyRecorder r = recorder(false, new BlameRegistry());
        long origin = 5 * MS;
        r.record(3000, 0, origin, new int[0], new long[0], 0);
        r.record(7000, 1, origin + 4 * MS, new int[0], new long[0], 0);
        r.record(7000, 2, origin + 6 * MS, new int[0], new long[0], 0); // tie: the first stays
        r.record(2000, 3, origin + 25 * MS, new int[0], new long[0], 0); // window 2; window 1 empty
        List<WindowMax> w = r.result(PS, 99.9).latencyOverTime();
        assertEquals(List.of(new WindowMax(origin, 10 * MS, 7000, origin + 4 * MS, null),
                new WindowMax(origin + 20 * MS, 10 * MS, 2000, origin + 25 * MS, null)), w);
    }

    @Test
    void windows_full_mergePairsAndDoubleTheWidth() {
        LatencyRecorder r = recorder(false, new BlameRegistry());
        long samples = 2 * LatencyOverTime.WINDOWS * 10; // 1 ms apart: 1024 windows of 10 ms → 512 of 20 ms
        for (long i = 0; i < samples; i++) {
            long latency = i == 15 ? 90_000 : 1000 + i % 7;
            r.record(latency, i, i * MS, new int[0], new long[0], 0);
        }
        List<WindowMax> w = r.result(PS, 99.9).latencyOverTime();
        assertEquals(LatencyOverTime.WINDOWS, w.size());
        assertTrue(w.stream().allMatch(x -> x.widthNs() == 20 * MS));
        assertEquals(new WindowMax(0, 20 * MS, 90_000, 15 * MS, null), w.get(0));
        assertEquals(20 * MS * (LatencyOverTime.WINDOWS - 1), w.get(w.size() - 1).startNs());
    }

    @Test
    void windows_farJump_mergesAsOftenAsNeeded() {
        LatencyRecorder r = recorder(false, new BlameRegistry());
        r.record(5000, 0, 0, new int[0], new long[0], 0);
        r.record(4000, 1, 3600_000 * MS, new int[0], new long[0], 0); // one hour later
        List<WindowMax> w = r.result(PS, 99.9).latencyOverTime();
        assertEquals(2, w.size());
        assertEquals(5000, w.get(0).maxNs());
        long width = w.get(0).widthNs();
        assertTrue(3600_000 * MS / width < LatencyOverTime.WINDOWS && 3600_000 * MS / width >= LatencyOverTime.WINDOWS / 2,
                "width " + width);
    }

    @Test
    void label_isTheLargestComponentSummedOverRepeatedIds() {
        BlameRegistry b = new BlameRegistry();
        int smi = b.id("SMI");
        int irq = b.id("hardirq");
        LatencyRecorder r = recorder(true, b);
        r.record(9000, 0, 0, new int[] {irq, smi, irq}, new long[] {2000, 4000, 3000}, 3);
        r.record(4000, 1, 20 * MS, new int[] {smi, irq}, new long[] {2000, 2000}, 2); // tie: "SMI" < "hardirq"
        List<WindowMax> w = r.result(PS, 99.9).latencyOverTime();
        assertEquals("hardirq", w.get(0).label());
        assertEquals("SMI", w.get(1).label());
    }

    @Test
    void label_attributionOff_isNull() {
        LatencyRecorder r = recorder(false, new BlameRegistry());
        r.record(9000, 0, 0, new int[0], new long[0], 0);
        assertNull(r.result(PS, 99.9).latencyOverTime().get(0).label());
    }

    @Test
    void oldRecord_derivesIntendedTimeFromCycleAndInterval() {
        LatencyRecorder r = recorder(false, new BlameRegistry());
        r.record(1000, 0, new int[0], new long[0], 0);
        r.record(2000, 25, new int[0], new long[0], 0);
        List<WindowMax> w = r.result(PS, 99.9).latencyOverTime();
        assertEquals(25 * MS, w.get(1).atNs());
        assertEquals(20 * MS, w.get(1).startNs());
    }
}
