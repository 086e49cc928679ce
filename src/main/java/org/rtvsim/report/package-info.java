/**
 * Output formats of a run, written from {@code org.rtvsim.measure} result records only (never from
 * model objects): cyclictest's histogram text, a human summary, {@code summary.json} and
 * {@code histogram.csv}. Times are printed in microseconds, as cyclictest prints them.
 *
 * <p>Every format here is deterministic: the same {@link org.rtvsim.measure.RunResult} gives the
 * same bytes; simulator performance data (events, wall time) appear only when asked for.
 */
package org.rtvsim.report;
