package org.rtvsim.cli;

import picocli.CommandLine;

/** Parses a wall-time budget such as {@code 5m}, {@code 90s} or {@code 1h} to nanoseconds. */
final class BudgetConverter implements CommandLine.ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
        String v = value.strip();
        try {
            if (v.matches("\\d+(\\.\\d+)?\\s*(m|min)")) {
                return (long) (Double.parseDouble(v.replaceAll("[^0-9.]", "")) * 60e9);
            }
            if (v.matches("\\d+(\\.\\d+)?\\s*h")) {
                return (long) (Double.parseDouble(v.replaceAll("[^0-9.]", "")) * 3600e9);
            }
            return DurationConverter.parse(v, false);
        } catch (CommandLine.TypeConversionException | NumberFormatException e) {
            throw new CommandLine.TypeConversionException("expected a wall-time budget such as 5m, 90s or 1h; got \""
                    + value + "\"");
        }
    }
}
