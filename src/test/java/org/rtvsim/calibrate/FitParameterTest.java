package org.rtvsim.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code --fit PATH=LO..HI}: parsing, normalised coordinates and the values given to {@code --set}. */
class FitParameterTest {

    @Test
    void parse_readsPathEndsAndUnit() {
        FitParameter p = FitParameter.parse("host.kernel.costs.tick.lognormal.median=1us..4us");
        assertEquals("host.kernel.costs.tick.lognormal.median", p.path());
        assertEquals(1, p.lo());
        assertEquals(4, p.hi());
        assertEquals("us", p.unit());
        assertEquals("host.kernel.costs.tick.lognormal.median=2.5us", p.set(0.5));
        assertEquals(0.5, p.normalised(2.5), 1e-12);
        assertEquals("1us..4us", p.range());
    }

    @Test
    void value_isClampedToTheRange_andRoundedForIntegers() {
        FitParameter p = FitParameter.parse("k=0.1..0.8");
        assertEquals(0.1, p.value(-3), 1e-12);
        assertEquals(0.8, p.value(7), 1e-12);
        FitParameter n = FitParameter.parse("k=1..8").asInteger();
        assertEquals(4, n.value(0.5)); // 4.5, rounded half to even
        assertEquals("k=4", n.set(3.0 / 7));
    }

    @Test
    void parse_rejectsMalformedAndEmptyRanges() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FitParameter.parse("k=1..2:1")).getMessage()
                .contains("takes no step"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FitParameter.parse("k=2..1")).getMessage()
                .contains("needs LO < HI"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FitParameter.parse("k=abc")).getMessage()
                .contains("is not A..B"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FitParameter.parse("=1..2")).getMessage()
                .contains("expected PATH=LO..HI"));
    }
}
