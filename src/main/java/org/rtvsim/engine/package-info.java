/**
 * The simulation engine under every model layer: the simulation clock and events (on SSJ
 * {@code simevents}, one {@code Simulator} per run), time in integer nanoseconds, CPU sets, and
 * randomness.
 *
 * <p>Randomness has exactly one entry point. {@link org.rtvsim.engine.StreamRegistry} gives each
 * component its own SSJ {@code MRG32k3a} stream, derived from (scenario seed, component path) and
 * placed at the replication's substream, so adding a component never changes another's numbers
 * and replications can run on any thread. {@link org.rtvsim.engine.Samplers} turns a scenario's
 * {@link org.rtvsim.engine.DistSpec} into a {@link org.rtvsim.engine.Sampler} over such a stream,
 * consuming a fixed number of uniforms per draw so compared scenarios share common random
 * numbers. No class here knows about replications' results, files or the command line.
 */
package org.rtvsim.engine;
