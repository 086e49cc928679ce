package org.rtvsim.experiment;

import java.util.Locale;
import org.rtvsim.engine.Units;
import org.rtvsim.measure.LatencyRecorder;
import org.rtvsim.measure.Percentiles;
import org.rtvsim.measure.Verdict;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * How many latency samples, and how much simulated time, a percentile needs before a run can support it
 * (docs/statistics.md, "Planning"), computed from the scenario without simulating it: the model is built and
 * its measuring threads' intervals give the nominal sample rate. {@code boundedSamples}: the fewest samples
 * for which the order-statistic interval at {@code confidence} has an upper bound
 * ({@link Verdict#samplesForUpperBound}); {@code supportedSamples}: ten samples above the percentile
 * (rtvsim's "supported", {@link Percentiles#supported}); {@code samplesPerSecond}: every measuring thread at
 * its interval, all pooled as the SLO pools them.
 */
public record SamplePlan(String scenario, double p, double confidence, long boundedSamples, long supportedSamples,
                         int threads, double samplesPerSecond, long durationNs, int replications) {

    /** The plan for percentile {@code p} (percent) of {@code spec} at {@code confidence} over {@code replications}. */
    public static SamplePlan of(ScenarioSpec spec, double p, double confidence, int replications) {
        Model m = ModelBuilder.build(spec, 0);
        double rate = 0;
        int threads = 0;
        for (LatencyRecorder r : m.latencyRecorders()) {
            threads++;
            if (r.intervalNs() > 0) {
                rate += 1e9 / r.intervalNs();
            }
        }
        long supported = (long) Math.ceil(1000 / (100 - p) - 1e-9);
        while (!Percentiles.supported(supported, p)) {
            supported++;
        }
        return new SamplePlan(spec.name(), p, confidence, Verdict.samplesForUpperBound(p, confidence), supported,
                threads, rate, spec.durationNs(), replications);
    }

    /** The samples to plan for: the larger of the two counts. */
    public long samples() {
        return Math.max(boundedSamples, supportedSamples);
    }

    /** The simulated measured time those samples take at the nominal rate, in ns (−1 without a rate). */
    public long simulatedNs() {
        // rounded up to whole milliseconds
        return samplesPerSecond <= 0 ? -1 : ceilDiv((long) Math.ceil(samples() / samplesPerSecond * 1e9), 1_000_000)
                * 1_000_000;
    }

    /** The plan as text, ending with a newline. */
    public String text(String objective) {
        String name = Percentiles.name(p);
        String level = new java.math.BigDecimal(Double.toString(confidence)).movePointRight(2).stripTrailingZeros()
                .toPlainString();
        StringBuilder s = new StringBuilder();
        s.append("# rtvsim plan: ").append(scenario).append(", ").append(objective).append(" at ").append(level)
                .append(" % confidence (computed from the scenario; nothing simulated)\n\n");
        s.append(String.format(Locale.ROOT, "  %-12s %s samples: the %s %% order-statistic interval of %s has an "
                + "upper bound (binomial, z = %.3f)%n", "bounded", Verdict.count(boundedSamples), level, name,
                Verdict.z(confidence)));
        s.append(String.format(Locale.ROOT, "  %-12s %s samples: ten samples above %s (rtvsim's 'supported')%n",
                "supported", Verdict.count(supportedSamples), name));
        if (samplesPerSecond <= 0) {
            s.append("\nThe scenario has no measuring thread with an interval: no sample rate, no time estimate.\n");
        } else {
            long need = simulatedNs();
            s.append(String.format(Locale.ROOT, "  %-12s %s samples per simulated second (%d measuring thread%s at "
                    + "their intervals, pooled)%n", "rate", Verdict.count(Math.round(samplesPerSecond)), threads,
                    threads == 1 ? "" : "s"));
            s.append(String.format(Locale.ROOT, "  %-12s %s simulated, all replications together%n", "time",
                    Units.formatNs(need)));
            long have = durationNs * Math.max(1, replications);
            s.append("\nThe scenario measures ").append(Units.formatNs(durationNs))
                    .append(replications > 1 ? " x " + replications + " replications" : "")
                    .append(have >= need ? ": enough." : ": not enough; give --duration "
                            + Units.formatNs(ceilDiv(need, Math.max(1, replications))) + ".").append('\n');
        }
        s.append("These counts are for independent samples. Bursts correlate neighbouring samples: a run's "
                + "batch-means interval widens by that, so plan for a few times more. They make the interval "
                + "bounded; whether it then lies clear of the limit depends on how close the true " + name
                + " is to it (docs/statistics.md, Planning).\n");
        return s.toString();
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
