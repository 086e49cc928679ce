package org.rtvsim.measure;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Combines the runs of N replications into a {@link ReplicatedResult}, times in nanoseconds: per group
 * (all threads pooled, then each thread) min, avg, the requested percentiles and max over the pooled
 * samples — HdrHistograms merged, min/max/sum exact — and a Student-t interval over the per-replication
 * values. Also the paired differences between two such results. Pure functions of the runs in
 * replication order, so any thread count gives the same result.
 */
public final class ReplicationStats {
    /** The label of the group of all threads pooled. */
    public static final String ALL = "all threads";

    private ReplicationStats() {
    }

    /** Combines {@code runs} (replication order; at least one) at confidence {@code level}. */
    public static ReplicatedResult combine(String label, List<RunResult> runs, double level) {
        RunResult first = runs.get(0);
        List<Double> ps = new ArrayList<>();
        if (!first.threads().isEmpty()) {
            first.threads().get(0).percentiles().forEach(p -> ps.add(p.p()));
        }
        List<ReplicatedGroup> groups = new ArrayList<>();
        List<List<ThreadResult>> all = new ArrayList<>();
        runs.forEach(r -> all.add(r.threads()));
        groups.add(group(ALL, -1, -1, all, ps, level));
        for (int i = 0; i < first.threads().size(); i++) {
            List<List<ThreadResult>> one = new ArrayList<>();
            for (RunResult r : runs) {
                one.add(List.of(r.threads().get(i)));
            }
            ThreadResult t = first.threads().get(i);
            groups.add(group(t.thread(), t.index(), t.cpu(), one, ps, level));
        }
        SloResult slo = null;
        if (first.slo() != null && groups.get(0).samples() > 0) {
            slo = slo(first.slo(), runs, all, level);
        }
        return new ReplicatedResult(label, first.scenario(), first.source(), first.seed(), first.durationNs(),
                first.warmupNs(), level, runs, groups, slo);
    }

    /**
     * The SLO over every replication's samples pooled, judged like {@code capacity} judges a point
     * ({@link Verdict#of(StatisticCI, long, long, double)}); a replication whose measuring thread starved
     * makes it a miss.
     */
    private static SloResult slo(SloResult any, List<RunResult> runs, List<List<ThreadResult>> all, double level) {
        double p = any.percentile();
        ReplicatedGroup g = group(ALL, -1, -1, all, List.of(p), level);
        StatisticCI s = g.statistic(Percentiles.name(p));
        Verdict v = Verdict.of(s, any.limitNs(), g.samples(), level);
        // the note experiment.SingleRun.STARVED begins with
        if (runs.stream().anyMatch(r -> r.notes().stream().anyMatch(n -> n.startsWith("starved: ")))) {
            v = v.missed();
        }
        return new SloResult(p, any.limitNs(), Math.round(s.pooledNs()), v);
    }

    /** The statistics of one group; {@code perReplication.get(r)} are the threads pooled in replication r. */
    static ReplicatedGroup group(String label, int thread, int cpu, List<List<ThreadResult>> perReplication,
                                 List<Double> ps, double level) {
        int n = perReplication.size();
        List<Pool> reps = new ArrayList<>(n);
        List<ThreadResult> everything = new ArrayList<>();
        for (List<ThreadResult> ts : perReplication) {
            reps.add(Pool.of(ts));
            everything.addAll(ts);
        }
        Pool total = Pool.of(everything);
        List<StatisticCI> stats = new ArrayList<>();
        stats.add(statistic("min", Double.NaN, total.count == 0 ? Double.NaN : total.min, reps,
                r -> (double) r.min, true, true, level, null));
        stats.add(statistic("avg", Double.NaN, total.avg(), reps, Pool::avg, true, true, level, null));
        List<org.HdrHistogram.AbstractHistogram> batches = new ArrayList<>();
        everything.forEach(t -> batches.addAll(t.batches()));
        List<Percentile> pooled = total.count == 0 ? List.of()
                : Percentiles.of(total.hdr, ps, total.min, total.max, batches);
        for (int i = 0; i < ps.size(); i++) {
            final int k = i;
            double p = ps.get(i);
            boolean each = reps.stream().allMatch(r -> Percentiles.supported(r.count, p));
            Percentile pp = total.count == 0 ? new Percentile(p, 0, false) : pooled.get(i);
            stats.add(statistic(Percentiles.name(p), p, total.count == 0 ? Double.NaN : pp.valueNs(),
                    reps, r -> (double) Percentiles.of(r.hdr, List.of(ps.get(k)), r.min, r.max).get(0).valueNs(),
                    pp.supported(), each, level, pp));
        }
        stats.add(statistic("max", Double.NaN, total.count == 0 ? Double.NaN : total.max, reps,
                r -> (double) r.max, true, true, level, null));
        return new ReplicatedGroup(label, thread, cpu, total.count, stats);
    }

    private interface Value {
        double of(Pool p);
    }

    private static StatisticCI statistic(String name, double p, double pooledNs, List<Pool> reps, Value v,
                                         boolean supported, boolean supportedEach, double level,
                                         Percentile pooled) {
        List<Double> xs = new ArrayList<>();
        for (Pool r : reps) {
            if (r.count > 0) {
                xs.add(v.of(r));
            }
        }
        double[] values = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] ci = StudentInterval.of(values, level);
        // every statistic is a latency, never negative: a t-interval reaching below 0 is cut there (its
        // coverage of a non-negative mean is unchanged)
        double low = Double.isNaN(ci[1]) ? ci[1] : Math.max(0, ci[1]);
        double pLow = Double.NaN;
        double pHigh = Double.NaN;
        if (pooled != null && pooled.hasInterval()) {
            pLow = pooled.ciLowNs();
            pHigh = pooled.ciHighNs();
        }
        return new StatisticCI(name, p, pooledNs, ci[0], low, ci[2], values.length, supported, supportedEach,
                values, pLow, pHigh);
    }

    /**
     * Paired differences {@code variant − baseline} of every statistic of the pooled groups, replication by
     * replication, at the results' confidence level; statistics absent from either side are skipped.
     */
    public static List<PairedDifference> paired(ReplicatedResult baseline, ReplicatedResult variant) {
        List<PairedDifference> out = new ArrayList<>();
        for (StatisticCI b : baseline.pooled().statistics()) {
            StatisticCI v = variant.pooled().statistic(b.name());
            if (v == null) {
                continue;
            }
            double[] bv = b.valuesNs();
            double[] vv = v.valuesNs();
            int n = Math.min(bv.length, vv.length);
            double[] d = new double[n];
            for (int r = 0; r < n; r++) {
                d[r] = vv[r] - bv[r];
            }
            double[] ci = StudentInterval.of(d, baseline.confidence());
            boolean significant = !Double.isNaN(ci[1]) && (ci[1] > 0 || ci[2] < 0);
            out.add(new PairedDifference(b.name(), ci[0], ci[1], ci[2], n, significant));
        }
        return out;
    }

    /** Samples of several threads pooled: merged HdrHistogram plus exact count, min, max and sum. */
    private static final class Pool {
        Histogram hdr;
        long count;
        long min = Long.MAX_VALUE;
        long max;
        long sum;

        static Pool of(List<ThreadResult> threads) {
            Pool p = new Pool();
            for (ThreadResult t : threads) {
                if (p.hdr == null) {
                    p.hdr = t.hdr();
                } else {
                    p.hdr.add(t.hdr());
                }
                if (t.samples() > 0) {
                    p.min = Math.min(p.min, t.minNs());
                    p.max = Math.max(p.max, t.maxNs());
                }
                p.count += t.samples();
                p.sum += t.sumNs();
            }
            if (p.hdr == null) {
                p.hdr = new Histogram(3);
            }
            if (p.count == 0) {
                p.min = 0;
            }
            return p;
        }

        double avg() {
            return count == 0 ? Double.NaN : (double) sum / count;
        }
    }
}
