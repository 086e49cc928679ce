package org.rtvsim.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Plain-text tables and the number formats of the experiment reports: nanoseconds printed as
 * microseconds with 2 decimals, NaN (no value, no interval) as {@code -}.
 */
final class Table {
    private Table() {
    }

    /** Nanoseconds (possibly fractional) as microseconds with 2 decimals, half up; {@code -} for NaN. */
    static String us(double ns) {
        if (Double.isNaN(ns)) {
            return "-";
        }
        return BigDecimal.valueOf(ns).movePointLeft(3).setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Like {@link #us} but empty for NaN (for CSV cells). */
    static String csvUs(double ns) {
        return Double.isNaN(ns) ? "" : us(ns);
    }

    /** A confidence level as a percentage: 0.95 → {@code 95}, 0.999 → {@code 99.9}. */
    static String level(double confidence) {
        return BigDecimal.valueOf(confidence).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /**
     * Writes rows as columns padded to their widest cell (right-aligned where {@code right[c]}), two
     * spaces apart, each line after {@code indent}, trailing blanks trimmed.
     */
    static void write(Appendable out, String indent, List<String[]> rows, boolean[] right) throws IOException {
        int[] width = new int[right.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < row.length; c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String pad = " ".repeat(width[c] - row[c].length());
                line.append(right[c] ? pad + row[c] : row[c] + pad);
            }
            int end = line.length();
            while (end > 0 && line.charAt(end - 1) == ' ') {
                end--;
            }
            out.append(line, 0, end).append('\n');
        }
    }

    /** Writes rows as a Markdown table; the first row is the header. */
    static void markdown(Appendable out, List<String[]> rows) throws IOException {
        for (int i = 0; i < rows.size(); i++) {
            out.append("| ").append(String.join(" | ", rows.get(i))).append(" |\n");
            if (i == 0) {
                out.append("|").append(" --- |".repeat(rows.get(0).length)).append('\n');
            }
        }
    }

    /** Quotes a CSV cell when it holds a comma, quote or line end. */
    static String csv(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
