package org.rtvsim.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LatencyClassesTest {

    @Test
    void of_everyValue_liesWithinItsClassBounds() {
        long[] probes = {0, 1, 63, 64, 65, 100, 127, 128, 999, 1000, 1001, 5000, 12345, 65535, 65536,
            1_000_000, 123_456_789, 1L << 39, (1L << 40) - 1};
        for (long v : probes) {
            int c = LatencyClasses.of(v);
            assertTrue(LatencyClasses.lowerBoundNs(c) <= v, "lower bound of " + v);
            assertTrue(v < LatencyClasses.lowerBoundNs(c + 1) || c == LatencyClasses.COUNT - 1, "upper bound of " + v);
        }
    }

    @Test
    void classes_from100nsTo1000s_areAtMostTwoPercentWide() {
        for (int c = LatencyClasses.of(100); c < LatencyClasses.COUNT - 1; c++) {
            long lo = LatencyClasses.lowerBoundNs(c);
            long hi = LatencyClasses.lowerBoundNs(c + 1);
            assertTrue(hi > lo);
            assertTrue((double) (hi - lo) / lo <= 0.02, "class " + c + " [" + lo + ", " + hi + ")");
        }
        assertTrue(LatencyClasses.lowerBoundNs(LatencyClasses.COUNT - 1) >= 1_000_000_000_000L);
    }

    @Test
    void of_hugeValues_goToTopClass() {
        assertEquals(LatencyClasses.COUNT - 1, LatencyClasses.of(Long.MAX_VALUE));
        assertEquals(LatencyClasses.COUNT - 1, LatencyClasses.of(1L << 40));
    }
}
