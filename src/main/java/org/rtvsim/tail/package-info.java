/**
 * Tail extrapolation: peaks over a threshold with a generalised Pareto fit
 * ({@link org.rtvsim.tail.TailFit}, {@link org.rtvsim.tail.GpdLikelihood}) on exceedances from a
 * measured or simulated histogram ({@link org.rtvsim.tail.TailData}), return levels with their
 * intervals, diagnostics that become credibility warnings, and the diagnostic charts.
 */
package org.rtvsim.tail;
