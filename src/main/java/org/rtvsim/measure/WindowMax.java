package org.rtvsim.measure;

/**
 * The largest latency of one window of intended wake-up times, all in nanoseconds: the window
 * {@code [startNs, startNs + widthNs)} of simulated time, its maximum {@code maxNs}, the intended
 * wake-up time {@code atNs} of that sample, and {@code label}, the largest attribution component
 * of that sample (null when attribution was off).
 *
 * <p>Of equal maxima in a window the first one is kept; of equal components, the label that sorts
 * first, as {@link Attribution} orders them.
 */
public record WindowMax(long startNs, long widthNs, long maxNs, long atNs, String label) {
}
