package org.rtvsim.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CyclictestOptionsTest {
    private static CyclictestOptions p(String... a) {
        return CyclictestOptions.parse(List.of(a));
    }

    @Test
    void shortLongAttachedAndClustered() {
        CyclictestOptions o = p("-mq", "-p95", "--interval=200", "-t", "4", "-a", "2-3", "-D", "10m", "--policy", "rr");
        assertTrue(o.has("mlockall") && o.quiet());
        assertEquals(Optional.of("95"), o.value("priority"));
        assertEquals(200, o.intervalUs());
        assertEquals(Optional.of("4"), o.value("threads"));
        assertEquals(Optional.of("2-3"), o.value("affinity"));
        assertEquals(Optional.of("rr"), o.value("policy"));
        assertEquals(Optional.of(600L), o.durationS());
        assertEquals(Optional.of(600_000_000_000L), o.expectedNs());
        assertEquals(List.of("-h", "1000"), o.additions());
    }

    @Test
    void optionalValues_takeOnlyNumbers() {
        CyclictestOptions o = p("-t", "-S", "-l", "100");
        assertEquals(Optional.of(""), o.value("threads"));
        assertTrue(o.has("smp"));
        assertEquals(Optional.of(100_000_000L), o.expectedNs());
    }

    @Test
    void endsOnlyWithDurationOrLoops() {
        assertFalse(p("-m", "-p", "95").ends());
        assertFalse(p("-l", "0").ends());
        assertTrue(p("--duration=1h").ends());
        assertEquals(Optional.of(3600L), p("--duration=1h").durationS());
        assertEquals(Optional.of(5_000_000_000L), p("-l", "1000", "-i", "5000", "-D", "1d").expectedNs());
    }

    @Test
    void histogramForms() {
        assertTrue(p("-h", "400").hasHistogram());
        assertTrue(p("-H400").hasHistogram());
        assertTrue(p("--histofall=10").hasHistogram());
        assertTrue(p("--histogram", "10").hasHistogram());
        assertFalse(p("--histfile=x").hasHistogram());
        assertEquals(List.of("-q", "-h", "1000"), p("--histfile=x", "-D", "1").additions());
    }
}
