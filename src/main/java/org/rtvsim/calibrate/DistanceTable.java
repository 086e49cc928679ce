package org.rtvsim.calibrate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints {@link Distances} for people: the percentile table measured vs simulated (µs, error and relative
 * error), the maxima, and the distances, as aligned text or as Markdown. Censored measured values print as
 * {@code ≥ edge}; quantiles with fewer than ten samples beyond them on either side are marked {@code *}.
 */
public final class DistanceTable {
    private DistanceTable() {
    }

    /** The table as aligned text, each line after {@code indent}. */
    public static void text(Distances d, Appendable out, String indent) throws IOException {
        List<String[]> rows = rows(d);
        int[] w = new int[4];
        for (String[] r : rows) {
            for (int c = 0; c < 4; c++) {
                w[c] = Math.max(w[c], r[c].length());
            }
        }
        for (String[] r : rows) {
            String line = indent + pad(r[0], w[0], false) + "  " + pad(r[1], w[1], true) + "  " + pad(r[2], w[2], true)
                    + "  " + pad(r[3], w[3], true);
            out.append(line.stripTrailing()).append('\n');
        }
        out.append(indent).append(summary(d)).append('\n');
        if (d.quantiles().stream().anyMatch(q -> !q.supported())) {
            out.append(indent).append("* fewer than 10 samples beyond this quantile: not supported by the data\n");
        }
    }

    /** The table as Markdown. */
    public static void markdown(Distances d, Appendable out) throws IOException {
        List<String[]> rows = rows(d);
        out.append("| ").append(String.join(" | ", rows.get(0))).append(" |\n| --- | ---: | ---: | ---: |\n");
        for (String[] r : rows.subList(1, rows.size())) {
            out.append("| ").append(String.join(" | ", r).replace("*", "\\*")).append(" |\n");
        }
        out.append('\n').append(summary(d)).append('\n');
    }

    /** The one-line summary of the distances. */
    public static String summary(Distances d) {
        return String.format(Locale.ROOT, "Distances: tail-weighted log RMS %.4f (quantiles typically off by %.1f %%; "
                + "objective %.5f, %d levels from p50 to exceedance %.1e), Kolmogorov-Smirnov %.4f", d.tailLogRms(),
                100 * (Math.exp(d.tailLogRms()) - 1), d.objective(), d.tailLevels(), d.tailRarestExceedance(), d.ks());
    }

    private static List<String[]> rows(Distances d) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "measured (us)", "simulated (us)", "error (us)"});
        for (Distances.QuantileError q : d.quantiles()) {
            rows.add(row(q));
        }
        rows.add(row(d.max()));
        return rows;
    }

    private static String[] row(Distances.QuantileError q) {
        String name = q.name() + (q.supported() ? "" : " *");
        String m = q.censored() ? "≥ " + num(q.measuredUs()) : num(q.measuredUs());
        String err;
        if (q.censored()) {
            err = q.errorUs() == 0 ? "consistent" : signed(q.errorUs()) + " or more";
        } else if (Double.isNaN(q.relative())) {
            err = signed(q.errorUs());
        } else {
            err = String.format(Locale.ROOT, "%s (%+.1f %%)", signed(q.errorUs()), 100 * q.relative());
        }
        return new String[] {name, m, num(q.simulatedUs()), err};
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String signed(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%+.2f", v);
    }

    private static String pad(String s, int w, boolean right) {
        String p = " ".repeat(Math.max(0, w - s.length()));
        return right ? p + s : s + p;
    }
}
