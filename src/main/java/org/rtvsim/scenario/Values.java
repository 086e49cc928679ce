package org.rtvsim.scenario;

import java.util.List;
import java.util.Locale;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.Units;

/**
 * Converts one located node to a typed value (duration, integer, CPU list, enum …), turning every failure
 * into a {@link ScenarioException} at the node with the dotted key and what was expected.
 */
final class Values {
    private Values() {
    }

    static ScenarioException error(Node node, String key, String detail) {
        return new ScenarioException(node.location(), key, detail);
    }

    /** The scalar's text; mappings, lists and nulls are errors ({@code expected} names the wanted value). */
    static String scalar(Node node, String key, String expected) {
        if (node instanceof Node.Scalar s && !s.isNull()) {
            return s.text();
        }
        throw error(node, key, "expected " + expected + "; got " + Node.describe(node));
    }

    static String string(Node node, String key) {
        return scalar(node, key, "a string");
    }

    static long durationNs(Node node, String key) {
        return Math.round(durationNsExact(node, key));
    }

    static double durationNsExact(Node node, String key) {
        String text = scalar(node, key, "a duration with a unit, e.g. \"14us\"");
        double v;
        try {
            v = Units.durationNsExact(text);
        } catch (IllegalArgumentException e) {
            throw error(node, key, e.getMessage());
        }
        if (!(Math.abs(v) <= Units.MAX_NS)) {
            throw error(node, key, "expected a duration within the simulated clock's range (at most "
                    + Units.formatNs(Units.MAX_NS) + "); got \"" + text + "\"");
        }
        return v;
    }

    /** Events repeat at most this often (docs/errors.md): 1 MHz, an assumption above any device's interrupt rate. */
    static final double MAX_EVENT_RATE_HZ = 1e6;
    /** A CPU or other frequency is at most this (docs/errors.md): 100 GHz, an assumption. */
    static final double MAX_FREQUENCY_HZ = 100e9;
    /** A repeated event's {@code interval} is at least this (cyclictest's {@code -i} is in whole µs). */
    static final long MIN_INTERVAL_NS = 1000;

    /** A duration that must be ≥ 0 (or > 0 when {@code positive}). */
    static long durationNs(Node node, String key, boolean positive) {
        long v = durationNs(node, key);
        if (positive ? v <= 0 : v < 0) {
            throw error(node, key, "expected a " + (positive ? "positive" : "non-negative") + " duration; got '"
                    + scalar(node, key, "") + "'");
        }
        if (positive && key.endsWith("interval") && v < MIN_INTERVAL_NS) {
            throw error(node, key, "expected an interval of at least 1us (a repeated event at most every "
                    + "microsecond); got '" + scalar(node, key, "") + "'");
        }
        return v;
    }

    static double frequencyHz(Node node, String key) {
        String text = scalar(node, key, "a frequency with a unit, e.g. \"1000hz\"");
        try {
            double v = Units.frequencyHz(text);
            if (!(v > 0)) {
                throw new IllegalArgumentException("expected a positive frequency; got \"" + text + "\"");
            }
            double max = key.endsWith("rate") ? MAX_EVENT_RATE_HZ : MAX_FREQUENCY_HZ;
            if (v > max) {
                throw new IllegalArgumentException("expected at most " + (key.endsWith("rate") ? "1MHz for a rate of "
                        + "events" : "100GHz") + "; got \"" + text + "\"");
            }
            return v;
        } catch (IllegalArgumentException e) {
            throw error(node, key, e.getMessage());
        }
    }

    static long sizeBytes(Node node, String key) {
        String text = scalar(node, key, "a size with a unit, e.g. \"30MiB\"");
        try {
            long v = Units.sizeBytes(text);
            if (v <= 0) {
                throw new IllegalArgumentException("expected a positive size; got \"" + text + "\"");
            }
            return v;
        } catch (IllegalArgumentException e) {
            throw error(node, key, e.getMessage());
        }
    }

    static double bandwidth(Node node, String key) {
        String text = scalar(node, key, "a bandwidth, e.g. \"10GB/s\"");
        try {
            double v = Units.bandwidthBytesPerS(text);
            if (v <= 0) {
                throw new IllegalArgumentException("expected a positive bandwidth; got \"" + text + "\"");
            }
            return v;
        } catch (IllegalArgumentException e) {
            throw error(node, key, e.getMessage());
        }
    }

    static long integer(Node node, String key, long min, long max) {
        String text = scalar(node, key, "an integer");
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw error(node, key, "expected an integer" + range(min, max) + "; got '" + text + "'");
        }
        if (v < min || v > max) {
            throw error(node, key, "expected an integer" + range(min, max) + "; got " + v);
        }
        return v;
    }

    private static String range(long min, long max) {
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) {
            return "";
        }
        return max == Long.MAX_VALUE || max == Integer.MAX_VALUE ? " >= " + min : " in " + min + ".." + max;
    }

    /** A plain number (no unit) in [min, max]; {@code what} describes it, e.g. "a probability". */
    static double number(Node node, String key, double min, double max, String what) {
        String text = scalar(node, key, what);
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw error(node, key, "expected " + what + " (a plain number); got '" + text + "'");
        }
        if (!(v >= min && v <= max)) {
            throw error(node, key, "expected " + what + "; got " + text);
        }
        return v;
    }

    static boolean bool(Node node, String key) {
        String text = scalar(node, key, "true or false");
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error(node, key, "expected true or false; got '" + text + "'");
        };
    }

    /** One of a closed set of words, listing the valid ones when it is not. */
    static String choice(Node node, String key, List<String> valid) {
        String text = scalar(node, key, "one of " + String.join(", ", valid));
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (!valid.contains(t)) {
            throw error(node, key, "expected one of " + String.join(", ", valid) + "; got '" + text + "'"
                    + Suggest.hint(t, valid));
        }
        return t;
    }

    static <E extends Enum<E>> E enumValue(Node node, String key, Class<E> type) {
        List<String> valid = java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        return Enum.valueOf(type, choice(node, key, valid).toUpperCase(Locale.ROOT));
    }

    /** A cpulist whose CPUs are all below {@code ncpus} ({@code what} names the CPUs, e.g. "hardware.cpus"). */
    static CpuSet cpus(Node node, String key, int ncpus, String what) {
        String text = scalar(node, key, "a CPU list such as \"0-3,8\"");
        CpuSet set;
        try {
            set = CpuSet.parse(text);
        } catch (IllegalArgumentException e) {
            throw error(node, key, e.getMessage());
        }
        if (set.max() >= ncpus) {
            throw error(node, key, "expected CPUs in 0-" + (ncpus - 1) + " (" + what + " is " + ncpus
                    + "); got \"" + text + "\" (CPU " + set.max() + " does not exist)");
        }
        return set;
    }
}
