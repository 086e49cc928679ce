package org.rtvsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.measure.Attribution;
import org.rtvsim.measure.BlameRegistry;
import org.rtvsim.measure.LatencyRecorder;
import org.rtvsim.measure.RunResult;

class SummaryTextTest {

    private static String text(RunResult r, boolean stats) throws IOException {
        StringBuilder sb = new StringBuilder();
        SummaryText.write(r, sb, stats);
        return sb.toString();
    }

    @Test
    void write_handMadeRun_printsExactMicrosecondsAndAlignedTables() throws IOException {
        String out = text(Fixtures.twoThreads(), false);
        assertTrue(out.contains("""
                Thread 0 ct0 (cpu 1, prio 95, interval 200.00 us): 8 samples, 5 overflows
                  min   1.50 us
                  avg   6.95 us
                  max  13.00 us
                  p50   7.00 us  95% [1.50, 13.00]  (only 4 samples above; not supported)
                  p99  13.00 us  95% [12.01, >max]  (only 0 samples above; not supported)
                  Attribution of the max sample (13.00 us):
                    SMI             12.00 us   92.3 %
                    context switch   1.00 us    7.7 %
                    total           13.00 us  100.0 %
                """), out);
        assertTrue(out.contains("Attribution of samples \u2265 p99.9 (1 sample, threshold 12.93 us"), out);
        assertTrue(out.contains("""
                  task  cpu  prio  jobs     min     avg     max  deadline misses  cpu%
                  ctrl    3    80     2  200.00  400.00  600.00                1  12.5
                """), out);
        assertTrue(out.contains("SLO p99 < 50.00 us: met (p99 = 13.00 us)\n"), out);
        assertTrue(out.contains("Note: hand-made fixture\n"), out);
        assertTrue(out.contains("""

                Starvation (kernel threads runnable but not running):
                  warning: kworker/1:1 runnable for 1.1 s (still runnable at the end): deferred work stalled; \
                would reach the hung-task warning after 120 s
                """), out);
    }

    @Test
    void write_withoutStats_hasNoWallClockData() throws IOException {
        String out = text(Fixtures.twoThreads(), false);
        assertFalse(out.contains("12345"), out);
        assertFalse(out.contains("Stats"), out);
        assertTrue(text(Fixtures.twoThreads(), true).contains("Stats: 12345 events, 987.65 ms wall\n"));
    }

    @Test
    void write_supportedPercentile_hasNoFlag() throws IOException {
        LatencyRecorder r = new LatencyRecorder("ct0", 0, 0, 95, 1000, 1000, 10, false, new BlameRegistry());
        for (int i = 0; i < 1000; i++) {
            r.record(2000 + i, i, new int[0], new long[0], 0);
        }
        String out = text(CyclictestTextTest.run(List.of(r.result(List.of(99.0, 99.9), 99.9))), false);
        // a ramp: the batches see the trend (not independent samples), so the upper bounds are not claimed
        assertTrue(out.contains("  p99    2.99 us  95% [2.97, >max]\n"), out);
        assertTrue(out.contains("  p99.9  3.00 us  95% [3.00, >max]  (only 1 sample above; not supported)\n"), out);
    }

    @Test
    void tenthsOfPercent_thirds_sumToExactlyHundred() {
        List<Attribution.Component> cs = List.of(new Attribution.Component("a", 1, 1 / 3.0),
                new Attribution.Component("b", 1, 1 / 3.0), new Attribution.Component("c", 1, 1 / 3.0));
        int[] t = Format.tenthsOfPercent(cs);
        assertEquals(1000, t[0] + t[1] + t[2]);
        assertEquals(334, t[0]);
        assertEquals(333, t[2]);
    }
}
