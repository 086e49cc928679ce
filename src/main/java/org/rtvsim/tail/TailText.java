package org.rtvsim.tail;

import java.util.Locale;

/** The terminal report of a {@link TailFit}: parameters, return levels with their intervals, diagnostics, warnings. */
final class TailText {
    private TailText() {
    }

    static String describe(TailFit f) {
        StringBuilder sb = new StringBuilder();
        int pc = (int) Math.round(100 * f.confidence());
        TailCredibility.Diagnostics d = f.diagnostics();
        sb.append("GPD tail fit (peaks over threshold, maximum likelihood)\n");
        sb.append(String.format(Locale.ROOT, "  threshold u     %.3f us%n", f.threshold() / 1000));
        sb.append(String.format(Locale.ROOT, "  exceedances     %d of %d (zeta = %.4g +- %.2g)%s%n", f.exceedances(),
                f.total(), f.zeta(), f.seZeta(),
                f.censoredExceedances() > 0 ? ", " + f.censoredExceedances() + " censored" : ""));
        sb.append(String.format(Locale.ROOT, "  shape xi        %.4f  (se %.4f, %d%% Wald CI [%.4f, %.4f])%n", f.xi(),
                f.seXi(), pc, f.xiLower(), f.xiUpper()));
        sb.append(String.format(Locale.ROOT, "  scale sigma     %.3f us  (se %.3f, %d%% Wald CI [%.3f, %.3f])%n",
                f.sigma() / 1000, f.seSigma() / 1000, pc, f.sigmaLower() / 1000, f.sigmaUpper() / 1000));
        sb.append(String.format(Locale.ROOT, "  observed max    %.3f us%n", f.observedMax() / 1000));
        if (f.xi() < 0) {
            sb.append(String.format(Locale.ROOT, "  upper endpoint  %.3f us (u + sigma/|xi|)%n",
                    (f.threshold() + f.sigma() / -f.xi()) / 1000));
        }
        boolean boot = f.bootstrapResult() != null;
        sb.append(String.format(Locale.ROOT, "Return levels (latency exceeded with probability p per wake-up; %d%% "
                + "profile-likelihood CI%s):%n", pc, boot ? String.format(Locale.ROOT, ", parametric bootstrap of %d "
                + "beside it", f.bootstrapResult().ad().length) : ""));
        boolean anyFloor = false;
        for (TailFit.ReturnLevel r : f.returnLevels()) {
            if (Double.isNaN(r.valueNs())) {
                sb.append(String.format(Locale.ROOT, "  p = %.0e   no return level (p >= zeta)%n", r.p()));
                continue;
            }
            sb.append(String.format(Locale.ROOT, "  p = %.0e   %10.3f us   CI [%s, %s] us", r.p(), r.valueNs() / 1000,
                    us(r.lowerNs()), us(r.upperNs())));
            if (boot) {
                sb.append(String.format(Locale.ROOT, "   bootstrap [%s, %s]", us(r.bootLowerNs()), us(r.bootUpperNs())));
            }
            if (r.atLeastMax()) {
                sb.append(" *");
                anyFloor = true;
            }
            sb.append('\n');
        }
        if (anyFloor) {
            sb.append(String.format(Locale.ROOT, "  * the data alone put this level above the observed maximum (all "
                    + "%d samples stay below it with probability >= %.3f), so no bound is below %.3f us%n", f.total(),
                    1 - (1 - f.confidence()) / 2, f.observedMax() / 1000));
        }
        sb.append("Diagnostics:\n");
        if (d.stability().isEmpty()) {
            sb.append(String.format(Locale.ROOT, "  threshold stability  not checked (fewer than %d exceedances above "
                    + "a higher threshold)%n", 2 * TailCredibility.MIN_STABILITY_EXCEEDANCES));
        } else {
            sb.append("  threshold stability  xi");
            String sep = " ";
            for (TailCredibility.Stability s : d.stability()) {
                sb.append(String.format(Locale.ROOT, "%sabove %.3f us (%d): %.3f [%.3f, %.3f]", sep,
                        s.thresholdNs() / 1000, s.exceedances(), s.xi(), s.xiLower(), s.xiUpper()));
                sep = "; ";
            }
            sb.append('\n');
        }
        sb.append(String.format(Locale.ROOT, "  goodness of fit      Anderson-Darling A2 = %.3f, %s%n", d.andersonDarling(),
                Double.isNaN(d.adPValue()) ? "no p-value (no bootstrap)"
                        : String.format(Locale.ROOT, "bootstrap p = %.3f", d.adPValue())));
        sb.append(String.format(Locale.ROOT, "  largest values       %d of the %d largest improbable under the fit%n",
                d.inconsistentPointsNs().size(), d.pointsChecked()));
        if (f.warnings().isEmpty()) {
            sb.append("Credibility: no warnings\n");
        } else {
            sb.append(String.format(Locale.ROOT, "Credibility: %d warning%s (the fit is not credible):%n",
                    f.warnings().size(), f.warnings().size() == 1 ? "" : "s"));
            for (String w : f.warnings()) {
                sb.append("  - ").append(w).append('\n');
            }
        }
        return sb.toString();
    }

    static String us(double ns) {
        if (Double.isInfinite(ns)) {
            return "unbounded";
        }
        return Double.isNaN(ns) ? "-" : String.format(Locale.ROOT, "%.3f", ns / 1000);
    }
}
