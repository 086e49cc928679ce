/**
 * Probing the real machine: the facts {@code rtvsim measure} records next to a cyclictest histogram
 * ({@link org.rtvsim.probe.FactsReader}, {@link org.rtvsim.probe.MachineFacts}), running cyclictest and a load
 * ({@link org.rtvsim.probe.CyclictestRun}, {@link org.rtvsim.probe.LoadProcess}) and the
 * {@code measurement.json} file ({@link org.rtvsim.probe.MeasurementFile}). Uses only {@code engine}; knows nothing
 * of the model. Every fact records where it came from, and a fact that cannot be read is null with a reason.
 */
package org.rtvsim.probe;
