package org.rtvsim.calibrate;

import java.util.ArrayList;
import java.util.List;
import org.rtvsim.experiment.Axis;
import org.rtvsim.scenario.ScenarioException;
import org.rtvsim.scenario.ScenarioSpec;
import org.rtvsim.scenario.UncertainSpec;

/**
 * The scenario's {@code uncertain:} entries as {@link FitParameter}s: the range parsed like {@code --fit}'s, the
 * prior's centre and spread in the range's unit (a lognormal's σ is a plain number). Errors are
 * {@link ScenarioException}s at the entry's line.
 */
public final class UncertainParameters {
    private UncertainParameters() {
    }

    /** Every {@code uncertain:} entry of {@code spec}, in order. */
    public static List<FitParameter> of(ScenarioSpec spec) {
        List<FitParameter> out = new ArrayList<>();
        for (int i = 0; i < spec.uncertain().size(); i++) {
            out.add(of(spec.uncertain().get(i), "uncertain[" + i + "]"));
        }
        return out;
    }

    static FitParameter of(UncertainSpec u, String key) {
        FitParameter p;
        try {
            p = FitParameter.parse(u.path() + "=" + u.range());
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(u.location(), key + ".range", e.getMessage().replace("--fit ", ""));
        }
        if (u.prior() == null) {
            return p;
        }
        UncertainSpec.Prior pr = u.prior();
        String pkey = key + ".prior." + pr.kind();
        boolean lognormal = pr.kind().equals("lognormal");
        double centre;
        double spread;
        try {
            if (lognormal) {
                Axis.Span c = Axis.span("prior", u.path(), pr.centre() + ".." + pr.centre());
                unit(c.unit(), p, pr, pkey);
                centre = c.lo().doubleValue();
                spread = Double.parseDouble(pr.spread().trim());
            } else {
                Axis.Span c = Axis.span("prior", u.path(), pr.centre() + ".." + pr.spread());
                unit(c.unit(), p, pr, pkey);
                centre = c.lo().doubleValue();
                spread = c.hi().doubleValue();
            }
        } catch (IllegalArgumentException e) {
            throw new ScenarioException(pr.location(), pkey, "expected numbers in the range's unit ('" + p.unit()
                    + "')" + (lognormal ? " for the median and a plain number for sigma" : "") + "; got "
                    + pr.centre() + ", " + pr.spread());
        }
        if (!(spread > 0) || lognormal && !(centre > 0)) {
            throw new ScenarioException(pr.location(), pkey, "expected a positive " + (lognormal ? "median and sigma"
                    : "sd") + "; got " + pr.centre() + ", " + pr.spread());
        }
        return p.withPrior(new FitParameter.Prior(lognormal, centre, spread));
    }

    private static void unit(String unit, FitParameter p, UncertainSpec.Prior pr, String key) {
        if (!unit.isEmpty() && !unit.equals(p.unit()) || unit.isEmpty() && !p.unit().isEmpty()) {
            throw new ScenarioException(pr.location(), key, "expected the prior in the range's unit '" + p.unit()
                    + "'; got " + pr.centre() + ", " + pr.spread());
        }
    }
}
