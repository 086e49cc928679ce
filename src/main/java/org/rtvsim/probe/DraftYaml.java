package org.rtvsim.probe;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of a drafted scenario ({@link ScenarioDraft}): YAML lines whose values carry their source as a
 * comment in one column, and the {@code uncertain:} list with the hints that follow it.
 */
final class DraftYaml {
    private static final int COMMENT_COLUMN = 44;

    final StringBuilder out = new StringBuilder();
    private final List<Uncertain> uncertain = new ArrayList<>();
    private final List<String> hints = new ArrayList<>();

    /** One entry of the drafted {@code uncertain:} list; {@code prior} is YAML flow text or null (flat). */
    private record Uncertain(String path, String range, String prior, String why) {
    }

    /** Adds an entry to the {@code uncertain:} list. */
    void uncertain(String path, String range, String prior, String why) {
        uncertain.add(new Uncertain(path, range, prior, why));
    }

    /** Adds a comment line after the {@code uncertain:} list. */
    void hint(String h) {
        hints.add(h);
    }

    /**
     * The {@code uncertain:} list (docs/scenario-reference.md) that {@code rtvsim calibrate} fits when no
     * {@code --fit} is given; every path names a value the draft writes out. Hints that are not fittable
     * parameters follow as comments. {@code measurement} names the measured file.
     */
    void uncertainBlock(String measurement) {
        out.append('\n');
        out.append("# What a calibration fits (rtvsim calibrate --measured ").append(measurement)
                .append(" --scenario THIS.yaml).\n");
        out.append("# Priors centred on rtvsim's defaults are a belief of a factor ~1.6 either way (an assumption).\n");
        key(0, "uncertain");
        for (Uncertain u : uncertain) {
            out.append("  - path: ").append(u.path()).append('\n');
            out.append("    range: ").append(u.range()).append('\n');
            if (u.prior() != null) {
                out.append("    prior: ").append(u.prior()).append('\n');
            }
            out.append("    why: ").append(quote(u.why())).append('\n');
        }
        for (String h : hints) {
            out.append("# ").append(h).append('\n');
        }
    }

    /** A lognormal prior centred on rtvsim's default {@code median} (sigma 0.5, a factor ~1.6: an assumption). */
    static String prior(String median) {
        return "{lognormal: {median: " + median + ", sigma: 0.5}}";
    }

    /** {@code k: {lognormal: {median, sigma}}} written out in full so that uncertain: can name its parts. */
    void dist(int d, String k, String median, String sigma, String comment) {
        val(d, k, "{lognormal: {median: " + median + ", sigma: " + sigma + "}}", comment);
    }

    static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String indent(int d) {
        return "  ".repeat(d);
    }

    static String pad(String line) {
        return " ".repeat(Math.max(1, COMMENT_COLUMN - line.length()));
    }

    void key(int d, String k) {
        out.append(indent(d)).append(k).append(":\n");
    }

    void val(int d, String k, String v, String comment) {
        String line = indent(d) + k + ": " + v;
        out.append(line).append(pad(line)).append("# ").append(comment.replace('\n', ' ')).append('\n');
    }
}
