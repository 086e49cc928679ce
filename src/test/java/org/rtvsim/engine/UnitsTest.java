package org.rtvsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnitsTest {

    @Test
    void durationNs_eachUnit_convertsToNanoseconds() {
        assertEquals(14_000, Units.durationNs("14us"));
        assertEquals(14_000, Units.durationNs("14µs"));
        assertEquals(1_500_000, Units.durationNs("1.5ms"));
        assertEquals(250, Units.durationNs("250ns"));
        assertEquals(2_000_000_000L, Units.durationNs("2s"));
        assertEquals(60_000_000_000L, Units.durationNs("1min"));
        assertEquals(2, Units.durationNs("1.5ns"));
        assertEquals(1_234, Units.durationNs("1.2344us"));
    }

    @Test
    void durationNs_bareNumber_isAnErrorThatSuggestsAUnit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.durationNs("14"));
        assertEquals("bare number 14 for a duration; write it with a unit, e.g. \"14us\"", e.getMessage());
    }

    @Test
    void durationNs_unknownUnit_namesTheUnit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Units.durationNs("1mx"));
        assertTrue(e.getMessage().contains("'mx'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Units.durationNs("fast"));
    }

    @Test
    void frequencyHz_units_areCaseInsensitive() {
        assertEquals(1000.0, Units.frequencyHz("1000hz"));
        assertEquals(2.4e9, Units.frequencyHz("2.4GHz"), 1);
        assertEquals(1000.0, Units.frequencyHz("1kHz"));
        assertThrows(IllegalArgumentException.class, () -> Units.frequencyHz("1000"));
    }

    @Test
    void sizeBytes_binaryAndDecimalUnits() {
        assertEquals(30L * 1024 * 1024, Units.sizeBytes("30MiB"));
        assertEquals(512L * 1024, Units.sizeBytes("512KiB"));
        assertEquals(1L << 30, Units.sizeBytes("1GiB"));
        assertEquals(64, Units.sizeBytes("64B"));
        assertThrows(IllegalArgumentException.class, () -> Units.sizeBytes("30"));
    }

    @Test
    void bandwidth_sizePerSecond() {
        assertEquals(10e9, Units.bandwidthBytesPerS("10GB/s"));
        assertEquals(500.0 * 1024 * 1024, Units.bandwidthBytesPerS("500MiB/s"));
        assertThrows(IllegalArgumentException.class, () -> Units.bandwidthBytesPerS("10GB"));
    }

    @Test
    void formatNs_picksTheLargestFittingUnit() {
        assertEquals("14us", Units.formatNs(14_000));
        assertEquals("1.5ms", Units.formatNs(1_500_000));
        assertEquals("250ns", Units.formatNs(250));
        assertEquals("2s", Units.formatNs(2_000_000_000L));
        assertEquals("0ns", Units.formatNs(0));
        assertEquals("-3us", Units.formatNs(-3_000));
    }
}
