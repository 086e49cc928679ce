package org.rtvsim.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
    private static final List<Double> PS = List.of(50.0, 99.0, 99.9);

    private static LatencyRecorder recorder(int buckets, boolean attribution, BlameRegistry blames) {
        return new LatencyRecorder("ct0", 0, 2, 95, 200_000, 1000, buckets, attribution, blames);
    }

    private static void plain(LatencyRecorder r, long ns, long cycle) {
        r.record(ns, cycle, new int[0], new long[0], 0);
    }

    @Test
    void record_attributionNotSummingToLatency_throwsNamingBothSums() {
        BlameRegistry b = new BlameRegistry();
        LatencyRecorder r = recorder(10, true, b);
        int[] ids = {b.id("a"), b.id("b")};
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> r.record(5000, 7, ids, new long[] {3000, 1000}, 2));
        assertTrue(e.getMessage().contains("4000 ns"), e.getMessage());
        assertTrue(e.getMessage().contains("5000 ns"), e.getMessage());
    }

    @Test
    void record_attributionOnWithoutPairs_throws() {
        LatencyRecorder r = recorder(10, true, new BlameRegistry());
        assertThrows(IllegalStateException.class, () -> plain(r, 10, 0));
    }

    @Test
    void record_latency_goesToTruncatedMicrosecondBucket() {
        LatencyRecorder r = recorder(5, false, new BlameRegistry());
        plain(r, 999, 0);
        plain(r, 1000, 1);
        plain(r, 1999, 2);
        plain(r, 4999, 3);
        ThreadResult t = r.result(PS, 99.9);
        assertArrayEquals(new long[] {1, 2, 0, 0, 1}, t.histogram());
        assertEquals(0, t.overflows());
        assertEquals(4, t.inHistogram());
    }

    @Test
    void avgUsTrunc_truncatesEachSampleThenTheMean_asCyclictest() {
        LatencyRecorder r = recorder(10, false, new BlameRegistry());
        plain(r, 1999, 0);
        plain(r, 1999, 1);
        plain(r, 2999, 2);
        ThreadResult t = r.result(PS, 99.9);
        // cyclictest: diffs 1, 1, 2 us -> sum 4 / 3 cycles -> (long) 1.33 = 1; the exact mean is 2.332 us
        assertEquals(4, t.sumUsTrunc());
        assertEquals(1, t.avgUsTrunc());
        assertEquals(6997.0 / 3, t.avgNs(), 1e-9);
        assertEquals(1, t.minUsTrunc());
        assertEquals(2, t.maxUsTrunc());
        assertEquals(1999, t.minNs());
        assertEquals(2999, t.maxNs());
    }

    @Test
    void overflows_beyondBuckets_listFirstNCycleNumbersAndCountAll() {
        LatencyRecorder r = recorder(3, false, new BlameRegistry());
        plain(r, 2500, 0);
        for (long cycle = 10; cycle < 15; cycle++) {
            plain(r, 3000 + cycle * 1000, cycle);
        }
        ThreadResult t = r.result(PS, 99.9);
        assertEquals(5, t.overflows());
        assertArrayEquals(new long[] {10, 11, 12}, t.overflowCycles());
        assertEquals(17, t.maxUsTrunc());
        assertEquals(6, t.samples());
        assertEquals(1, t.inHistogram());
    }

    @Test
    void maxSample_keepsAttributionOfFirstLargest() {
        BlameRegistry b = new BlameRegistry();
        int smi = b.id("SMI");
        int irq = b.id("hardirq");
        LatencyRecorder r = recorder(100, true, b);
        r.record(3000, 0, new int[] {irq}, new long[] {3000}, 1);
        r.record(9000, 1, new int[] {irq, smi, irq}, new long[] {1000, 6000, 2000}, 3);
        r.record(9000, 2, new int[] {irq}, new long[] {9000}, 1);
        Attribution max = r.result(PS, 99.9).maxSample();
        assertEquals(9000, max.totalNs());
        assertEquals(List.of(new Attribution.Component("SMI", 6000, 6000.0 / 9000),
                new Attribution.Component("hardirq", 3000, 3000.0 / 9000)), max.components());
    }

    @Test
    void tail_overClassesAtOrAboveP999_sumsTheKnownTail() {
        BlameRegistry b = new BlameRegistry();
        int base = b.id("context switch");
        int lock = b.id("spinlock section");
        int smi = b.id("SMI");
        LatencyRecorder r = recorder(100, true, b);
        int[] ids = new int[3];
        long[] ns = new long[3];
        long cycle = 0;
        // 9989 ordinary samples of 5 us, all context switch
        for (int i = 0; i < 9989; i++) {
            ids[0] = base;
            ns[0] = 5000;
            r.record(5000, cycle++, ids, ns, 1);
        }
        // 11 tail samples of 50..60 us: 2 us context switch, 30 us lock, rest SMI
        long tailTotal = 0;
        for (int i = 0; i < 11; i++) {
            long latency = 50_000 + i * 1000;
            ids[0] = base;
            ns[0] = 2000;
            ids[1] = lock;
            ns[1] = 30_000;
            ids[2] = smi;
            ns[2] = latency - 32_000;
            r.record(latency, cycle++, ids, ns, 3);
            tailTotal += latency;
        }
        TailAttribution t = r.result(PS, 99.9).tail();
        // rank ceil(0.999 * 10000) = 9990 is the first 50 us sample
        assertEquals(11, t.samples());
        assertEquals(tailTotal, t.totalNs());
        assertTrue(t.thresholdNs() <= 50_000 && t.thresholdNs() > 50_000 * 63 / 64, "threshold " + t.thresholdNs());
        assertEquals(List.of("spinlock section", "SMI", "context switch"),
                t.components().stream().map(Attribution.Component::label).toList());
        assertEquals(330_000, t.components().get(0).ns());
        assertEquals(tailTotal - 352_000, t.components().get(1).ns());
        assertEquals(22_000, t.components().get(2).ns());
        assertEquals(1.0, t.components().stream().mapToDouble(Attribution.Component::share).sum(), 1e-12);
    }

    @Test
    void percentiles_fewSamples_areFlaggedUnsupported() {
        LatencyRecorder r = recorder(100, false, new BlameRegistry());
        for (int i = 0; i < 1000; i++) {
            plain(r, 1_234_567, i);
        }
        List<Percentile> ps = r.result(PS, 99.9).percentiles();
        assertEquals(new Percentile(50.0, 1_234_567, true, 1_234_567, 1_234_567), ps.get(0));
        assertTrue(ps.get(1).supported());
        assertFalse(ps.get(2).supported());
        assertEquals(1_234_567, ps.get(2).valueNs());
    }

    @Test
    void result_attributionOff_hasNoAttribution() {
        LatencyRecorder r = recorder(100, false, new BlameRegistry());
        plain(r, 4000, 0);
        ThreadResult t = r.result(PS, 99.9);
        assertNull(t.maxSample());
        assertNull(t.tail());
        assertEquals(1, t.hdr().getTotalCount());
    }

    @Test
    void result_isImmutableSnapshot() {
        LatencyRecorder r = recorder(10, false, new BlameRegistry());
        plain(r, 4000, 0);
        ThreadResult t = r.result(PS, 99.9);
        plain(r, 4000, 1);
        t.histogram()[4] = 99;
        assertEquals(1, t.count(4));
        assertEquals(1, t.hdr().getTotalCount());
    }
}
