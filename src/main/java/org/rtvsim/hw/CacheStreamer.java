package org.rtvsim.hw;

import org.rtvsim.engine.Log1p;
import umontreal.ssj.rng.RandomStream;

/**
 * One memory-streaming neighbour of the {@link Cache}: the ways it fills, its bandwidth while it streams,
 * and when it streams. With {@code duty = 1} it streams all the time (no random draws). With
 * {@code duty < 1} it alternates on and off bursts of exponential length, mean {@code burst} on and
 * {@code burst · (1 − duty) / duty} off (an on/off source, so the long-run fraction on is {@code duty}),
 * starting in the stationary state (on with probability {@code duty}). The bursts are drawn in order from
 * one stream as simulated time reaches them, so who asks first (the hog's tasks or a wake-up's refill)
 * does not change them.
 *
 * <p>The cache asks how long the neighbour streamed during a past interval (a task's sleep), so the
 * switch times and the cumulative on-time at each are kept; the oldest are dropped once
 * {@value #KEEP}·2 are held, and an interval reaching back before the oldest one kept counts that
 * part at the mean, {@code duty}.
 */
public final class CacheStreamer {
    static final int KEEP = 4096;
    final long waysMask;
    final double bytesPerS;
    private final double duty;
    private final double meanOnNs;
    private final double meanOffNs;
    private final RandomStream stream;
    private long[] at = new long[16];
    private double[] cumOnNs = new double[16];
    private boolean[] onAfter = new boolean[16];
    private int n;

    /**
     * @param stream the phases' stream; unused (may be null) when {@code duty == 1}
     */
    CacheStreamer(long waysMask, double bytesPerS, double duty, long burstNs, RandomStream stream) {
        this.waysMask = waysMask;
        this.bytesPerS = bytesPerS;
        this.duty = duty;
        this.meanOnNs = burstNs;
        this.meanOffNs = duty >= 1 ? 0 : burstNs * (1 - duty) / duty;
        this.stream = stream;
    }

    private boolean always() {
        return duty >= 1;
    }

    /** Draws phases until the last switch is after {@code t}. */
    private void advance(long t) {
        if (n == 0) {
            at[0] = 0;
            cumOnNs[0] = 0;
            onAfter[0] = stream.nextDouble() < duty;
            n = 1;
        }
        while (at[n - 1] <= t) {
            boolean on = onAfter[n - 1];
            double mean = on ? meanOnNs : meanOffNs;
            long len = Math.max(1, Math.round(-mean * Log1p.of(-stream.nextDouble())));
            if (n == at.length) {
                grow();
            }
            at[n] = at[n - 1] + len;
            cumOnNs[n] = cumOnNs[n - 1] + (on ? len : 0);
            onAfter[n] = !on;
            n++;
        }
    }

    private void grow() {
        if (n >= 2 * KEEP) { // drop the oldest half
            int drop = n - KEEP;
            System.arraycopy(at, drop, at, 0, KEEP);
            System.arraycopy(cumOnNs, drop, cumOnNs, 0, KEEP);
            System.arraycopy(onAfter, drop, onAfter, 0, KEEP);
            n = KEEP;
            return;
        }
        at = java.util.Arrays.copyOf(at, at.length * 2);
        cumOnNs = java.util.Arrays.copyOf(cumOnNs, at.length);
        onAfter = java.util.Arrays.copyOf(onAfter, at.length);
    }

    /** Index of the last switch at or before {@code t} (t ≥ at[0], and at[n-1] > t). */
    private int indexAt(long t) {
        int lo = 0;
        int hi = n - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (at[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private double cumulativeOn(long t) {
        if (t < at[0]) {
            return cumOnNs[0] - duty * (at[0] - t);
        }
        int i = indexAt(t);
        return cumOnNs[i] + (onAfter[i] ? t - at[i] : 0);
    }

    /** Whether it streams at {@code t}. */
    public boolean onAt(long t) {
        if (always()) {
            return true;
        }
        advance(t);
        return onAfter[indexAt(t)];
    }

    /** The first switch (on → off or off → on) after {@code t}; never for {@code duty = 1}. */
    public long nextSwitchAfter(long t) {
        if (always()) {
            return Long.MAX_VALUE;
        }
        advance(t);
        return at[indexAt(t) + 1];
    }

    /** Nanoseconds it streamed during [{@code fromNs}, {@code toNs}] ({@code toNs} is now or earlier). */
    public double onNs(long fromNs, long toNs) {
        if (toNs <= fromNs) {
            return 0;
        }
        if (always()) {
            return toNs - fromNs;
        }
        advance(toNs);
        return cumulativeOn(toNs) - cumulativeOn(fromNs);
    }
}
