package org.rtvsim.probe;

/**
 * Bad input found while preparing or reading a measurement (a cyclictest option set that never ends, a missing
 * binary, a malformed {@code measurement.json}). The message names the file or option and what was expected; the
 * CLI shows it as one line with exit code 2.
 */
public final class ProbeException extends RuntimeException {
    public ProbeException(String message) {
        super(message, null, false, false);
    }
}
