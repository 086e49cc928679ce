package org.rtvsim.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.rtvsim.measure.Attribution;
import org.rtvsim.measure.ThreadResult;

/** Number formatting shared by the writers: zero padding, nanoseconds as microseconds, shares. */
final class Format {
    private Format() {
    }

    /** Appends {@code v} zero-padded to at least {@code width} digits, like C's {@code %0Nlu}. */
    static void pad(Appendable out, long v, int width) throws IOException {
        String s = Long.toString(v);
        for (int i = s.length(); i < width; i++) {
            out.append('0');
        }
        out.append(s);
    }

    /** Nanoseconds as microseconds with 2 decimals, rounded half up ({@code 12345 → "12.35"}). */
    static String us(long ns) {
        return BigDecimal.valueOf(ns, 3).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** The mean {@code sumNs / count} as microseconds with 2 decimals ("0.00" when count is 0). */
    static String us(long sumNs, long count) {
        if (count == 0) {
            return "0.00";
        }
        return BigDecimal.valueOf(sumNs).divide(BigDecimal.valueOf(count).multiply(BigDecimal.valueOf(1000)),
                2, RoundingMode.HALF_UP).toPlainString();
    }

    /** A percentile's name: {@code 99.9 → "p99.9"}, {@code 50.0 → "p50"}. */
    static String percentileName(double p) {
        return "p" + BigDecimal.valueOf(p).stripTrailingZeros().toPlainString();
    }

    /** The lower edge of bucket {@code b} in microseconds, plain decimal ({@code "17"}, {@code "8.5"}). */
    static String bucketUs(long b, long bucketNs) {
        return BigDecimal.valueOf(b * bucketNs, 3).stripTrailingZeros().toPlainString();
    }

    /**
     * Shares in tenths of a percent that sum to exactly 1000 (largest-remainder rounding, ties to
     * the earlier component), so that printed percentages add up to 100.0.
     */
    static int[] tenthsOfPercent(List<Attribution.Component> components) {
        int n = components.size();
        int[] out = new int[n];
        long total = 0;
        for (Attribution.Component c : components) {
            total += c.ns();
        }
        if (total == 0) {
            return out;
        }
        BigDecimal[] remainders = new BigDecimal[n];
        int given = 0;
        for (int i = 0; i < n; i++) {
            BigDecimal exact = BigDecimal.valueOf(components.get(i).ns()).multiply(BigDecimal.valueOf(1000))
                    .divide(BigDecimal.valueOf(total), 12, RoundingMode.FLOOR);
            out[i] = exact.intValue();
            remainders[i] = exact.subtract(BigDecimal.valueOf(out[i]));
            given += out[i];
        }
        for (; given < 1000; given++) {
            int best = 0;
            for (int i = 1; i < n; i++) {
                if (remainders[i].compareTo(remainders[best]) > 0) {
                    best = i;
                }
            }
            out[best]++;
            remainders[best] = BigDecimal.valueOf(-1);
        }
        return out;
    }

    /** Tenths of a percent as {@code "71.7"}. */
    static String tenths(int t) {
        return (t / 10) + "." + (t % 10);
    }

    /** Checks that all threads share one histogram layout, as cyclictest's single {@code -h N} implies. */
    static void requireSameLayout(List<ThreadResult> threads) {
        for (ThreadResult t : threads) {
            ThreadResult first = threads.get(0);
            if (t.buckets() != first.buckets() || t.bucketNs() != first.bucketNs()) {
                throw new IllegalArgumentException("thread " + t.thread() + " has " + t.buckets() + " buckets of "
                        + t.bucketNs() + " ns but thread " + first.thread() + " has " + first.buckets()
                        + " of " + first.bucketNs() + " ns; one histogram needs one layout");
            }
        }
    }
}
