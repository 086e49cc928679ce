package org.rtvsim.measure;

import umontreal.ssj.stat.Tally;

/**
 * The Student-t confidence interval for the mean of independent replication values (any unit, usually
 * nanoseconds), computed with SSJ's {@link Tally#confidenceIntervalStudent}. Values are added in
 * replication order, so the result does not depend on which thread ran which replication.
 */
public final class StudentInterval {
    private StudentInterval() {
    }

    /** {@code {mean, low, high}} of {@code values} at {@code level} (0,1); low and high NaN when n &lt; 2. */
    public static double[] of(double[] values, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        if (values.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN};
        }
        Tally t = new Tally();
        for (double v : values) {
            t.add(v);
        }
        if (values.length < 2) {
            return new double[] {t.average(), Double.NaN, Double.NaN};
        }
        double[] cr = new double[2];
        if (t.variance() == 0) {
            return new double[] {t.average(), t.average(), t.average()};
        }
        t.confidenceIntervalStudent(level, cr);
        return new double[] {cr[0], cr[0] - cr[1], cr[0] + cr[1]};
    }
}
