package org.rtvsim.measure;

/**
 * The outcome of a service-level objective: percentile {@code percentile} of the pooled latency
 * was {@code valueNs} against a limit of {@code limitNs} nanoseconds; {@code verdict} says whether it
 * meets, misses or is inconclusive, judged on the percentile's interval ({@link Verdict}).
 */
public record SloResult(double percentile, long limitNs, long valueNs, Verdict verdict) {

    /** A result judged on the value alone ({@code met} when below the limit). */
    public SloResult(double percentile, long limitNs, long valueNs, boolean met) {
        this(percentile, limitNs, valueNs, new Verdict(met ? Verdict.Kind.MEETS : Verdict.Kind.MISSES,
                Verdict.Basis.VALUE, valueNs, valueNs, valueNs, limitNs, 0, false));
    }

    /** Whether the objective is met with the stated confidence. */
    public boolean met() {
        return verdict.met();
    }

    /** Whether the interval lies entirely at or above the limit. */
    public boolean missed() {
        return verdict.kind() == Verdict.Kind.MISSES;
    }
}
