package org.rtvsim.cli;

import org.rtvsim.engine.Units;
import picocli.CommandLine;

/** Parses a command-line duration such as {@code 2s} or {@code 500ms} to nanoseconds, with {@link Units}. */
final class DurationConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        return parse(value, false);
    }

    /** The nanoseconds of {@code value}; it must be positive, or non-negative when {@code zeroAllowed}. */
    static long parse(String value, boolean zeroAllowed) {
        long ns;
        try {
            ns = Units.durationNs(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
        if (ns > org.rtvsim.engine.Units.MAX_NS) {
            throw new CommandLine.TypeConversionException("expected a duration within the simulated clock's range "
                    + "(at most " + Units.formatNs(org.rtvsim.engine.Units.MAX_NS) + "); got \"" + value + "\"");
        }
        if (zeroAllowed ? ns < 0 : ns <= 0) {
            throw new CommandLine.TypeConversionException((zeroAllowed ? "expected a time >= 0, e.g. \"1.2s\""
                    : "expected a positive duration, e.g. \"2s\"") + "; got \"" + value + "\"");
        }
        return ns;
    }
}
