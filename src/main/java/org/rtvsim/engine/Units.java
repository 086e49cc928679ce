package org.rtvsim.engine;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and formats the quantities written in scenarios: durations to nanoseconds, frequencies to Hz,
 * sizes to bytes and bandwidths to bytes per second. This is the one place units are parsed.
 *
 * <p>Every parse method throws {@link IllegalArgumentException} whose message says what was expected and
 * what was given; callers add the file, line and key. A bare number is never accepted as a duration.
 */
public final class Units {
    private static final Pattern QUANTITY =
            Pattern.compile("\\s*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)\\s*([A-Za-zµμ/]*)\\s*");

    /** The simulated clock's range: SSJ's double clock holds whole ns exactly up to 2^53 ns (about 104 days). */
    public static final long MAX_NS = 1L << 53;

    private Units() {
    }

    /** A duration such as {@code "14us"}, {@code "1.5ms"}, {@code "250ns"}, {@code "2s"} in whole ns (rounded). */
    public static long durationNs(String text) {
        return Math.round(durationNsExact(text));
    }

    /** A duration in ns without rounding (for distribution parameters). */
    public static double durationNsExact(String text) {
        Matcher m = match(text, "a duration with a unit (ns, us, ms, s, min, h), e.g. \"14us\"");
        String unit = m.group(2);
        if (unit.isEmpty()) {
            throw new IllegalArgumentException("bare number " + m.group(1).trim()
                    + " for a duration; write it with a unit, e.g. \"" + m.group(1).trim() + "us\"");
        }
        double scale = switch (unit) {
            case "ns" -> 1;
            case "us", "µs", "μs" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            case "h" -> 3600e9;
            default -> throw new IllegalArgumentException("expected a duration unit ns, us, ms, s, min or h; got \""
                    + text.trim() + "\" (unit '" + unit + "')");
        };
        return new BigDecimal(m.group(1)).doubleValue() * scale;
    }

    /** A frequency such as {@code "1000hz"}, {@code "2.4GHz"}, {@code "1kHz"} in Hz. */
    public static double frequencyHz(String text) {
        Matcher m = match(text, "a frequency with a unit (hz, khz, mhz, ghz), e.g. \"1000hz\"");
        double scale = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "hz" -> 1;
            case "khz" -> 1e3;
            case "mhz" -> 1e6;
            case "ghz" -> 1e9;
            case "" -> throw new IllegalArgumentException("bare number " + m.group(1).trim()
                    + " for a frequency; write it with a unit, e.g. \"" + m.group(1).trim() + "hz\"");
            default -> throw new IllegalArgumentException("expected a frequency unit hz, khz, mhz or ghz; got \""
                    + text.trim() + "\"");
        };
        return Double.parseDouble(m.group(1)) * scale;
    }

    /** A size such as {@code "30MiB"}, {@code "512KiB"}, {@code "1GiB"}, {@code "64B"} in bytes. */
    public static long sizeBytes(String text) {
        Matcher m = match(text, "a size with a unit (B, KiB, MiB, GiB, KB, MB, GB), e.g. \"30MiB\"");
        if (m.group(2).isEmpty()) {
            throw new IllegalArgumentException("bare number " + m.group(1).trim()
                    + " for a size; write it with a unit, e.g. \"" + m.group(1).trim() + "KiB\"");
        }
        return Math.round(Double.parseDouble(m.group(1)) * sizeScale(m.group(2), text));
    }

    /** A bandwidth such as {@code "10GB/s"} or {@code "500MiB/s"} in bytes per second. */
    public static double bandwidthBytesPerS(String text) {
        Matcher m = match(text, "a bandwidth such as \"10GB/s\" or \"500MiB/s\"");
        String unit = m.group(2);
        if (!unit.endsWith("/s") || unit.length() < 3) {
            throw new IllegalArgumentException("expected a bandwidth such as \"10GB/s\" or \"500MiB/s\"; got \""
                    + text.trim() + "\"");
        }
        return Double.parseDouble(m.group(1)) * sizeScale(unit.substring(0, unit.length() - 2), text);
    }

    private static double sizeScale(String unit, String text) {
        return switch (unit) {
            case "B" -> 1;
            case "KiB" -> 1024.0;
            case "MiB" -> 1024.0 * 1024;
            case "GiB" -> 1024.0 * 1024 * 1024;
            case "TiB" -> 1024.0 * 1024 * 1024 * 1024;
            case "KB", "kB" -> 1e3;
            case "MB" -> 1e6;
            case "GB" -> 1e9;
            case "TB" -> 1e12;
            default -> throw new IllegalArgumentException("expected a size unit B, KiB, MiB, GiB, KB, MB or GB; got \""
                    + text.trim() + "\"");
        };
    }

    private static Matcher match(String text, String expected) {
        Matcher m = QUANTITY.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected " + expected + "; got \"" + text + "\"");
        }
        return m;
    }

    /** A compact human form of a duration: {@code 14000 → "14us"}, {@code 1500000 → "1.5ms"}. */
    public static String formatNs(long ns) {
        if (ns == 0) {
            return "0ns";
        }
        long abs = Math.abs(ns);
        String sign = ns < 0 ? "-" : "";
        if (abs >= 1_000_000_000L) {
            return sign + trim(abs / 1e9) + "s";
        } else if (abs >= 1_000_000L) {
            return sign + trim(abs / 1e6) + "ms";
        } else if (abs >= 1_000L) {
            return sign + trim(abs / 1e3) + "us";
        }
        return sign + abs + "ns";
    }

    private static String trim(double v) {
        return BigDecimal.valueOf(v).setScale(3, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }
}
