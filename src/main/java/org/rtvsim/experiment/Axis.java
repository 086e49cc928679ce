package org.rtvsim.experiment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One varied scenario key and its values, parsed from {@code KEY=ITEM[,ITEM…]} where an item is a
 * value as YAML (e.g. {@code 2ms}, {@code full}, {@code {fixed: 2us}}) or a range {@code A..B} (step 1)
 * or {@code A..B:S}; range ends and step are numbers with an optional common unit ({@code 10us..50us:10us},
 * {@code 1..16}). Values are strings given to {@code --set KEY=VALUE}, so the scenario loader checks
 * the key (nearest keys on a typo) and the value. Commas inside brackets do not split items.
 */
public record Axis(String key, List<String> values) {
    /** The most points one axis may have (a typo such as {@code 1..1000000} fails fast). */
    public static final int MAX_VALUES = 10_000;
    private static final Pattern QUANTITY = Pattern.compile("\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*([A-Za-zµ]*)\\s*");

    public Axis {
        values = List.copyOf(values);
    }

    /** Parses {@code KEY=ITEMS}; a malformed text or an empty range is an {@link IllegalArgumentException}. */
    public static Axis parse(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1) {
            throw new IllegalArgumentException("--vary '" + text + "': expected KEY=V1,V2,… or KEY=A..B[:STEP], "
                    + "e.g. host.kernel.hz=100,250,1000");
        }
        String key = text.substring(0, eq).trim();
        List<String> values = new ArrayList<>();
        for (String item : splitTopLevel(text.substring(eq + 1))) {
            if (item.isBlank()) {
                throw new IllegalArgumentException("--vary " + key + ": empty value in '" + text + "'");
            }
            if (item.contains("..") && !item.strip().startsWith("{") && !item.strip().startsWith("[")) {
                values.addAll(range(key, item.strip()));
            } else {
                values.add(item.strip());
            }
            if (values.size() > MAX_VALUES) {
                throw new IllegalArgumentException("--vary " + key + ": more than " + MAX_VALUES + " values");
            }
        }
        return new Axis(key, values);
    }

    /** The {@code --set} text for value {@code i}. */
    public String set(int i) {
        return key + "=" + values.get(i);
    }

    /** The values of {@code A..B[:S]} from A up to at most B, in steps of S (default 1). */
    static List<String> range(String key, String item) {
        Span span = span("--vary", key, item);
        BigDecimal lo = span.lo();
        BigDecimal hi = span.hi();
        BigDecimal step = span.step() == null ? BigDecimal.ONE : span.step();
        if (step.signum() <= 0) {
            throw new IllegalArgumentException("--vary " + key + ": range '" + item + "' needs a positive step");
        }
        if (lo.compareTo(hi) > 0) {
            throw new IllegalArgumentException("--vary " + key + ": range '" + item + "' is empty (" + lo
                    + " > " + hi + "); write it from low to high");
        }
        List<String> out = new ArrayList<>();
        for (BigDecimal v = lo; v.compareTo(hi) <= 0; v = v.add(step)) {
            out.add(v.stripTrailingZeros().toPlainString() + span.unit());
            if (out.size() > MAX_VALUES) {
                throw new IllegalArgumentException("--vary " + key + ": range '" + item + "' has more than "
                        + MAX_VALUES + " values");
            }
        }
        return out;
    }

    /** The ends, optional step (null when absent) and common unit of a range {@code A..B[:S]}. */
    public record Span(BigDecimal lo, BigDecimal hi, BigDecimal step, String unit) {
    }

    /**
     * Parses {@code A..B[:S]} (numbers with an optional common unit); {@code option} and {@code key} name it in
     * messages. A malformed range is an {@link IllegalArgumentException}; the order of the ends is not checked.
     */
    public static Span span(String option, String key, String item) {
        String[] ends = item.split("\\.\\.", -1);
        String[] hiStep = ends.length == 2 ? ends[1].split(":", -1) : new String[0];
        if (ends.length != 2 || hiStep.length > 2) {
            throw new IllegalArgumentException(option + " " + key + ": range '" + item + "' is not A..B"
                    + (option.equals("--vary") ? " or A..B:STEP" : ", e.g. 1us..4us"));
        }
        Matcher a = quantity(option, key, item, ends[0]);
        Matcher b = quantity(option, key, item, hiStep[0]);
        Matcher s = hiStep.length == 2 ? quantity(option, key, item, hiStep[1]) : null;
        String unit = a.group(2).isEmpty() ? b.group(2) : a.group(2);
        for (Matcher m : new Matcher[] {a, b, s}) {
            if (m != null && !m.group(2).isEmpty() && !m.group(2).equals(unit)) {
                throw new IllegalArgumentException(option + " " + key + ": range '" + item
                        + "' mixes units; write every part in the same unit, e.g. 10us..50us");
            }
        }
        return new Span(new BigDecimal(a.group(1)), new BigDecimal(b.group(1)),
                s == null ? null : new BigDecimal(s.group(1)), unit);
    }

    private static Matcher quantity(String option, String key, String item, String part) {
        Matcher m = QUANTITY.matcher(part);
        if (!m.matches()) {
            throw new IllegalArgumentException(option + " " + key + ": range '" + item + "': '" + part
                    + "' is not a number with an optional unit");
        }
        return m;
    }

    /** Splits at commas outside {@code {}} and {@code []}. */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }
}
