package org.rtvsim.tail;

import java.util.ArrayList;
import java.util.List;

/** The maximum-likelihood GPD fit above one threshold {@code u}: exceedances, estimate (ξ, σ), covariance. */
record ThresholdFit(double u, long nu, long nCens, double[][] y, double[][] cy, double[] best, double[][] cov) {
    static ThresholdFit fit(TailData data, double u) {
        return fit(data, u, null);
    }

    /** From the given (ξ, σ) start only when {@code start} is not null (a refit near a known optimum). */
    static ThresholdFit fit(TailData data, double u, double[] start) {
        List<double[]> ex = new ArrayList<>(); // {y, weight}, descending
        for (int i = data.size() - 1; i >= 0 && data.value(i) > u; i--) {
            ex.add(new double[] {data.value(i) - u, data.count(i)});
        }
        List<double[]> cens = new ArrayList<>();
        long nCens = 0;
        for (TailData.Censored c : data.censored()) {
            cens.add(new double[] {Math.max(0, c.atNs() - u), c.count()});
            nCens += c.count();
        }
        double[][] y = ex.toArray(new double[0][]);
        double[][] cy = cens.toArray(new double[0][]);
        double[] best = start == null ? GpdLikelihood.maximise(y, cy)
                : GpdLikelihood.maximiseFrom(y, cy, start[0], start[1]);
        return new ThresholdFit(u, data.countAbove(u), nCens, y, cy, best,
                GpdLikelihood.covariance(y, cy, best[0], best[1]));
    }
}
