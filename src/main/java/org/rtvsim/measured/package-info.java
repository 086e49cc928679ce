/**
 * Measured latency data: {@link org.rtvsim.measured.MeasuredReader} reads cyclictest
 * ({@code -h}, {@code --histfile}, {@code -v}, {@code --json}), rtla timerlat hist, CSV and Xenomai
 * {@code latency} files into a {@link org.rtvsim.measured.MeasuredHistogram} (overflows censored);
 * {@link org.rtvsim.measured.LatencyCdf} interpolates the CDF of a measured or simulated histogram.
 * Used by {@code tail}, {@code calibrate} and {@code compare --measured}; no model objects.
 */
package org.rtvsim.measured;
