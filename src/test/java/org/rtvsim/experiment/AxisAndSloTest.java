package org.rtvsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing of {@code --vary} axes and {@code --slo} objectives. */
class AxisAndSloTest {

    @Test
    void parse_integerRange_stepOne() {
        assertEquals(List.of("1", "2", "3", "4"), Axis.parse("a.b=1..4").values());
    }

    @Test
    void parse_rangeWithStepAndUnits() {
        assertEquals(List.of("10us", "30us", "50us"), Axis.parse("k=10us..50us:20us").values());
        assertEquals(List.of("0.5", "1", "1.5"), Axis.parse("k=0.5..1.5:0.5").values());
    }

    @Test
    void parse_listWithUnitsAndFlowMaps() {
        assertEquals(List.of("1ms", "2ms", "{fixed: 2us}", "3"), Axis.parse("k=1ms, 2ms,{fixed: 2us},3").values());
        assertEquals("k=2ms", Axis.parse("k=1ms,2ms").set(1));
    }

    @Test
    void parse_emptyRange_rejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Axis.parse("k=5..1"));
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void parse_badAxes_rejected() {
        for (String bad : List.of("k", "=1,2", "k=", "k=1..2:0", "k=1us..2ms", "k=a..b", "k=1,,2")) {
            assertThrows(IllegalArgumentException.class, () -> Axis.parse(bad), bad);
        }
    }

    @Test
    void slo_percentileBelowLimit() {
        assertEquals(new SloTarget("p99.99", 99.99, 50_000), SloTarget.parse("p99.99<50us"));
        assertEquals(new SloTarget("max", Double.NaN, 1_000_000), SloTarget.parse(" max < 1ms "));
    }

    @Test
    void slo_malformed_rejected() {
        for (String bad : List.of("p99.99<<50us", "p101<50us", "p100<50us", "p0<1us", "p99<50", "p99.99>50us",
                "q99<1us", "p99<-1us", "p99<")) {
            assertThrows(IllegalArgumentException.class, () -> SloTarget.parse(bad), bad);
        }
    }
}
