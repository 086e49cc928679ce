package org.rtvsim.calibrate;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.rtvsim.experiment.Axis;

/**
 * One scenario key to fit and its range, from {@code --fit PATH=LO..HI}: any key {@code --set} reaches, the
 * ends numbers with an optional common unit ({@code host.kernel.costs.context_switch.lognormal.median=1us..4us},
 * {@code ...sigma=0.1..0.8}). The optimiser works in normalised coordinates x ∈ [0, 1]: value = lo + x·(hi − lo),
 * rounded for keys that only take integers. Whether the path exists and takes such values is checked by
 * loading the scenario with both ends ({@code CalibrateCommand}).
 */
public record FitParameter(String path, double lo, double hi, String unit, boolean integer, Prior prior) {

    /**
     * A prior belief about the value: normal (centre = mean, spread = standard deviation, in the parameter's
     * unit) or lognormal (centre = median in the unit, spread = σ of the logarithm). It enters the objective as
     * a penalty scaled by the noise floor ({@link Calibration}).
     */
    public record Prior(boolean lognormal, double centre, double spread) {
        /** Half the squared standardised distance of {@code value} from the centre (a negative log density). */
        public double penalty(double value) {
            double z = lognormal ? (Math.log(Math.max(value, 1e-300)) - Math.log(centre)) / spread
                    : (value - centre) / spread;
            return 0.5 * z * z;
        }

        @Override
        public String toString() {
            return (lognormal ? "lognormal(median " : "normal(mean ") + centre + (lognormal ? ", sigma " : ", sd ")
                    + spread + ")";
        }
    }

    private static final MathContext DIGITS = new MathContext(7);

    /** Parses {@code PATH=LO..HI}; anything malformed, or lo ≥ hi, is an {@link IllegalArgumentException}. */
    public static FitParameter parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("--fit '" + text + "': expected PATH=LO..HI, e.g. "
                    + "host.kernel.costs.context_switch.lognormal.median=1us..4us");
        }
        String path = text.substring(0, eq).trim();
        String range = text.substring(eq + 1).trim();
        Axis.Span span = Axis.span("--fit", path, range);
        if (span.step() != null) {
            throw new IllegalArgumentException("--fit " + path + ": range '" + range + "' takes no step; write LO..HI");
        }
        if (span.lo().compareTo(span.hi()) >= 0) {
            throw new IllegalArgumentException("--fit " + path + ": range '" + range + "' needs LO < HI");
        }
        return new FitParameter(path, span.lo().doubleValue(), span.hi().doubleValue(), span.unit(), false, null);
    }

    /** The same parameter taking only integer values. */
    public FitParameter asInteger() {
        return new FitParameter(path, lo, hi, unit, true, prior);
    }

    /** The same parameter with a prior. */
    public FitParameter withPrior(Prior p) {
        return new FitParameter(path, lo, hi, unit, integer, p);
    }

    /** The value at normalised coordinate {@code x} (clamped to [0, 1]), in the parameter's unit. */
    public double value(double x) {
        double v = lo + Math.min(1, Math.max(0, x)) * (hi - lo);
        return integer ? Math.rint(v) : v;
    }

    /** The normalised coordinate of {@code value}. */
    public double normalised(double value) {
        return (value - lo) / (hi - lo);
    }

    /** The value as scenario text, e.g. {@code 2.345678us} (7 significant digits). */
    public String text(double x) {
        return format(value(x));
    }

    /** A number in the parameter's unit as scenario text. */
    public String format(double v) {
        if (integer) {
            return (long) Math.rint(v) + unit;
        }
        return new BigDecimal(v).round(DIGITS).stripTrailingZeros().toPlainString() + unit;
    }

    /** The {@code --set} override at {@code x}. */
    public String set(double x) {
        return path + "=" + text(x);
    }

    /** {@code LO..HI} as given. */
    public String range() {
        return format(lo) + ".." + format(hi);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s=%s", path, range());
    }
}
