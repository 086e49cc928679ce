package org.rtvsim.engine;

/**
 * A random quantity drawn from one named stream, in the unit of its {@link DistSpec} (nanoseconds
 * for durations). Built by {@link Samplers#of}.
 *
 * <p>Each draw consumes exactly {@link #uniformsPerDraw()} uniforms from the stream, whatever value
 * comes out, so that two scenarios compared with common random numbers stay aligned draw by draw.
 * Draws allocate nothing. A sampler is as single-threaded as its stream.
 */
public interface Sampler {

    /** Draws one value, in the spec's unit. */
    double sample();

    /**
     * Draws one value as whole nanoseconds: {@link #sample()} rounded to the nearest integer (halves
     * up), negative values and NaN as 0, values beyond {@code Long.MAX_VALUE} saturated.
     */
    default long sampleNs() {
        double v = sample();
        return v > 0 ? Math.round(v) : 0;
    }

    /** Number of uniforms every draw takes from the stream (0 for a fixed value). */
    int uniformsPerDraw();
}
