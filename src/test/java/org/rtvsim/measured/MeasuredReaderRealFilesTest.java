package org.rtvsim.measured;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.measured.MeasuredHistogram.Format;

class MeasuredReaderRealFilesTest {

    static MeasuredHistogram res(String name) {
        try {
            return MeasuredReader.read(Path.of(MeasuredReaderRealFilesTest.class.getResource(name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void nativeCyclictestOutput_matchesItsFooter() {
        MeasuredHistogram h = res("preempt_rt_run2_cyclictest_output.txt");
        assertEquals(Format.CYCLICTEST_HISTOGRAM, h.format());
        assertEquals(4, h.threads().size());
        assertTrue(h.overflowsKnown());
        long[] totals = {11_055_136, 11_055_141, 11_055_141, 11_055_131};
        double[] max = {27, 28, 21, 25};
        for (int t = 0; t < 4; t++) {
            ThreadHistogram th = h.thread(t);
            assertEquals(400, th.buckets());
            assertEquals(totals[t], th.inHistogram());
            assertEquals(totals[t], th.samples());
            assertEquals(0, th.overflows());
            assertEquals(4.0, th.minUs());
            assertEquals(5.0, th.avgUs());
            assertEquals(max[t], th.maxUs());
            assertEquals(th.minUs(), th.histogramMinUs());
            assertEquals(th.maxUs(), th.histogramMaxUs());
            assertEquals(5, (long) th.histogramMeanUs());
        }
        ThreadHistogram pooled = h.pooled();
        assertEquals(44_220_549L, pooled.samples());
        assertEquals(h.samples(), pooled.samples());
        assertEquals(28.0, pooled.maxUs());
        assertEquals(4.0, pooled.minUs());
        assertEquals(28.0, h.quantileUs(1.0));
        assertFalse(h.censored());
    }

    @Test
    void civcodeCsvs_fourThreadsNoFooter() {
        MeasuredHistogram m = res("mainline_histogram.csv");
        assertEquals(Format.CSV, m.format());
        assertFalse(m.overflowsKnown());
        assertEquals(List.of("core1", "core2", "core3", "core4"), m.threads().stream().map(ThreadHistogram::label).toList());
        long[] n = {7_976_656, 7_978_901, 7_978_248, 7_978_404};
        double[] mx = {394, 398, 391, 376};
        for (int t = 0; t < 4; t++) {
            assertEquals(n[t], m.thread(t).samples());
            assertEquals(3.0, m.thread(t).histogramMinUs());
            assertEquals(mx[t], m.thread(t).histogramMaxUs());
            assertEquals(5.0, m.thread(t).quantileUs(0.99));
            assertEquals(400, m.thread(t).buckets());
            assertTrue(Double.isNaN(m.thread(t).maxUs()));
        }
        assertEquals(398.0, m.quantileUs(1.0));
        MeasuredHistogram rt = res("preempt_rt_histogram_run1.csv");
        assertEquals(20_000_000L, rt.samples());
        assertEquals(322.0, rt.pooled().histogramMaxUs());
        assertEquals(2.0, rt.pooled().histogramMinUs());
    }

    @Test
    void kvmBefore_overflowsAreCensored() {
        MeasuredHistogram h = res("guest_before_tuning_hist.csv");
        ThreadHistogram t = h.pooled();
        assertTrue(h.overflowsKnown());
        assertEquals(60, t.buckets());
        assertEquals(2_998_821L, t.inHistogram());
        assertEquals(604, t.overflows());
        assertEquals(2_999_425L, t.samples());
        assertEquals(5.0, t.minUs());
        assertEquals(16.0, t.avgUs());
        assertEquals(1475.0, t.maxUs());
        assertEquals(60.0, t.overflowEdgeUs());
        assertEquals(17.0, t.quantileUs(0.5));
        Quantile q = t.quantile(0.9999);
        assertTrue(q.censored());
        assertTrue(Double.isNaN(q.valueUs()));
        assertEquals(60.0, q.lowerBoundUs());
        assertTrue(Double.isNaN(h.quantileUs(0.9999)));
        assertEquals(1475.0, t.quantileUs(1.0), "the largest sample is the reported Max");
        List<CcdfPoint> c = t.ccdf();
        assertEquals(new CcdfPoint(5.0, 1.0, false), c.get(0));
        CcdfPoint edge = c.get(c.size() - 2);
        assertEquals(60.0, edge.latencyUs());
        assertEquals(604.0 / 2_999_425, edge.fraction(), 1e-15);
        assertTrue(edge.censored());
        assertEquals(new CcdfPoint(1475.0, 1.0 / 2_999_425, true), c.get(c.size() - 1));
    }

    @Test
    void kvmAfterAndRpi2_singleThreadTranscriptions() {
        ThreadHistogram a = res("guest_after_tuning_hist.csv").pooled();
        assertEquals(3_000_000L, a.samples());
        assertEquals(60, a.buckets());
        assertEquals(0, a.overflows());
        assertEquals(12.0, a.histogramMaxUs());
        assertEquals(a.maxUs(), a.histogramMaxUs());
        assertEquals(6.0, a.minUs());
        ThreadHistogram r = res("rpi2_rt_hdparm_hist.csv").pooled();
        assertEquals(10_000_000L, r.samples());
        assertEquals(400, r.buckets());
        assertEquals(14.0, r.histogramMinUs());
        assertEquals(76.0, r.histogramMaxUs());
        assertEquals(76.0, r.maxUs());
        assertEquals(16.0, r.quantileUs(0.5));
    }

    @Test
    void xenomaiLatencyHistograms() {
        String[] f = {"0hardware_max_latency_hardware_10min.txt", "1default_max_latency_default_10min.txt",
            "2taskset_max_latency_taskset_10min.txt", "4rt_kernelparam_max_latency_rt_kernelparam_10min.txt",
            "5rt_kernelparam_host_max_latency_rt_kernelparam_host_10min.txt",
            "6rt_kernelparam_host_qemu_max_latency_rt_kernelparam_host_qemu_10min.txt"};
        long[] n = {5_999_988, 5_999_922, 5_999_885, 5_999_975, 5_999_980, 5_999_974};
        double[] last = {10, 707, 457, 21, 18, 17};
        for (int i = 0; i < f.length; i++) {
            MeasuredHistogram h = res(f[i]);
            assertEquals(Format.XENOMAI_LATENCY, h.format(), f[i]);
            assertEquals(n[i], h.samples(), f[i]);
            assertEquals(last[i], h.pooled().histogramMaxUs(), f[i]);
        }
        ThreadHistogram hw = res(f[0]).pooled();
        assertEquals(0.613, hw.minUs());
        assertEquals(1.380, hw.avgUs());
        assertEquals(10.709, hw.maxUs());
        // Xenomai writes count + 1 per bucket and two markers (dump_histo_gnuplot): read back to the true counts
        assertArrayEquals(new long[] {208, 5_894_069, 97_266}, java.util.Arrays.copyOf(hw.counts(), 3));
    }
}
