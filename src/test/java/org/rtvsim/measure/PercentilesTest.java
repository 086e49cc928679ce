package org.rtvsim.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void rank_decimalPercentile_isExact() {
        assertEquals(999, Percentiles.rank(1000, 99.9));
        assertEquals(500, Percentiles.rank(1000, 50));
        assertEquals(1, Percentiles.rank(3, 10));
        assertEquals(3, Percentiles.rank(3, 100));
    }

    @Test
    void supported_needsTenSamplesAbove() {
        assertFalse(Percentiles.supported(999, 99));
        assertTrue(Percentiles.supported(1000, 99));
        assertFalse(Percentiles.supported(9_999, 99.9));
        assertTrue(Percentiles.supported(10_000, 99.9));
        assertFalse(Percentiles.supported(999_999, 99.999));
        assertTrue(Percentiles.supported(1, 100));
    }

    @Test
    void samplesAbove_floorsTheTail() {
        assertEquals(8, Percentiles.samplesAbove(800_000, 99.999));
        assertEquals(9, Percentiles.samplesAbove(9_999, 99.9));
    }
}
