package org.rtvsim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.rtvsim.measure.SampleSink;

/**
 * An open {@code run --samples FILE}: counts every sample, writes the first {@code max} as rows, and is closed at
 * the run's end. {@link SamplesCsv} is the core's; a module may add a format ({@link Format}, found with
 * {@link java.util.ServiceLoader}; the rtvsim-spark module provides {@code parquet}).
 */
public abstract class SampleFile implements SampleSink, AutoCloseable {
    private final long max;
    private long seen;

    protected SampleFile(long max) {
        this.max = max;
    }

    @Override
    public final void sample(String thread, int cpu, long intendedNs, long latencyNs, long irqNs,
                             String topComponent) {
        seen++;
        if (seen > max) {
            return;
        }
        try {
            row(thread, cpu, intendedNs, latencyNs, irqNs, topComponent);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one sample as a row ({@code irqNs} negative: no wake-up was observed; {@code topComponent} may be null). */
    protected abstract void row(String thread, int cpu, long intendedNs, long latencyNs, long irqNs,
                                String topComponent) throws IOException;

    /** Samples seen, written or not. */
    public final long seen() {
        return seen;
    }

    /** Samples written. */
    public final long written() {
        return Math.min(seen, max);
    }

    @Override
    public abstract void close() throws IOException;

    /** A per-sample file format a module provides. */
    public interface Format {
        /** The file name extension it writes, e.g. {@code parquet}. */
        String extension();

        /** Opens {@code file} (a new temporary file the caller moves into place) for at most {@code max} rows. */
        SampleFile open(Path file, long max) throws IOException;
    }
}
