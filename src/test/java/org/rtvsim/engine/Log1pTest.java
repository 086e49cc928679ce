package org.rtvsim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Log1p} returns {@code StrictMath.log1p}'s double bit for bit in every range fdlibm distinguishes. */
class Log1pTest {

    private static void same(double x) {
        assertEquals(Double.doubleToRawLongBits(StrictMath.log1p(x)), Double.doubleToRawLongBits(Log1p.of(x)),
                () -> "log1p(" + x + ") = " + StrictMath.log1p(x) + " but got " + Log1p.of(x));
    }

    @Test
    void specialValuesAndBranchBoundaries() {
        double[] xs = {0.0, -0.0, -1.0, -1.5, -Double.MIN_VALUE, Double.MIN_VALUE, Double.NaN,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, 0x1p-29, -0x1p-29, 0x1p-54,
            -0x1p-54, 0x1p-20, -0x1p-20, 0.41422, 0.414213562373095, -0.2929, -0.29289321881345, 0x1p53, 0x1p54,
            Math.nextDown(-1.0) , Math.nextUp(-1.0), 1.0, 2.0, Math.E - 1, 1e300, 1e-300};
        for (double x : xs) {
            same(x);
            same(Math.nextUp(x));
            same(Math.nextDown(x));
        }
    }

    @Test
    void uniformInversionRange_andRandomBitPatterns() {
        SplittableRandom r = new SplittableRandom(17);
        for (int i = 0; i < 2_000_000; i++) {
            same(-r.nextDouble()); // -u, the exponential's argument
        }
        for (int i = 0; i < 500_000; i++) {
            same(r.nextDouble() * 2 - 1);
            same(Math.scalb(r.nextDouble(), -r.nextInt(1, 80)) * (r.nextBoolean() ? 1 : -1));
            same(Double.longBitsToDouble(r.nextLong()));
            same(Math.scalb(1 + r.nextDouble(), r.nextInt(0, 1024)));
        }
    }
}
