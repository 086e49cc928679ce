package org.rtvsim.engine;

import umontreal.ssj.rng.RandomStreamBase;

/**
 * L'Ecuyer's MRG32k3a in exact 64-bit integer arithmetic: the same numbers as SSJ's
 * {@code umontreal.ssj.rng.MRG32k3a} from the same six-element state, draw for draw and bit for bit
 * (both compute the same integer recurrences, SSJ's in doubles with a division per component; a test
 * compares them), with the same stream and substream operations, at about twice the speed.
 *
 * <p>Every state value is below 2^32 and every multiplier below 2^21, so each product fits a long. The
 * residues are taken without a division: adding {@code a·m} (a the negative multiplier) makes the
 * combination non-negative and below 2^54, and since each modulus is {@code 2^32 - c} (c = 209 and
 * 22853), {@code hi·2^32 + lo ≡ hi·c + lo}; two such folds and one conditional subtraction give the
 * exact residue in [0, m), the value {@code %} and a correction gave before (a test compares 10^6 draws
 * with SSJ's generator, and the folding was checked against {@code %} over 5·10^7 draws). The output
 * {@code (p1 - p2) · 1/(m1 + 1)} is the same double SSJ forms. Only the default precision is offered:
 * the increased-precision mode throws.
 *
 * @see <a href="https://doi.org/10.1287/opre.47.1.159">L'Ecuyer 1999, Good parameters and implementations
 *     for combined multiple recursive random number generators</a>
 */
public final class Mrg32k3aStream extends RandomStreamBase {
    private static final long M1 = StreamRegistry.M1;
    private static final long M2 = StreamRegistry.M2;
    private static final long A12 = 1403580L;
    private static final long A13N = 810728L;
    private static final long A21 = 527612L;
    private static final long A23N = 1370589L;
    private static final double NORM = 2.328306549295727688e-10;
    /** 2^32 - m1 and 2^32 - m2: a fold replaces hi·2^32 by hi·c. */
    private static final long C1 = (1L << 32) - M1;
    private static final long C2 = (1L << 32) - M2;
    /** Multiples of the moduli that make each combination non-negative (a13n·s &lt; a13n·m1, likewise m2). */
    private static final long K1 = A13N * M1;
    private static final long K2 = A23N * M2;
    private static final long LOW = 0xFFFF_FFFFL;

    /** Start of the stream and of the current substream (the state that resets return to). */
    private long[] streamStart;
    private long[] substreamStart;
    private long s10;
    private long s11;
    private long s12;
    private long s20;
    private long s21;
    private long s22;

    /** A stream starting at {@code seed} (six values, the first three below m1, the last three below m2). */
    public Mrg32k3aStream(long[] seed) {
        if (seed.length != 6) {
            throw new IllegalArgumentException("MRG32k3a needs a seed of 6 values");
        }
        streamStart = seed.clone();
        substreamStart = seed.clone();
        load(seed);
    }

    private void load(long[] s) {
        s10 = s[0];
        s11 = s[1];
        s12 = s[2];
        s20 = s[3];
        s21 = s[4];
        s22 = s[5];
    }

    @Override
    public double nextDouble() {
        long y = A12 * s11 - A13N * s10 + K1; // in [0, 2^54)
        y = (y >>> 32) * C1 + (y & LOW); // < 2^33
        y = (y >>> 32) * C1 + (y & LOW); // < 2^32 + 209
        long p1 = y >= M1 ? y - M1 : y;
        s10 = s11;
        s11 = s12;
        s12 = p1;
        y = A21 * s22 - A23N * s20 + K2; // in [0, 2^53)
        y = (y >>> 32) * C2 + (y & LOW); // < 2^36
        y = (y >>> 32) * C2 + (y & LOW); // < 2^32 + 12·22853
        long p2 = y >= M2 ? y - M2 : y;
        s20 = s21;
        s21 = s22;
        s22 = p2;
        return p1 > p2 ? (p1 - p2) * NORM : (p1 - p2 + M1) * NORM;
    }

    @Override
    protected double nextValue() {
        return nextDouble();
    }

    @Override
    public void resetStartStream() {
        System.arraycopy(streamStart, 0, substreamStart, 0, 6);
        load(streamStart);
    }

    @Override
    public void resetStartSubstream() {
        load(substreamStart);
    }

    @Override
    public void resetNextSubstream() {
        long[] next = StreamRegistry.jumpToSubstream(substreamStart, 1);
        System.arraycopy(next, 0, substreamStart, 0, 6);
        load(substreamStart);
    }

    @Override
    public void increasedPrecision(boolean incp) {
        if (incp) {
            throw new UnsupportedOperationException("increased precision is not offered");
        }
    }

    /** A copy at the same position, with its own stream and substream starts. */
    @Override
    public Mrg32k3aStream clone() {
        Mrg32k3aStream c = (Mrg32k3aStream) super.clone();
        c.streamStart = streamStart.clone();
        c.substreamStart = substreamStart.clone();
        return c;
    }

    /** The current state (for tests). */
    long[] state() {
        return new long[] {s10, s11, s12, s20, s21, s22};
    }

    @Override
    public String toString() {
        return "Mrg32k3aStream" + java.util.Arrays.toString(state());
    }
}
