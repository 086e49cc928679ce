package org.rtvsim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.rtvsim.measure.ReplicatedResult;
import org.rtvsim.measure.StatisticCI;
import org.rtvsim.measure.Verdict;

/**
 * Finds the largest value of one numeric scenario key whose latency statistic meets an objective with
 * the stated confidence, by bisection over the axis' values (ascending). Each evaluated point gets a
 * {@link Verdict} on its interval: meets, misses or inconclusive. The bisection <b>assumes
 * monotonicity</b> (once a value fails, every larger one fails too): it evaluates the smallest and
 * largest value, bisects between a point that meets and one that does not, then checks the neighbour
 * below the answer. The answer is only given when the evaluated points bear it out: a point that misses
 * below one that meets is reported as {@link Status#NOT_MONOTONE}, never bridged, and an inconclusive
 * point at or below the boundary makes the whole answer {@link Status#INCONCLUSIVE}.
 */
public final class Capacity {
    private Capacity() {
    }

    /** What the search concluded. */
    public enum Status {
        /** {@code answer} meets, the next larger value misses (or {@code answer} is the largest tried). */
        ANSWER,
        /** Even the smallest value misses. */
        NONE,
        /** An inconclusive point decides the answer: run longer or more replications. */
        INCONCLUSIVE,
        /** A value misses while a larger one meets: the statistic is not monotone in the key, no answer. */
        NOT_MONOTONE
    }

    /** One evaluated axis value: its index, the result, the statistic and its verdict. */
    public record Point(int index, String value, ReplicatedResult result, StatisticCI statistic, Verdict verdict,
                        boolean starved) {
        /** Whether the point meets the objective with the stated confidence. */
        public boolean met() {
            return verdict.met();
        }
    }

    /**
     * Evaluated points ascending by value; {@code answer} is an index into the axis: the answer for
     * {@link Status#ANSWER}, the largest value known to meet for {@link Status#INCONCLUSIVE} (−1 if none),
     * −1 otherwise.
     */
    public record Outcome(List<Point> points, int answer, Status status, List<String> warnings) {
    }

    /** Searches {@code axis}; {@code evaluate.apply(i)} runs the scenario with value i. */
    public static Outcome search(Axis axis, SloTarget slo, IntFunction<ReplicatedResult> evaluate) {
        TreeMap<Integer, Point> seen = new TreeMap<>();
        IntFunction<Point> at = i -> seen.computeIfAbsent(i, k -> point(axis, k, slo, evaluate.apply(k)));
        int n = axis.values().size();
        if (at.apply(0).met() && !at.apply(n - 1).met()) {
            int lo = 0;
            int hi = n - 1;
            while (hi - lo > 1) {
                int mid = (lo + hi) >>> 1;
                if (at.apply(mid).met()) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            if (lo > 0) {
                at.apply(lo - 1);
            }
        }
        List<String> warnings = new ArrayList<>();
        for (Point p : seen.values()) {
            p.result().runs().stream().flatMap(run -> run.notes().stream())
                    .filter(note -> note.startsWith(SingleRun.STARVED)).findFirst()
                    .ifPresent(note -> warnings.add(axis.key() + "=" + p.value() + " misses: " + note));
        }
        List<Point> points = List.copyOf(seen.values());
        return conclude(axis.key(), points, n, warnings);
    }

    /**
     * The conclusion from evaluated {@code points} (ascending) of an axis of {@code n} values: the first point
     * that does not meet is the boundary; every point below it meets and none above it meets, or there is no
     * answer.
     */
    static Outcome conclude(String key, List<Point> points, int n, List<String> warnings) {
        List<String> w = new ArrayList<>(warnings);
        Point firstNotMet = points.stream().filter(p -> !p.met()).findFirst().orElse(null);
        for (Point p : points) {
            if (firstNotMet != null && p.index() > firstNotMet.index() && p.met()) {
                if (firstNotMet.verdict().kind() == Verdict.Kind.MISSES) {
                    w.add(key + "=" + p.value() + " meets the objective although " + key + "=" + firstNotMet.value()
                            + " misses it: the statistic is not monotone in " + key + " here, so no value is the "
                            + "answer; run sweep over every value");
                    return new Outcome(points, -1, Status.NOT_MONOTONE, w);
                }
                w.add(key + "=" + p.value() + " meets the objective but the smaller " + key + "="
                        + firstNotMet.value() + " is inconclusive");
                return new Outcome(points, lastMetBelow(points, firstNotMet), Status.INCONCLUSIVE, w);
            }
        }
        if (firstNotMet == null) {
            return new Outcome(points, points.get(points.size() - 1).index(), Status.ANSWER, w);
        }
        if (firstNotMet.verdict().kind() == Verdict.Kind.INCONCLUSIVE) {
            return new Outcome(points, lastMetBelow(points, firstNotMet), Status.INCONCLUSIVE, w);
        }
        int below = lastMetBelow(points, firstNotMet);
        return below < 0 ? new Outcome(points, -1, Status.NONE, w) : new Outcome(points, below, Status.ANSWER, w);
    }

    private static int lastMetBelow(List<Point> points, Point boundary) {
        int out = -1;
        for (Point p : points) {
            if (p.index() < boundary.index() && p.met()) {
                out = p.index();
            }
        }
        return out;
    }

    private static Point point(Axis axis, int i, SloTarget slo, ReplicatedResult r) {
        StatisticCI s = r.pooled().statistic(slo.statistic());
        if (s == null) {
            throw new IllegalStateException("statistic " + slo.statistic() + " was not measured");
        }
        boolean starved = r.runs().stream().anyMatch(run -> run.notes().stream()
                .anyMatch(n -> n.startsWith(SingleRun.STARVED)));
        Verdict v = slo.judge(s, r.pooled().samples(), r.confidence());
        return new Point(i, axis.values().get(i), r, s, starved ? v.missed() : v, starved);
    }
}
