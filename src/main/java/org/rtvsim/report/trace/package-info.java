/**
 * Formats of a bounded timeline trace ({@link org.rtvsim.measure.Trace}), times in simulated
 * nanoseconds: Chrome Trace Event JSON for ui.perfetto.dev and chrome://tracing
 * ({@link org.rtvsim.report.trace.PerfettoTrace}), an ftrace-like text listing
 * ({@link org.rtvsim.report.trace.TextTrace}) and a Gantt chart PNG
 * ({@link org.rtvsim.report.trace.GanttChart}). Like the rest of {@code report}, it reads only
 * {@code measure} records; the same trace gives the same JSON and text bytes.
 */
package org.rtvsim.report.trace;
