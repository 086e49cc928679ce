package org.rtvsim.measured;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.measured.MeasuredHistogram.Format;

class MeasuredReaderFormatsTest {

    @TempDir
    Path dir;

    private MeasuredHistogram read(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return MeasuredReader.read(p);
    }

    private static String msg(String text) {
        return assertThrows(MeasuredDataException.class, () -> MeasuredReader.parse("x.txt", text)).getMessage();
    }

    /** cyclictest -H 5 with two threads, live status lines and the dma-latency line around the block. */
    static final String HISTOFALL = "# /dev/cpu_dma_latency set to 0us\n"
            + "policy: fifo: loadavg: 0.01 0.02 0.00 1/123 456\n"
            + "\u001B[2AT: 0 ( 2013) P:80 I:200 C:     12 Min:      1 Act:    2 Avg:    2 Max:      30\n"
            + "T: 1 ( 2014) P:80 I:200 C:     12 Min:      1 Act:    2 Avg:    2 Max:       4\n"
            + "# Histogram\n"
            + "000000 000000\t000000\t000000\n"
            + "000001 000003\t000004\t000007\n"
            + "000002 000005\t000006\t000011\n"
            + "000003 000001\t000001\t000002\n"
            + "000004 000000\t000001\t000001\n"
            + "# Total: 000000009 000000012 000000021\n"
            + "# Min Latencies: 00001 00001\n"
            + "# Avg Latencies: 00004 00002\n"
            + "# Max Latencies: 00030 00004 00030\n"
            + "# Histogram Overflows: 00003 00000 00003\n"
            + "# Histogram Overflow at cycle number:\n"
            + "# Thread 0: 00002 00005 00009\n"
            + "# Thread 1:\n\n";

    @Test
    void cyclictestHistofall_sumColumnIgnored_overflowsCensored() throws IOException {
        MeasuredHistogram h = read("out.txt", HISTOFALL);
        assertEquals(Format.CYCLICTEST_HISTOGRAM, h.format());
        assertEquals(2, h.threads().size());
        ThreadHistogram t0 = h.thread(0);
        assertArrayEquals(new long[] {0, 3, 5, 1, 0}, t0.counts());
        assertEquals(3, t0.overflows());
        assertEquals(12, t0.samples());
        assertEquals(30.0, t0.maxUs());
        assertEquals(4.0, t0.avgUs());
        assertEquals(5.0, t0.overflowEdgeUs());
        assertEquals(2.0, t0.quantileUs(0.5));
        Quantile q = t0.quantile(0.9);
        assertTrue(q.censored());
        assertEquals(5.0, q.lowerBoundUs());
        assertEquals(30.0, t0.quantileUs(1.0));
        ThreadHistogram pooled = h.pooled();
        assertArrayEquals(new long[] {0, 7, 11, 2, 1}, pooled.counts());
        assertEquals(24, h.samples());
        assertEquals(3, pooled.overflows());
        assertEquals(30.0, pooled.maxUs());
        assertTrue(h.censored());
        assertTrue(Double.isNaN(h.quantileUs(0.95)));
        assertEquals(30.0, h.quantileUs(0.99), "rank n is the reported maximum");
        assertEquals(2.0, h.quantileUs(0.5));
        assertEquals(new CcdfPoint(5.0, 3.0 / 24, true), h.ccdf().get(h.ccdf().size() - 2));
        assertEquals(new CcdfPoint(30.0, 1.0 / 24, true), h.ccdf().get(h.ccdf().size() - 1));
    }

    /** Xenomai 3 latency -g: markers "start 1" and "stop+1 1", every bucket in between as "n.5 count+1". */
    static final String XENOMAI = "# 00:00:01 (periodic user-mode task, 100 us period, priority 99)\n"
            + "# ----lat min|----lat avg|----lat max|-overrun|---msw|\n"
            + "#       2.100|      2.900|      5.300|       0|     0|\n"
            + "# Xenomai version: Xenomai/cobalt v3.2.2\n"
            + "2 1\n2.5 5\n3.5 3\n4.5 1\n5.5 2\n6 1\n";

    @Test
    void xenomai_plusOneForm_readBackToTrueCounts() throws IOException {
        MeasuredHistogram h = read("lat.txt", XENOMAI);
        assertEquals(Format.XENOMAI_LATENCY, h.format());
        assertArrayEquals(new long[] {0, 0, 4, 2, 0, 1}, h.pooled().counts(), "markers dropped, 1 off each bucket");
        assertEquals(7, h.samples());
        assertEquals(5.3, h.pooled().maxUs());
        assertEquals(2.1, h.pooled().minUs());
    }

    @Test
    void xenomai_otherBinCountFiles_readAsTheyStand() throws IOException {
        // no closing marker (an edited file): the counts are taken as written
        MeasuredHistogram h = read("lat.txt", XENOMAI.replace("5.5 2\n6 1\n", "5.5 2\n"));
        assertArrayEquals(new long[] {0, 0, 6, 3, 1, 2}, h.pooled().counts());
        // a gap between buckets is not the tool's form either
        MeasuredHistogram gap = read("lat.txt", XENOMAI.replace("4.5 1\n", ""));
        assertEquals(1 + 5 + 3 + 2 + 1, gap.samples());
    }

    @Test
    void histfile_blockAlone_singleThread() throws IOException {
        MeasuredHistogram h = read("hist", "# Histogram\n000000 000000\n000001 1248460\n000002 000002\n"
                + "# Total: 001248462\n# Min Latencies: 00001\n# Avg Latencies: 00001\n# Max Latencies: 00002\n"
                + "# Histogram Overflows: 00000\n# Histogram Overflow at cycle number:\n# Thread 0:\n");
        assertEquals(1, h.threads().size());
        assertEquals(1_248_462L, h.samples());
        assertEquals(1.0, h.quantileUs(0.5));
        assertEquals(2.0, h.pooled().maxUs());
    }

    @Test
    void verbose_threadCycleLatency() throws IOException {
        MeasuredHistogram h = read("v.txt", "# /dev/cpu_dma_latency set to 0us\n"
                + "       0:       0:       5\n       1:       0:       7\n"
                + "       0:       1:       3\n       1:       1:      12\n       0:       2:       5\n");
        assertEquals(Format.CYCLICTEST_VERBOSE, h.format());
        assertEquals(2, h.threads().size());
        assertEquals(3, h.thread(0).samples());
        assertEquals(3.0, h.thread(0).minUs());
        assertEquals(13.0 / 3, h.thread(0).avgUs(), 1e-12);
        assertEquals(12.0, h.thread(1).maxUs());
        assertEquals(12.0, h.quantileUs(1.0));
        assertEquals(5.0, h.quantileUs(0.5));
    }

    @Test
    void json_histogramWithOverflowsFromCycles() throws IOException {
        MeasuredHistogram h = read("r.json", "{\n  \"file_version\": 1,\n  \"cmdline:\": \"cyclictest -S -p90 -h 10"
                + " --json=r.json\",\n  \"rt_test_version:\": \"2.40\",\n  \"num_threads\": 2,\n"
                + "  \"resolution_in_ns\": 0,\n  \"thread\": {\n"
                + "    \"0\": {\n      \"histogram\": {\n        \"3\": 5,\n        \"4\": 2},\n"
                + "      \"cycles\": 8,\n      \"min\": 3,\n      \"max\": 57,\n      \"avg\": 10.25,\n"
                + "      \"cpu\": 0,\n      \"node\": 0\n    },\n"
                + "    \"1\": {\n      \"histogram\": {\n        \"2\": 4},\n"
                + "      \"cycles\": 4,\n      \"min\": 2,\n      \"max\": 2,\n      \"avg\": 2.00,\n"
                + "      \"cpu\": 1,\n      \"node\": 0\n    }\n  }\n}\n");
        assertEquals(Format.CYCLICTEST_JSON, h.format());
        ThreadHistogram t0 = h.thread(0);
        assertEquals("T0@cpu0", t0.label());
        assertEquals(10, t0.buckets());
        assertEquals(1, t0.overflows());
        assertEquals(10.25, t0.avgUs());
        assertEquals(57.0, t0.quantileUs(1.0));
        assertTrue(t0.quantile(0.99).censored() == false); // rank 8 of 8 is the max
        assertTrue(t0.quantile(0.8).censored() == false);
        assertEquals(12, h.samples());
        assertEquals(1, h.overflows());
    }

    @Test
    void rtlaTimerlatHist_threadColumnsAreTheLatency() throws IOException {
        MeasuredHistogram h = read("rtla.txt", "# RTLA timerlat histogram\n# Time unit is microseconds (us)\n"
                + "# Duration:   0 00:00:10\n"
                + "Index   IRQ-000   Thr-000   IRQ-001   Thr-001\n"
                + "0            8         0        10         0\n"
                + "1            2         5         0         7\n"
                + "2            0         5         0         3\n"
                + "over:        0         1         0         0\n"
                + "count:      10        11        10        10\n"
                + "min:         0         1         0         1\n"
                + "avg:         0         1         0         1\n"
                + "max:         1        40         0         2\n"
                + "ALL:        IRQ       Thr       Usr\n"
                + "count:      20        21         0\n"
                + "min:         0         1         -\n");
        assertEquals(Format.RTLA_TIMERLAT_HIST, h.format());
        assertEquals(2, h.threads().size());
        assertEquals(2, h.irqThreads().size());
        assertEquals("Thr-000", h.thread(0).label());
        assertArrayEquals(new long[] {0, 5, 5}, h.thread(0).counts());
        assertEquals(1, h.thread(0).overflows());
        assertEquals(40.0, h.thread(0).maxUs());
        assertArrayEquals(new long[] {8, 2, 0}, h.irqThreads().get(0).counts());
        assertEquals(21, h.samples());
        assertEquals(40.0, h.quantileUs(1.0));
        assertFalse(h.quantile(0.99).censored(), "the only overflow sample is the reported max");
    }

    @Test
    void rtla_trailerAfterSummaryAndBucketLabels() throws IOException {
        MeasuredHistogram h = read("rtla2.txt", "# RTLA timerlat histogram\n# Time unit is nanoseconds (ns)\n"
                + "Index   IRQ-003   Thr-003\n"
                + "1500         1         0\n"
                + "2300         0         2\n"
                + "over:        0         0\n"
                + "count:       1         2\n"
                + "min:      1500      2300\n"
                + "avg:   1500.00   2300.00\n"
                + "max:      1500      2300\n"
                + "rtla timerlat hit stop tracing\n"
                + "## CPU 3 hit stop tracing, analyzing it ##\n");
        ThreadHistogram t = h.thread(0);
        assertEquals(0.001, t.bucketWidthUs());
        assertEquals(2, t.samples());
        assertEquals(2.3, t.quantileUs(0.5), 1e-12);
        assertEquals(2.3, t.maxUs(), 1e-12);
        assertEquals(2.3, t.avgUs(), 1e-12);
    }

    @Test
    void verbose_withSmiColumn() throws IOException {
        MeasuredHistogram h = read("vs.txt", "       0:       0:       5       0\n       0:       1:       9       1\n");
        assertEquals(Format.CYCLICTEST_VERBOSE, h.format());
        assertEquals(9.0, h.pooled().maxUs());
    }

    @Test
    void csv_multiColumnWithOverflowRow() throws IOException {
        MeasuredHistogram h = read("h.csv", "latency_us,cpu0,cpu1\n0,0,0\n1,10,20\n2,5,5\nover,1,0\n");
        assertEquals(Format.CSV, h.format());
        assertTrue(h.overflowsKnown());
        assertEquals("cpu1", h.thread(1).label());
        assertEquals(41, h.samples());
        assertEquals(1, h.pooled().overflows());
        assertTrue(Double.isNaN(h.quantileUs(1.0)));
        assertEquals(1.0, h.quantileUs(0.5));
    }

    @Test
    void csv_twoColumnWithMetadataComment() throws IOException {
        MeasuredHistogram h = read("k.csv", "# cyclictest -h10 output; overflows=2; reported Min 1 Avg 3 Max 99\n"
                + "bucket_us,count\n1,4\n3,4\n");
        ThreadHistogram t = h.pooled();
        assertEquals(10, t.buckets());
        assertEquals(2, t.overflows());
        assertEquals(99.0, t.maxUs());
        assertFalse(t.quantile(0.8).censored());
        assertTrue(t.quantile(0.9).censored());
    }

    @Test
    void malformedLines_describeTheLineWithoutEchoingIt() {
        String m = msg("root:x:0:0:root:/root:/bin/bash\n");
        assertTrue(m.contains("x.txt:1:") && m.contains("7 colon-separated fields"), m);
        assertFalse(m.contains("root") || m.contains("bash"), m);
        String j = msg("{\"thread\": {\"secret\": {}}}");
        assertFalse(j.contains("secret"), j);
        assertEquals("a blank line", MeasuredDataException.shape("  "));
        assertEquals("a line of one field (number, 3 characters)", MeasuredDataException.shape("1.5"));
        assertEquals("a line of 3 tab-separated fields (integer, empty, negative integer)",
                MeasuredDataException.shape("1\t\t-2"));
    }

    @Test
    void malformedLines_reportFileAndLine() {
        assertTrue(msg("# Histogram\n000000 000001\t000002\n000001 000001\n").startsWith("x.txt:3: 2 count column(s)"),
                msg("# Histogram\n000000 000001\t000002\n000001 000001\n"));
        assertTrue(msg("# Histogram\n000000 000001\n00x001 000001\n").startsWith("x.txt:3: 'index count"));
        assertTrue(msg("# Histogram\n000000 000001\n# Total: 000000002\n").startsWith("x.txt:3: '# Total' equal"));
        assertTrue(msg("# Histogram\n000000 000001\n# Total: 000000001\n000001 000001\n")
                .startsWith("x.txt:4: only '#' footer lines"));
        assertTrue(msg("garbage here\n# Histogram\n000000 000001\n").startsWith("x.txt:1: cyclictest status lines"));
        assertTrue(msg("latency_us,count\n1,2\n2,x\n").contains("x.txt:3: unsigned integer counts; got a line of 2 comma-separated fields (integer, text)"));
        assertTrue(msg("latency_us,count\n1,2,3\n").startsWith("x.txt:2: 2 comma-separated fields"));
        assertTrue(msg("1,2\n").startsWith("x.txt:1: a CSV header"));
        assertTrue(msg("  0:  0:  5\n  0:  1:  x\n").startsWith("x.txt:2: 'thread:cycle:latency_us'"));
        assertTrue(msg("hello world\n").startsWith("x.txt:1: a cyclictest '# Histogram' block"));
        assertTrue(msg("Index Thr-000\n0 1\n1 2 3\n").startsWith("x.txt:3: 1 value(s)"));
        assertTrue(msg("{\"thread\": 3}").startsWith("x.txt:1: a JSON object"));
        assertTrue(msg("{\"thread\": {\"0\": {\"histogram\": {\"a\": 1}}}}").contains("histogram entries"));
        assertTrue(msg("").startsWith("x.txt:1: a histogram or samples; got end of file"));
    }
}
