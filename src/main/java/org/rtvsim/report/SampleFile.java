package org.rtvsim.report;

import java.io.IOException;
import java.nio.file.Path;
import org.rtvsim.measure.SampleSink;

/**
 * An open {@code run --samples FILE}: receives every sample, keeps at most its maximum, and is closed at the
 * run's end. {@link SamplesCsv} is the core's; a module may add a format ({@link Format}, found with
 * {@link java.util.ServiceLoader}; the rtvsim-spark module provides {@code parquet}).
 */
public interface SampleFile extends SampleSink, AutoCloseable {
    /** Samples seen, written or not. */
    long seen();

    /** Samples written. */
    long written();

    @Override
    void close() throws IOException;

    /** A per-sample file format a module provides. */
    interface Format {
        /** The file name extension it writes, e.g. {@code parquet}. */
        String extension();

        /** Opens {@code file} (a new temporary file the caller moves into place) for at most {@code max} rows. */
        SampleFile open(Path file, long max) throws IOException;
    }
}
