package org.rtvsim.experiment;

/**
 * A run that cannot measure anything: its measured duration is shorter than every measuring thread's
 * interval, so no latency sample exists and every statistic would be a table of zeros. Bad input (exit 2).
 */
public final class NoSamplesException extends RuntimeException {
    NoSamplesException(String message) {
        super(message, null, false, false);
    }
}
