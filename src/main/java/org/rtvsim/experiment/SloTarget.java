package org.rtvsim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rtvsim.engine.Units;
import org.rtvsim.measure.Percentiles;
import org.rtvsim.measure.StatisticCI;
import org.rtvsim.measure.Verdict;
import org.rtvsim.scenario.MeasureSpec;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * A latency objective {@code STAT<LIMIT} such as {@code p99.99<50us}, limit in nanoseconds: STAT is
 * {@code min}, {@code avg}, {@code max} or {@code pP} with 0 &lt; P &lt; 100. It is met <em>with
 * confidence</em> when the statistic's whole interval is below the limit, missed when the whole interval is
 * at or above it, inconclusive otherwise ({@link Verdict}): the Student-t interval over replications, or with
 * one replication a percentile's order-statistic interval over the pooled samples (min, avg, max: the value).
 */
public record SloTarget(String statistic, double p, long limitNs) {
    private static final Pattern SLO = Pattern.compile("\\s*([A-Za-z0-9.]+)\\s*<\\s*([^<>]*?)\\s*");

    /** Parses {@code STAT<LIMIT}; anything else is an {@link IllegalArgumentException} saying what was expected. */
    public static SloTarget parse(String text) {
        Matcher m = SLO.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("--slo '" + text + "': expected STAT<LIMIT with a time unit, "
                    + "e.g. \"p99.99<50us\" (STAT: min, avg, max or pP with 0 < P < 100)");
        }
        String stat = m.group(1);
        double p = percentileOf(stat, "--slo '" + text + "'");
        long limit;
        try {
            limit = Units.durationNs(m.group(2));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--slo '" + text + "': limit: " + e.getMessage());
        }
        if (limit <= 0) {
            throw new IllegalArgumentException("--slo '" + text + "': the limit must be positive");
        }
        return new SloTarget(Double.isNaN(p) ? stat : Percentiles.name(p), p, limit);
    }

    /**
     * The percentile a statistic name stands for ({@code p99.9} → 99.9), NaN for min, avg and max;
     * an {@link IllegalArgumentException} for anything else, prefixed by {@code what}.
     */
    public static double percentileOf(String stat, String what) {
        if (stat.equals("min") || stat.equals("avg") || stat.equals("max")) {
            return Double.NaN;
        }
        if (!stat.matches("p\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException(what + ": unknown statistic '" + stat
                    + "'; expected min, avg, max or a percentile such as p99.99");
        }
        double p = Double.parseDouble(stat.substring(1));
        if (!(p > 0 && p < 100)) {
            throw new IllegalArgumentException(what + ": percentile " + stat.substring(1)
                    + " is outside (0, 100); use max for the maximum");
        }
        return p;
    }

    /** The verdict on {@code s}, a statistic of {@code samples} pooled samples, at {@code confidence}. */
    public Verdict judge(StatisticCI s, long samples, double confidence) {
        return Verdict.of(s, limitNs, samples, confidence);
    }

    /** The scenario with percentile {@code p} among those it measures (unchanged for NaN or when present). */
    public static ScenarioSpec measuring(ScenarioSpec s, double p) {
        MeasureSpec m = s.measure();
        if (Double.isNaN(p) || m.percentiles().contains(p)) {
            return s;
        }
        List<Double> ps = new ArrayList<>(m.percentiles());
        ps.add(p);
        ps.sort(Double::compare);
        MeasureSpec nm = new MeasureSpec(m.bucketNs(), m.buckets(), ps, m.attribution(), m.trace(), m.scope());
        return new ScenarioSpec(s.name(), s.description(), s.seed(), s.durationNs(), s.warmupNs(), s.replications(),
                s.hardware(), s.host(), s.vms(), s.events(), nm, s.slo(), s.uncertain(), s.source(), s.locations());
    }
}
