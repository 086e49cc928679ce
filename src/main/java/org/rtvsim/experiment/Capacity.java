package org.rtvsim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.rtvsim.measure.ReplicatedResult;
import org.rtvsim.measure.StatisticCI;

/**
 * Finds the largest value of one numeric scenario key whose latency statistic meets an objective with
 * the stated confidence, by bisection over the axis' values (ascending). <b>Assumes monotonicity</b>:
 * once a value fails, every larger one fails too (more load, longer sections, more tasks). The search
 * evaluates the smallest and largest value, bisects between a passing and a failing one, then checks
 * the neighbour below the answer; a pass above a fail among the evaluated points is reported as a
 * warning that the assumption does not hold.
 */
public final class Capacity {
    private Capacity() {
    }

    /** One evaluated axis value: its index, the result and the verdict. */
    public record Point(int index, String value, ReplicatedResult result, StatisticCI statistic, boolean met) {
    }

    /** Evaluated points ascending by value; {@code answer} is an index into the axis or −1 when none passed. */
    public record Outcome(List<Point> points, int answer, List<String> warnings) {
    }

    /** Searches {@code axis}; {@code evaluate.apply(i)} runs the scenario with value i. */
    public static Outcome search(Axis axis, SloTarget slo, IntFunction<ReplicatedResult> evaluate) {
        TreeMap<Integer, Point> seen = new TreeMap<>();
        IntFunction<Point> at = i -> seen.computeIfAbsent(i, k -> point(axis, k, slo, evaluate.apply(k)));
        int n = axis.values().size();
        int answer;
        if (!at.apply(0).met()) {
            answer = -1;
        } else if (at.apply(n - 1).met()) {
            answer = n - 1;
        } else {
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
            answer = lo;
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
        Point firstFail = null;
        for (Point p : seen.values()) {
            if (!p.met() && firstFail == null) {
                firstFail = p;
            } else if (p.met() && firstFail != null) {
                warnings.add(axis.key() + "=" + p.value() + " meets the objective although " + axis.key() + "="
                        + firstFail.value() + " does not: the statistic is not monotone here (or the intervals are "
                        + "too wide); the answer assumes it is");
            }
        }
        return new Outcome(List.copyOf(seen.values()), answer, warnings);
    }

    private static Point point(Axis axis, int i, SloTarget slo, ReplicatedResult r) {
        StatisticCI s = r.pooled().statistic(slo.statistic());
        if (s == null) {
            throw new IllegalStateException("statistic " + slo.statistic() + " was not measured");
        }
        boolean starved = r.runs().stream().anyMatch(run -> run.notes().stream()
                .anyMatch(n -> n.startsWith(SingleRun.STARVED)));
        return new Point(i, axis.values().get(i), r, s, slo.metBy(s) && !starved);
    }
}
