package org.rtvsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Capacity on a monotone case with a known answer: fixed non-preemptible sections of L µs give
 * p99 = 3 + L − 0.01·(L + 40) µs (residual uniform on [0, L], ρ = L/(L + 40)), so p99 &lt; 19.9 µs holds
 * up to L = 17 (19.43 µs) and fails from L = 18 (20.42 µs).
 */
class CapacityTest {
    private static final String KEY = "host.workload[0].kernel_activity.segments[0].length.fixed";

    private static Capacity.Outcome search(String range, String slo) {
        Axis axis = Axis.parse(KEY + "=" + range);
        SloTarget target = SloTarget.parse(slo);
        return Capacity.search(axis, target, i -> Replications.run(axis.values().get(i),
                ResidualLife.spec("{fixed: 20us}", "1s", "200us", 5, List.of(axis.set(i))), 4, 2, 0.95, null));
    }

    @Test
    void search_fixedSections_findsKnownLargestLength() {
        Capacity.Outcome o = search("5us..30us:1us", "p99<19.9us");
        assertEquals("17us", Axis.parse(KEY + "=5us..30us:1us").values().get(o.answer()));
        assertTrue(o.warnings().isEmpty(), o.warnings().toString());
        assertTrue(o.points().size() <= 8, "bisection evaluated " + o.points().size() + " points");
        assertTrue(o.points().stream().anyMatch(p -> p.value().equals("18us") && !p.met()));
        assertTrue(o.points().stream().anyMatch(p -> p.value().equals("16us") && p.met()));
    }

    @Test
    void search_smallestFails_noAnswer() {
        Capacity.Outcome o = search("18us..20us", "p99<19.9us");
        assertEquals(-1, o.answer());
        assertEquals(1, o.points().size());
    }
}
