package org.rtvsim.measure;

import java.util.Locale;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Whether a latency statistic meets an objective {@code statistic < limit}, judged on its interval
 * (docs/statistics.md, "Verdicts"): the whole interval below the limit <b>meets</b>, the whole interval at or
 * above it <b>misses</b>, an interval containing the limit is <b>inconclusive</b>, with an estimate of what
 * would decide it. {@code needed} is that estimate: replications for an interval over replications, pooled
 * samples for an order-statistic interval; −1 when none can be given (the estimate lies on the limit).
 * {@code atLeast} marks a lower bound (the data give no upper bound yet). Times in nanoseconds; an unbounded
 * upper end is {@link Double#POSITIVE_INFINITY}.
 */
public record Verdict(Kind kind, Basis basis, double valueNs, double lowNs, double highNs, long limitNs,
                      long needed, boolean atLeast) {

    /** The three answers. */
    public enum Kind {
        MEETS("meets"), MISSES("misses"), INCONCLUSIVE("inconclusive");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        /** "meets", "misses" or "inconclusive". */
        public String word() {
            return word;
        }
    }

    /** Which interval the verdict was judged on. */
    public enum Basis {
        /** Student-t interval over replications; {@code needed} counts replications. */
        REPLICATIONS,
        /** Distribution-free order-statistic interval over the pooled samples; {@code needed} counts samples. */
        SAMPLES,
        /** No interval (one replication and min, avg or max): the value alone decides. */
        VALUE
    }

    /** A verdict on a value without an interval: meets below the limit, misses at or above it. */
    public static Verdict ofValue(double valueNs, long limitNs) {
        return new Verdict(valueNs < limitNs ? Kind.MEETS : Kind.MISSES, Basis.VALUE, valueNs, valueNs, valueNs,
                limitNs, 0, false);
    }

    /**
     * The verdict on statistic {@code s} of {@code samples} pooled samples: on its Student-t interval over
     * replications at {@code confidence} when it has one; else, for a percentile, on its pooled 95 %
     * order-statistic interval; else on its value.
     */
    public static Verdict of(StatisticCI s, long limitNs, long samples, double confidence) {
        if (s.hasInterval()) {
            return ofReplications(s.meanNs(), s.lowNs(), s.highNs(), limitNs, s.n(), confidence);
        }
        if (!Double.isNaN(s.p()) && !Double.isNaN(s.pooledLowNs())) {
            double high = s.pooledHighNs() == QuantileInterval.UNBOUNDED ? Double.POSITIVE_INFINITY : s.pooledHighNs();
            return ofQuantile(s.pooledNs(), s.pooledLowNs(), high, limitNs, s.p(), samples, QuantileInterval.LEVEL);
        }
        return ofValue(s.pooledNs(), limitNs);
    }

    /** The verdict on a single run's percentile {@code pc} of {@code samples} samples (its 95 % interval). */
    public static Verdict of(Percentile pc, long limitNs, long samples) {
        if (!pc.hasInterval()) {
            return ofValue(pc.valueNs(), limitNs);
        }
        double high = pc.ciHighNs() == QuantileInterval.UNBOUNDED ? Double.POSITIVE_INFINITY : pc.ciHighNs();
        return ofQuantile(pc.valueNs(), pc.ciLowNs(), high, limitNs, pc.p(), samples, QuantileInterval.LEVEL);
    }

    /** A verdict forced to "misses" (a starved measuring thread: its latency is not represented). */
    public Verdict missed() {
        return new Verdict(Kind.MISSES, basis, valueNs, lowNs, highNs, limitNs, 0, false);
    }

    /**
     * A verdict on an order-statistic interval [{@code lowNs}, {@code highNs}] (high +∞ when the data give no
     * upper bound) of percentile {@code p} (in percent) estimated as {@code valueNs} from {@code samples} pooled
     * samples, at {@code confidence}. An inconclusive one estimates the samples needed: the interval's width
     * on the limit's side shrinks as 1/√n (it is z·√(n·q·(1−q)) ranks wide), so n·(w/d)² samples bring it
     * within the distance d from the estimate to the limit; without an upper bound, at least
     * {@link #samplesForUpperBound} samples.
     */
    public static Verdict ofQuantile(double valueNs, double lowNs, double highNs, long limitNs, double p,
                                     long samples, double confidence) {
        Kind kind = kind(lowNs, highNs, limitNs);
        long needed = 0;
        boolean atLeast = false;
        if (kind == Kind.INCONCLUSIVE) {
            double d = Math.abs(limitNs - valueNs);
            double w = valueNs < limitNs ? highNs - valueNs : valueNs - lowNs;
            if (Double.isInfinite(w)) {
                needed = Math.max(samples + 1, samplesForUpperBound(p, confidence));
                atLeast = true;
            } else if (d <= 0 || w <= 0) {
                needed = -1;
            } else {
                needed = Math.max(samples + 1, (long) Math.ceil(samples * (w / d) * (w / d)));
            }
        }
        return new Verdict(kind, Basis.SAMPLES, valueNs, lowNs, highNs, limitNs, needed, atLeast);
    }

    /**
     * A verdict on a Student-t interval [{@code lowNs}, {@code highNs}] around the mean {@code meanNs} of
     * {@code n} replications at {@code confidence}. An inconclusive one estimates the replications needed: the
     * standard deviation s = (high − mean)·√n / t(n−1) stays, and the smallest R with t(R−1)·s/√R below the
     * distance from the mean to the limit decides it.
     */
    public static Verdict ofReplications(double meanNs, double lowNs, double highNs, long limitNs, int n,
                                         double confidence) {
        Kind kind = kind(lowNs, highNs, limitNs);
        long needed = 0;
        if (kind == Kind.INCONCLUSIVE) {
            double d = Math.abs(limitNs - meanNs);
            double s = (highNs - meanNs) * Math.sqrt(n) / t(n - 1, confidence);
            needed = d <= 0 || !(s > 0) ? -1 : replicationsFor(s, d, n, confidence);
        }
        return new Verdict(kind, Basis.REPLICATIONS, meanNs, lowNs, highNs, limitNs, needed, false);
    }

    /**
     * The fewest samples n for which the order-statistic interval of percentile {@code p} at {@code confidence}
     * has an upper bound in the data: the upper rank ⌈nq + z·√(n·q·(1−q))⌉ + 1 is at most n
     * ({@link QuantileInterval}, docs/statistics.md "Planning"). For independent samples; autocorrelated ones
     * need the batch-means inflation factor times more.
     */
    public static long samplesForUpperBound(double p, double confidence) {
        double q = p / 100;
        double z = z(confidence);
        if (!(q > 0 && q < 1)) {
            throw new IllegalArgumentException("percentile " + p + " outside (0, 100)");
        }
        // with x = √(n(1−q)), the upper rank fits when x² − z√q·x ≥ 1 + (the rounding, below 1): scan upwards
        // from the smallest n with x² − z√q·x ≥ 1, which no fitting n is below
        double x = (z * Math.sqrt(q) + Math.sqrt(z * z * q + 4)) / 2;
        long n = Math.max(1, (long) Math.floor(x * x / (1 - q)) - 1);
        while (!upperRankFits(n, q, z)) {
            n++;
        }
        return n;
    }

    static boolean upperRankFits(long n, double q, double z) {
        return Math.ceil(n * q + z * Math.sqrt(n * q * (1 - q))) + 1 <= n;
    }

    /** The two-sided normal quantile of {@code confidence}: 1.96 at 0.95. */
    public static double z(double confidence) {
        return new NormalDistribution().inverseCumulativeProbability((1 + confidence) / 2);
    }

    private static double t(int df, double confidence) {
        return new TDistribution(df).inverseCumulativeProbability((1 + confidence) / 2);
    }

    private static long replicationsFor(double s, double d, int n, double confidence) {
        for (int r = Math.max(2, n + 1); r <= 1_000_000; r++) {
            if (t(r - 1, confidence) * s / Math.sqrt(r) < d) {
                return r;
            }
        }
        return -1;
    }

    private static Kind kind(double lowNs, double highNs, long limitNs) {
        if (highNs < limitNs) {
            return Kind.MEETS;
        }
        if (lowNs >= limitNs) {
            return Kind.MISSES;
        }
        return Kind.INCONCLUSIVE;
    }

    /**
     * One line: "meets", "misses" or "inconclusive: run longer or more replications (estimated …)";
     * {@code samplesPerSecond} (simulated, all replications together; 0 when unknown) turns samples into
     * simulated time.
     */
    public String describe(double samplesPerSecond) {
        if (kind != Kind.INCONCLUSIVE) {
            return kind.word();
        }
        String how = switch (basis) {
            case REPLICATIONS -> needed < 0 ? "the mean lies on the limit; no number of replications decides it"
                    : "estimated " + needed + " replications";
            case SAMPLES -> needed < 0 ? "the estimate lies on the limit; no run length decides it"
                    : "estimated " + (atLeast ? "at least " : "") + count(needed) + " samples"
                    + (samplesPerSecond > 0 ? ", about " + seconds(needed / samplesPerSecond) + " simulated" : "");
            case VALUE -> "";
        };
        return "inconclusive: run longer or more replications (" + how + ")";
    }

    /** Whether the statistic meets the objective with the stated confidence. */
    public boolean met() {
        return kind == Kind.MEETS;
    }

    /** A count for people: 73,010 or 12.5 M. */
    public static String count(long n) {
        if (n >= 10_000_000) {
            return String.format(Locale.ROOT, "%.1f M", n / 1e6);
        }
        return String.format(Locale.ROOT, "%,d", n);
    }

    static String seconds(double s) {
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%.1f h", s / 3600);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%.1f min", s / 60);
        }
        if (s >= 1) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        return String.format(Locale.ROOT, "%.0f ms", Math.max(1, s * 1000));
    }
}
