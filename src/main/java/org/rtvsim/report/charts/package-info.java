/**
 * Charts of run results, each written as a PNG and a byte-stable SVG of 1000 × 600 pixels,
 * latencies in microseconds: {@link org.rtvsim.report.charts.RunCharts} for one run (histogram,
 * CCDF, latency over time, tail attribution), {@link org.rtvsim.report.charts.CompareCharts} for
 * several runs overlaid, {@link org.rtvsim.report.charts.SweepChart} for a statistic against a
 * varied parameter.
 *
 * <p>Like the rest of {@code report}, charts are drawn from {@code org.rtvsim.measure} result
 * records only. Drawing is headless ({@code java.awt.headless=true} is set before the first chart)
 * and deterministic: the same results give the same SVG bytes.
 */
package org.rtvsim.report.charts;
