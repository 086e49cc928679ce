package org.rtvsim.report;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes {@link ResultRows} in a format the core does not carry (its libraries would weigh on every
 * start-up): found with {@link java.util.ServiceLoader} when a module's jar is on the class path. The
 * rtvsim-spark module provides {@code parquet}.
 */
public interface TableWriter {
    /** The file name extension, e.g. {@code parquet}. */
    String extension();

    /** Writes {@code rows} to {@code file} (a new file; the caller moves it into place). */
    void write(ResultRows rows, Path file) throws IOException;
}
