package org.rtvsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.measure.BlameRegistry;
import org.rtvsim.measure.LatencyRecorder;
import org.rtvsim.measure.ThreadResult;

class HistogramCsvTest {

    @Test
    void write_handMadeRun_matchesGolden(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("histogram.csv");
        HistogramCsv.write(Fixtures.twoThreads(), csv);
        assertEquals("""
                latency_us,thread0,thread1
                0,0,1
                1,1,0
                2,2,0
                3,0,1
                overflow,5,0
                """, Files.readString(csv));
    }

    @Test
    void write_halfMicrosecondBuckets_labelsLowerEdges() throws IOException {
        LatencyRecorder r = new LatencyRecorder("ct0", 0, 0, 95, 1000, 500, 3, false, new BlameRegistry());
        r.record(700, 0, new int[0], new long[0], 0);
        String csv = HistogramCsv.toString(CyclictestTextTest.run(List.of(r.result(List.of(), 99.9))));
        assertEquals("latency_us,thread0\n0,0\n0.5,1\n1,0\noverflow,0\n", csv);
    }

    @Test
    void write_threadsWithDifferentLayouts_throws() {
        BlameRegistry b = new BlameRegistry();
        ThreadResult a = new LatencyRecorder("a", 0, 0, 95, 1000, 1000, 3, false, b).result(List.of(), 99.9);
        ThreadResult c = new LatencyRecorder("c", 1, 1, 95, 1000, 1000, 4, false, b).result(List.of(), 99.9);
        assertThrows(IllegalArgumentException.class, () -> HistogramCsv.toString(CyclictestTextTest.run(List.of(a, c))));
    }
}
