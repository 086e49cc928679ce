package org.rtvsim.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.rtvsim.measure.SloResult;
import org.rtvsim.measure.Verdict;

/**
 * The SLO verdict as every run output words it: {@code met}, {@code MISSED} or {@code INCONCLUSIVE}, the value,
 * the interval it was judged on and, when inconclusive, what would decide it (docs/statistics.md, "Verdicts").
 */
final class SloText {
    private SloText() {
    }

    /** {@code met}, {@code MISSED} or {@code INCONCLUSIVE}. */
    static String word(SloResult slo) {
        return switch (slo.verdict().kind()) {
            case MEETS -> "met";
            case MISSES -> "MISSED";
            case INCONCLUSIVE -> "INCONCLUSIVE";
        };
    }

    /**
     * {@code (p99 = 13.00 us, 95% [12.1, 13.5])} and, when inconclusive, {@code : run longer …}; the interval
     * only when the verdict was judged on one. {@code samplesPerSecond} (0: unknown) converts a sample estimate
     * into simulated time.
     */
    static String detail(SloResult slo, double level, double samplesPerSecond) {
        Verdict v = slo.verdict();
        StringBuilder s = new StringBuilder(" (").append(Format.percentileName(slo.percentile())).append(" = ")
                .append(Format.us(slo.valueNs())).append(" us");
        if (v.basis() != Verdict.Basis.VALUE) {
            s.append(", ").append(Table.level(v.basis() == Verdict.Basis.SAMPLES ? 0.95 : level)).append("% [")
                    .append(Format.us(Math.round(v.lowNs()))).append(", ")
                    .append(Double.isInfinite(v.highNs()) ? ">max" : Format.us(Math.round(v.highNs()))).append(']')
                    .append(v.basis() == Verdict.Basis.REPLICATIONS ? " over replications" : "");
        }
        s.append(')');
        if (v.kind() == Verdict.Kind.INCONCLUSIVE) {
            String d = v.describe(samplesPerSecond);
            s.append(": ").append(d.substring(d.indexOf(':') + 2));
        }
        return s.toString();
    }

    /** The verdict's fields in a JSON {@code slo} object. */
    static void json(SloResult slo, ObjectNode s) {
        Verdict v = slo.verdict();
        s.put("verdict", v.kind().word());
        s.put("judged_on", v.basis().name().toLowerCase(Locale.ROOT));
        if (v.basis() != Verdict.Basis.VALUE) {
            s.put("ci_low_ns", Math.round(v.lowNs()));
            if (Double.isInfinite(v.highNs())) {
                s.putNull("ci_high_ns");
            } else {
                s.put("ci_high_ns", Math.round(v.highNs()));
            }
        }
        if (v.kind() == Verdict.Kind.INCONCLUSIVE && v.needed() > 0) {
            s.put(v.basis() == Verdict.Basis.REPLICATIONS ? "replications_needed" : "samples_needed", v.needed());
        }
    }

    /** Samples per simulated second of {@code samples} over {@code replications} × {@code durationNs}. */
    static double rate(long samples, int replications, long durationNs) {
        return durationNs <= 0 ? 0 : samples / (replications * (durationNs / 1e9));
    }
}
