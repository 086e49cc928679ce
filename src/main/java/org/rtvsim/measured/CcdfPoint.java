package org.rtvsim.measured;

/** {@code P(latency ≥ latencyUs) = fraction}; {@code censored} marks points made of overflow samples. */
public record CcdfPoint(double latencyUs, double fraction, boolean censored) {
}
