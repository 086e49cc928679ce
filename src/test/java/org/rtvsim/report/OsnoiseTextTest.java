package org.rtvsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.rtvsim.measure.MicrosecondCounts;
import org.rtvsim.measure.OsnoiseRecorder.CpuNoise;

class OsnoiseTextTest {

    /** The documentation's rtla osnoise top example, rebuilt from its own numbers, is printed byte for byte. */
    @Test
    void top_realRtlaExample_isReproduced() throws IOException {
        String expected = TimerlatTextTest.fixture("osnoise-top.txt");
        List<CpuNoise> cpus = new ArrayList<>();
        for (String line : expected.split("\n")) {
            if (!line.matches("\\s*\\d+ #.*")) {
                continue;
            }
            String[] f = line.replace("#", " ").trim().split("\\s+");
            cpus.add(new CpuNoise(Integer.parseInt(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]) * 1000,
                    Long.parseLong(f[3]) * 1000, Long.parseLong(f[5]) * 1000, Long.parseLong(f[6]) * 1000,
                    Long.parseLong(f[7]), Long.parseLong(f[8]), Long.parseLong(f[9]), Long.parseLong(f[10]),
                    Long.parseLong(f[11])));
        }
        StringBuilder out = new StringBuilder();
        OsnoiseText.top(60_000_000_000L, cpus, out);
        assertEquals(TimerlatTextTest.stripped(expected), TimerlatTextTest.stripped(out.toString()));
        assertEquals("                                          Operating System Noise"
                + " ".repeat(39 + 35) + "\n", out.substring(0, out.indexOf("\n") + 1));
    }

    private static CpuNoise withSingles(int cpu, MicrosecondCounts single) {
        return new CpuNoise(cpu, 1, 1_000_000, 0, 0, 0, 0, 0, 0, 0, 0, single);
    }

    /**
     * The documentation's rtla osnoise hist example ({@code -b 10 -E 25}), rebuilt from its own bucket counts, is
     * printed byte for byte but for the avg row: that rtla summed one duration per histogram entry instead of duration
     * × hitcount and printed it as an integer (fixed upstream, "Fixes: 829a6c0b5698"); the current
     * {@code osnoise_hist.c} prints {@code %9.2f} of the true mean of the bucket lower bounds, checked by hand here.
     */
    @Test
    void hist_realRtlaExample_isReproduced() throws IOException {
        String expected = TimerlatTextTest.fixture("osnoise-hist.txt");
        List<String> want = TimerlatTextTest.stripped(expected);
        int columns = want.get(3).split("\\s+").length - 1;
        List<CpuNoise> cpus = new ArrayList<>();
        List<List<Long>> values = TimerlatTextTest.histValuesNs(expected, columns, 999); // anywhere in its bucket
        for (int c = 0; c < columns; c++) {
            MicrosecondCounts single = new MicrosecondCounts();
            values.get(c).forEach(single::addNs);
            cpus.add(withSingles(c, single));
        }
        StringBuilder out = new StringBuilder();
        OsnoiseText.hist(60_000_000_000L, cpus, 10, 25, false, out);
        List<String> got = TimerlatTextTest.stripped(out.toString());
        int avg = want.indexOf(want.stream().filter(l -> l.startsWith("avg:")).findFirst().orElseThrow());
        assertEquals(want.subList(0, avg), got.subList(0, avg));
        assertEquals(want.subList(avg + 1, want.size()), got.subList(avg + 1, want.size()));
        // CPU-000: 12224 noises in the 10-us bucket, 8 in the 20-us one, 1 in the 30-us one, of 55215:
        // (122240 + 160 + 30) / 55215 = 2.217...
        assertEquals(String.format(Locale.ROOT, "avg:  %9.2f", 2.22), got.get(avg).substring(0, 15));
        assertEquals(6 + 10 * columns, out.toString().split("\n")[avg].length()); // "%9.2f " per column
        assertTrue(out.toString().contains("\nover:         0 "), "rtla ends each count with a blank");
    }

    /** Only CPUs with a noise get a column; without any noise rtla prints its zeroed summary. */
    @Test
    void hist_cpusWithoutNoise_leftOut_noNoiseAtAll_zeroedSummary() {
        MicrosecondCounts some = new MicrosecondCounts();
        some.addNs(7_400);
        some.addNs(12_000);
        some.addNs(900_000);
        StringBuilder out = new StringBuilder();
        OsnoiseText.hist(2_000_000_000L, List.of(withSingles(0, new MicrosecondCounts()), withSingles(1, some)), 5,
                10, false, out);
        assertEquals("""
                # RTLA osnoise histogram
                # Time unit is microseconds (us)
                # Duration:   0 00:00:02
                Index   CPU-001
                5             1\s
                10            1\s
                over:         1\s
                count:        3\s
                min:          5\s
                avg:     305.00\s
                max:        900\s
                """, out.toString());
        StringBuilder none = new StringBuilder();
        OsnoiseText.hist(2_000_000_000L, List.of(withSingles(0, new MicrosecondCounts())), 1, 256, false, none);
        assertEquals("""
                # RTLA osnoise histogram
                # Time unit is microseconds (us)
                # Duration:   0 00:00:02
                Index
                over: 0
                count: 0
                min: 0
                avg: 0
                max: 0
                """, none.toString());
    }
}
