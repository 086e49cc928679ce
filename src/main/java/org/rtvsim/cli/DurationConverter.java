package org.rtvsim.cli;

import org.rtvsim.engine.Units;
import picocli.CommandLine;

/** Parses a command-line duration such as {@code 2s} or {@code 500ms} to nanoseconds, with {@link Units}. */
final class DurationConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        long ns;
        try {
            ns = Units.durationNs(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        if (ns <= 0) {
            throw new CommandLine.TypeConversionException("expected a positive duration, e.g. \"2s\"; got \""
                    + value + "\"");
        }
        return ns;
    }
}
