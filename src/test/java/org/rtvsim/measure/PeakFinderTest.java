package org.rtvsim.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.rtvsim.measure.TraceSink.Instant;
import org.rtvsim.measure.TraceSink.TaskState;

/** The peak finder centres on the largest sample after warm-up, else on the longest job. */
class PeakFinderTest {

    @Test
    void samples_largestAfterWarmupWins() {
        PeakFinder f = new PeakFinder(1_000);
        f.instant(500, 0, Instant.SAMPLE, "ct0", "99.000 us"); // in the warm-up: ignored
        f.instant(2_000, 0, Instant.SAMPLE, "ct0", "0.500 us");
        f.instant(9_000, 1, Instant.SAMPLE, "ct1", "4.000 us");
        f.instant(12_000, 1, Instant.SAMPLE, "ct1", "1.000 us");
        assertEquals(false, f.wants(500));
        PeakFinder.Peak p = f.peak();
        assertEquals(5_000, p.startNs());
        assertEquals(9_000, p.endNs());
        assertEquals(7_000, p.centreNs());
        assertEquals("ct1", p.task());
    }

    @Test
    void noSamples_longestJobFromReleaseToSleepWins() {
        PeakFinder f = new PeakFinder(0);
        f.instant(100, 0, Instant.RELEASE, "a", null);
        f.taskState(150, 0, "a", TaskState.RUNNING, null);
        f.taskState(300, 0, "a", TaskState.SLEEPING, null);
        f.instant(1_000, 0, Instant.RELEASE, "a", null);
        f.instant(2_000, 0, Instant.RELEASE, "a", null); // overrun: queued behind the first job
        f.taskState(2_500, 0, "a", TaskState.SLEEPING, null);
        f.taskState(2_600, 0, "a", TaskState.SLEEPING, null);
        PeakFinder.Peak p = f.peak();
        assertEquals(1_000, p.startNs());
        assertEquals(2_500, p.endNs());
    }

    @Test
    void nothingSeen_noPeak() {
        assertNull(new PeakFinder(0).peak());
    }
}
