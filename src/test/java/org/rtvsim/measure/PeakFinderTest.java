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
        f.instant(1_500, 0, Instant.SAMPLE, "ct0", "1.000 us"); // intended at 500, in the warm-up: ignored
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
    void noSamples_longestReportedJobWins_evenWhenJobsQueueWithoutSleeping() {
        PeakFinder f = new PeakFinder(1_000);
        f.instant(900, 0, Instant.JOB_END, "a", "0.800 us"); // released in the warm-up: ignored
        f.instant(1_300, 0, Instant.JOB_END, "a", "0.500 us"); // released at 800 < 1000: ignored
        f.instant(2_500, 0, Instant.JOB_END, "a", "1.500 us"); // released at 1000
        // the job released at 2000 queued behind it and ends at 2600 without the task sleeping:
        f.instant(2_600, 0, Instant.JOB_END, "a", "0.600 us");
        f.taskState(2_600, 0, "a", TaskState.SLEEPING, null);
        PeakFinder.Peak p = f.peak();
        assertEquals(1_000, p.startNs());
        assertEquals(2_500, p.endNs());
        assertEquals("max response time 1.5us of a", p.what());
        assertNull(f.samplePeak());
    }

    @Test
    void nothingSeen_noPeak() {
        assertNull(new PeakFinder(0).peak());
    }
}
