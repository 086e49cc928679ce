package org.rtvsim.measured;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rtvsim.measured.MeasuredHistogram.Format;

/**
 * The column-table formats {@link MeasuredReader} reads besides cyclictest's own: {@code rtla timerlat
 * hist}, Xenomai {@code latency -g} histograms and CSV histograms (latency in µs, one count column per
 * thread). Malformed lines are {@link MeasuredDataException}s with their line number.
 */
final class TableFormats {
    private TableFormats() {
    }

    // ---------------------------------------------------------------- rtla timerlat hist

    static MeasuredHistogram parseRtla(String name, List<String> lines) {
        String[] header = null;
        double scale = 1.0;
        TreeMap<Integer, long[]> rows = new TreeMap<>();
        Map<String, String[]> summary = new TreeMap<>();
        boolean inAll = false;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.startsWith("#")) {
                if (t.contains("nanoseconds")) {
                    scale = 1e-3;
                }
                continue;
            }
            if (t.isEmpty() || inAll) {
                continue;
            }
            String[] f = t.split("\\s+");
            if (header == null) {
                if (!f[0].equals("Index")) {
                    throw MeasuredDataException.at(name, i + 1, "rtla header 'Index IRQ-000 Thr-000 …'", t);
                }
                header = java.util.Arrays.copyOfRange(f, 1, f.length);
                continue;
            }
            if (f[0].equals("ALL:")) {
                inAll = true; // the all-CPU aggregate section repeats the per-CPU data
                continue;
            }
            boolean summaryRow = f[0].endsWith(":") && !f[0].equals("Index:");
            if (summary.containsKey("max") && !summaryRow) {
                inAll = true; // trailer after the summary ("rtla timerlat hit stop tracing", auto-analysis, …)
                continue;
            }
            if (summaryRow && f.length == 2 && f[1].equals("0") && rows.isEmpty()) {
                continue; // rtla prints "over: 0", "count: 0", … once when no sample was recorded
            }
            if (f.length != header.length + 1) {
                throw MeasuredDataException.at(name, i + 1, header.length + " value(s) after the row label", t);
            }
            if (f[0].endsWith(":")) {
                summary.put(f[0].substring(0, f[0].length() - 1), java.util.Arrays.copyOfRange(f, 1, f.length));
                continue;
            }
            if (!MeasuredReader.INT.matcher(f[0]).matches()) {
                throw MeasuredDataException.at(name, i + 1, "'index count…' or 'over:/count:/min:/avg:/max:' row", t);
            }
            long[] c = new long[header.length];
            for (int k = 1; k < f.length; k++) {
                if (!MeasuredReader.INT.matcher(f[k]).matches()) {
                    throw MeasuredDataException.at(name, i + 1, "unsigned integer counts", t);
                }
                c[k - 1] = Long.parseLong(f[k]);
            }
            rows.put(MeasuredReader.bucket(name, i + 1, Double.parseDouble(f[0]), t), c);
        }
        if (header == null) {
            throw MeasuredDataException.at(name, lines.size(), "rtla header 'Index IRQ-000 Thr-000 …'", null);
        }
        int n = rows.isEmpty() ? 0 : rows.lastKey() + 1;
        List<ThreadHistogram> thr = new ArrayList<>();
        List<ThreadHistogram> irq = new ArrayList<>();
        for (int k = 0; k < header.length; k++) {
            long[] counts = new long[n];
            for (Map.Entry<Integer, long[]> e : rows.entrySet()) {
                counts[e.getKey()] = e.getValue()[k];
            }
            double over = sval(summary, "over", k);
            ThreadHistogram h = new ThreadHistogram(header[k], scale, counts, Double.isNaN(over) ? 0 : (long) over,
                    sval(summary, "min", k) * scale, sval(summary, "avg", k) * scale, sval(summary, "max", k) * scale);
            if (header[k].startsWith("Thr-")) {
                thr.add(h);
            } else if (header[k].startsWith("IRQ-")) {
                irq.add(h);
            }
        }
        if (thr.isEmpty()) {
            throw new MeasuredDataException(name + ": rtla output has no Thr-NNN column (run without --no-thread)");
        }
        return new MeasuredHistogram(name, Format.RTLA_TIMERLAT_HIST, thr, irq, summary.containsKey("over"));
    }

    private static double sval(Map<String, String[]> s, String key, int k) {
        String[] v = s.get(key);
        return v == null || !MeasuredReader.NUM.matcher(v[k]).matches() ? Double.NaN : Double.parseDouble(v[k]);
    }

    // ---------------------------------------------------------------- Xenomai latency -g

    /**
     * Xenomai's {@code latency -g} (testsuite/latency/latency.c, dump_histo_gnuplot) writes, for log-scale
     * plots, a marker {@code start 1} before the first non-empty bucket and {@code stop+1 1} after the last,
     * and every bucket from first to last as {@code n+0.5 count+1}. Files in that form (first and last counts
     * 1 at labels that are not bin centres; between them consecutive bins n+0.5, none 0) are read back to the
     * true counts; other {@code bin count} files as they are.
     */
    /** Markers first and last (count 1, not at a half-µs label), between them consecutive n+0.5 bins, none 0. */
    private static boolean plusOneForm(List<double[]> rows) {
        int n = rows.size();
        if (n < 3 || !marker(rows.get(0)) || !marker(rows.get(n - 1))) {
            return false;
        }
        for (int i = 1; i < n - 1; i++) {
            double[] r = rows.get(i);
            if (r[1] < 1 || r[0] - Math.floor(r[0]) != 0.5 || (i > 1 && r[0] != rows.get(i - 1)[0] + 1)) {
                return false;
            }
        }
        return true;
    }

    private static boolean marker(double[] r) {
        return r[1] == 1 && r[0] - Math.floor(r[0]) != 0.5;
    }

    static MeasuredHistogram parseXenomai(String name, List<String> lines) {
        List<double[]> rows = new java.util.ArrayList<>();
        double min = Double.NaN;
        double avg = Double.NaN;
        double max = Double.NaN;
        boolean started = false;
        boolean statsNext = false;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.startsWith("#")) {
                started = true;
                if (statsNext) {
                    String[] v = t.substring(1).split("\\|");
                    if (v.length >= 3) {
                        min = Double.parseDouble(v[0].trim());
                        avg = Double.parseDouble(v[1].trim());
                        max = Double.parseDouble(v[2].trim());
                    }
                }
                statsNext = t.contains("----lat min|");
                continue;
            }
            statsNext = false;
            if (t.isEmpty() || !started) {
                continue; // blank lines; a shell prompt before the first '#' line
            }
            String[] f = t.split("\\s+");
            if (f.length != 2 || !MeasuredReader.NUM.matcher(f[0]).matches() || !MeasuredReader.INT.matcher(f[1]).matches()) {
                throw MeasuredDataException.at(name, i + 1, "'bin_us count'", t);
            }
            MeasuredReader.bucket(name, i + 1, Math.abs(Double.parseDouble(f[0])), t);
            rows.add(new double[] {Double.parseDouble(f[0]), Long.parseLong(f[1])});
        }
        boolean plusOne = plusOneForm(rows);
        if (plusOne) {
            rows = rows.subList(1, rows.size() - 1);
        }
        TreeMap<Integer, Long> buckets = new TreeMap<>();
        for (double[] r : rows) {
            long c = (long) r[1] - (plusOne ? 1 : 0);
            if (c > 0) {
                buckets.merge((int) Math.floor(r[0]), c, Long::sum);
            }
        }
        if (buckets.isEmpty()) {
            throw MeasuredDataException.at(name, lines.size(), "'bin_us count' lines", null);
        }
        long[] counts = new long[buckets.lastKey() + 1];
        buckets.forEach((b, c) -> counts[b] += c);
        return new MeasuredHistogram(name, Format.XENOMAI_LATENCY,
                List.of(new ThreadHistogram("T0", 1.0, counts, 0, min, avg, max)), List.of(), false);
    }

    // ---------------------------------------------------------------- CSV

    private static final Pattern COMMA = Pattern.compile("\\s*,\\s*");
    private static final Pattern META_H = Pattern.compile("-h\\s*(\\d+)");
    private static final Pattern META_OVER = Pattern.compile("overflows[^;]*=\\s*(\\d+)\\s*(?:;|$)");
    private static final Pattern META_STATS =
            Pattern.compile("Min\\s+(\\d+(?:\\.\\d+)?)\\s+Avg\\s+(\\d+(?:\\.\\d+)?)\\s+Max\\s+(\\d+(?:\\.\\d+)?)");

    static MeasuredHistogram parseCsv(String name, List<String> lines) {
        String[] header = null;
        Map<Integer, long[]> rows = new java.util.HashMap<>(); // by bucket; a TreeMap was the hot spot of big files
        int lastKey = -1;
        long[] over = null;
        int metaN = 0;
        long metaOver = -1;
        double[] stats = null;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.isEmpty()) {
                continue;
            }
            if (t.startsWith("#")) {
                Matcher m = META_H.matcher(t);
                if (m.find()) {
                    metaN = MeasuredReader.bucket(name, i + 1, Double.parseDouble(m.group(1)), t);
                }
                m = META_OVER.matcher(t);
                if (m.find()) {
                    metaOver = Long.parseLong(m.group(1));
                }
                m = META_STATS.matcher(t);
                if (m.find()) {
                    stats = new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3))};
                }
                continue;
            }
            String[] f = COMMA.split(t, -1);
            if (header == null) {
                if (f.length < 2 || MeasuredReader.NUM.matcher(f[0]).matches()) {
                    throw MeasuredDataException.at(name, i + 1,
                            "a CSV header 'latency_us,count[,count…]'", t);
                }
                header = f;
                continue;
            }
            if (f.length != header.length) {
                throw MeasuredDataException.at(name, i + 1, header.length + " comma-separated fields", t);
            }
            long[] c = new long[header.length - 1];
            for (int k = 1; k < f.length; k++) {
                if (!MeasuredReader.INT.matcher(f[k]).matches()) {
                    throw MeasuredDataException.at(name, i + 1, "unsigned integer counts", t);
                }
                c[k - 1] = Long.parseLong(f[k]);
            }
            String lab = f[0].toLowerCase(java.util.Locale.ROOT);
            if (lab.startsWith("over")) {
                over = c;
                continue;
            }
            if (!MeasuredReader.NUM.matcher(f[0]).matches() || f[0].startsWith("-")) {
                throw MeasuredDataException.at(name, i + 1, "a latency in µs ≥ 0 in the first field", t);
            }
            int b = MeasuredReader.bucket(name, i + 1, Math.floor(Double.parseDouble(f[0])), t);
            long[] prev = rows.get(b);
            if (prev != null) {
                for (int k = 0; k < c.length; k++) {
                    c[k] += prev[k];
                }
            }
            rows.put(b, c);
            lastKey = Math.max(lastKey, b);
        }
        if (header == null) {
            throw MeasuredDataException.at(name, lines.size(), "a CSV header 'latency_us,count'", null);
        }
        int n = Math.max(metaN, lastKey + 1);
        int cols = header.length - 1;
        List<ThreadHistogram> threads = new ArrayList<>();
        for (int k = 0; k < cols; k++) {
            long[] counts = new long[n];
            for (Map.Entry<Integer, long[]> e : rows.entrySet()) {
                counts[e.getKey()] = e.getValue()[k];
            }
            long o = over != null ? over[k] : (cols == 1 && metaOver >= 0 ? metaOver : 0);
            boolean one = cols == 1 && stats != null;
            threads.add(new ThreadHistogram(header[k + 1].isEmpty() ? "T" + k : header[k + 1], 1.0, counts, o,
                    one ? stats[0] : Double.NaN, one ? stats[1] : Double.NaN, one ? stats[2] : Double.NaN));
        }
        return new MeasuredHistogram(name, Format.CSV, threads, List.of(), over != null || metaOver >= 0);
    }
}
