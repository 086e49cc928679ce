package org.rtvsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.measure.Verdict;

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
        assertEquals(Capacity.Status.ANSWER, o.status());
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

    private static Capacity.Point at(int index, Verdict v) {
        return new Capacity.Point(index, Integer.toString(index + 1), null, null, v, false);
    }

    private static final Verdict MEETS = Verdict.ofReplications(9_000, 8_000, 10_000, 12_000, 3, 0.95);
    private static final Verdict MISSES = Verdict.ofReplications(13_000, 12_500, 13_500, 12_000, 3, 0.95);
    private static final Verdict ACROSS = Verdict.ofReplications(11_500, 10_500, 12_500, 12_000, 3, 0.95);

    @Test
    void conclude_missBelowAMeet_isNotMonotoneAndGivesNoAnswer() {
        // the case: tasks=3 misses, tasks=4 meets, tasks=16 misses; bisection alone would answer tasks=4
        Capacity.Outcome o = Capacity.conclude("tasks", List.of(at(0, MEETS), at(2, MISSES), at(3, MEETS),
                at(15, MISSES)), 16, List.of());
        assertEquals(Capacity.Status.NOT_MONOTONE, o.status());
        assertEquals(-1, o.answer());
        assertTrue(o.warnings().get(0).contains("tasks=4 meets the objective although tasks=3 misses"),
                o.warnings().toString());
    }

    @Test
    void conclude_inconclusiveBoundary_isInconclusiveWithTheLastValueKnownToMeet() {
        Capacity.Outcome o = Capacity.conclude("tasks", List.of(at(0, MEETS), at(1, ACROSS), at(3, MISSES)), 4,
                List.of());
        assertEquals(Capacity.Status.INCONCLUSIVE, o.status());
        assertEquals(0, o.answer());
        Capacity.Outcome first = Capacity.conclude("tasks", List.of(at(0, ACROSS)), 4, List.of());
        assertEquals(Capacity.Status.INCONCLUSIVE, first.status());
        assertEquals(-1, first.answer());
    }

    @Test
    void conclude_inconclusiveBelowAMeet_isInconclusive() {
        Capacity.Outcome o = Capacity.conclude("tasks", List.of(at(0, MEETS), at(1, ACROSS), at(2, MEETS),
                at(3, MISSES)), 4, List.of());
        assertEquals(Capacity.Status.INCONCLUSIVE, o.status());
        assertEquals(0, o.answer());
    }

    @Test
    void conclude_monotone_answersOrNone() {
        Capacity.Outcome o = Capacity.conclude("tasks", List.of(at(0, MEETS), at(1, MEETS), at(2, MISSES)), 4,
                List.of());
        assertEquals(Capacity.Status.ANSWER, o.status());
        assertEquals(1, o.answer());
        assertEquals(Capacity.Status.NONE, Capacity.conclude("tasks", List.of(at(0, MISSES)), 4, List.of()).status());
        assertEquals(3, Capacity.conclude("tasks", List.of(at(0, MEETS), at(3, MEETS)), 4, List.of()).answer());
    }
}
