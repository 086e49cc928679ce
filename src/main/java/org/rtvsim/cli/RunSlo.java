package org.rtvsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.rtvsim.engine.Units;
import org.rtvsim.experiment.SloTarget;
import org.rtvsim.measure.SloResult;
import org.rtvsim.scenario.ScenarioSpec;
import org.rtvsim.scenario.SloSpec;

/** {@code run}'s latency objective: {@code --slo} on the scenario, and the verdict as an exit code and a line. */
final class RunSlo {
    private RunSlo() {
    }

    /** The scenario with its slo: replaced by {@code --slo} (a percentile objective). */
    static ScenarioSpec withSlo(ScenarioSpec s, String text) {
        SloTarget t = ExperimentArgs.parsing(() -> SloTarget.parse(text));
        if (Double.isNaN(t.p())) {
            throw new Errors.BadInput("--slo '" + text + "': run judges a percentile, e.g. 'p99.99<50us'; "
                    + t.statistic() + " is not one (capacity and the scenario's slo: neither)");
        }
        return new ScenarioSpec(s.name(), s.description(), s.seed(), s.durationNs(), s.warmupNs(), s.replications(),
                s.hardware(), s.host(), s.vms(), s.events(), s.measure(), new SloSpec(t.p(), t.limitNs()),
                s.uncertain(), s.source(), s.locations());
    }

    /** Run's exit code for its SLO (0 meets, 1 misses, 4 inconclusive), saying why on {@code err}. */
    static int verdict(SloResult slo, String scenarioName, PrintWriter err) {
        if (slo == null || slo.met()) {
            return Errors.OK;
        }
        String what = percentileName(slo.percentile()) + " = " + us(slo.valueNs()) + " us";
        if (slo.verdict().basis() != org.rtvsim.measure.Verdict.Basis.VALUE) {
            what += ", interval [" + us(Math.round(slo.verdict().lowNs())) + ", "
                    + (Double.isInfinite(slo.verdict().highNs()) ? ">max" : us(Math.round(slo.verdict().highNs())))
                    + "] us";
        }
        if (slo.missed()) {
            err.println("rtvsim: SLO missed: " + what + ", not below the limit " + Units.formatNs(slo.limitNs())
                    + " (scenario " + scenarioName + ")");
            err.flush();
            return Errors.SLO_MISSED;
        }
        err.println("rtvsim: SLO inconclusive: " + what + " contains the limit " + Units.formatNs(slo.limitNs())
                + " (scenario " + scenarioName + "); " + slo.verdict().describe(0).substring("inconclusive: ".length()));
        err.flush();
        return Errors.INCONCLUSIVE;
    }

    static String us(long ns) {
        return String.format(Locale.ROOT, "%.2f", ns / 1000.0);
    }

    static String percentileName(double p) {
        return "p" + java.math.BigDecimal.valueOf(p).stripTrailingZeros().toPlainString();
    }
}
