package org.rtvsim.measured;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rtvsim.engine.TextFiles;
import org.rtvsim.measured.MeasuredHistogram.Format;
import org.rtvsim.probe.MeasurementFile;
import org.rtvsim.probe.ProbeException;

/**
 * Reads measured latency data: cyclictest {@code -h/-H} output and {@code --histfile}, cyclictest {@code -v}
 * verbose samples, cyclictest {@code --json}, {@code rtla timerlat hist}, CSV histograms and Xenomai
 * {@code latency -g} histograms, and {@code rtvsim measure}'s {@code measurement.json} (the histogram file it
 * names). See {@code docs/measured-data.md}.
 */
public final class MeasuredReader {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    static final Pattern INT = Pattern.compile("\\d{1,18}");
    /** Histograms hold at most this many buckets (docs/errors.md): cyclictest's own -h limit [K] rt-tests. */
    static final int MAX_BUCKETS = 1_000_000;
    private static final Pattern RTLA_HEADER = Pattern.compile("Index\\s+.*\\b(IRQ|Thr|Usr)-\\d+.*");
    static final Pattern NUM = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    private MeasuredReader() {
    }

    /** Detects the format of {@code file} and parses it. */
    public static MeasuredHistogram read(Path file) {
        String text;
        try {
            if (TextFiles.size(file, TextFiles.STREAMED_MAX_BYTES) > TextFiles.MEASURED_MAX_BYTES) {
                return stream(file);
            }
            text = TextFiles.read(file, TextFiles.MEASURED_MAX_BYTES);
        } catch (IOException e) {
            throw new MeasuredDataException(file + ": cannot read the measured file: " + e.getMessage());
        }
        return parse(file.toString(), text);
    }

    /**
     * A file above {@link TextFiles#MEASURED_MAX_BYTES}: streamed line by line if it is cyclictest {@code -v}
     * samples (detected on its first 64 KiB), refused otherwise (histograms of every format are far smaller).
     */
    private static MeasuredHistogram stream(Path file) throws IOException {
        String name = file.toString();
        Format f = detect(name, clean(TextFiles.head(file, 1 << 16)));
        if (f != Format.CYCLICTEST_VERBOSE) {
            throw new MeasuredDataException(name + ": cannot read the measured file: larger than the "
                    + TextFiles.formatBytes(TextFiles.MEASURED_MAX_BYTES) + " limit for a histogram ("
                    + TextFiles.formatBytes(Files.size(file)) + "); only cyclictest -v samples are streamed beyond "
                    + "it, and this file looks like " + f.toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        }
        VerboseSamples v = new VerboseSamples(name);
        TextFiles.forEachLine(file, (l, no) -> v.add(cleanLine(l), no));
        return v.histogram();
    }

    private static List<String> clean(String text) {
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\r?\n", -1)) {
            lines.add(cleanLine(l));
        }
        return lines;
    }

    private static String cleanLine(String l) {
        String clean = l.indexOf('\u001B') < 0 ? l : ANSI.matcher(l).replaceAll("");
        return clean.indexOf('\r') < 0 ? clean : clean.replace("\r", "");
    }

    /** Parses {@code text}; {@code name} is used in error messages. */
    public static MeasuredHistogram parse(String name, String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (MeasurementFile.isMeasurement(text)) {
            return parseMeasurement(name, text);
        }
        List<String> lines = clean(text);
        return switch (detect(name, lines)) {
            case CYCLICTEST_JSON -> parseJson(name, text);
            case CYCLICTEST_HISTOGRAM -> parseCyclictest(name, lines);
            case RTLA_TIMERLAT_HIST -> TableFormats.parseRtla(name, lines);
            case CYCLICTEST_VERBOSE -> parseVerbose(name, lines);
            case XENOMAI_LATENCY -> TableFormats.parseXenomai(name, lines);
            case CSV -> TableFormats.parseCsv(name, lines);
        };
    }

    /**
     * An {@code rtvsim measure} {@code measurement.json}: the histogram file it names, read relative to the JSON's
     * directory ({@code name} is the JSON's path). The result's source is the JSON.
     */
    private static MeasuredHistogram parseMeasurement(String name, String text) {
        Path hist;
        try {
            hist = MeasurementFile.parse(Path.of(name), text).histogram();
        } catch (ProbeException e) {
            throw new MeasuredDataException(e.getMessage());
        }
        String histText;
        try {
            histText = TextFiles.read(hist, TextFiles.MEASURED_MAX_BYTES);
        } catch (IOException e) {
            throw new MeasuredDataException(name + ": cannot read its histogram file " + hist + " ("
                    + (Files.exists(hist) ? e.getMessage() : "no such file") + ")");
        }
        if (MeasurementFile.isMeasurement(histText)) {
            throw new MeasuredDataException(name + ": its histogram file " + hist + " is itself a measurement.json");
        }
        MeasuredHistogram h = parse(hist.toString(), histText);
        return new MeasuredHistogram(name, h.format(), h.threads(), h.irqThreads(), h.overflowsKnown());
    }

    static Format detect(String name, List<String> lines) {
        String first = null;
        int firstNo = 0;
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.equals("# Histogram")) {
                return Format.CYCLICTEST_HISTOGRAM;
            }
            if (t.startsWith("# Xenomai version") || t.contains("----lat min|")) {
                return Format.XENOMAI_LATENCY;
            }
            if (t.startsWith("Index") && RTLA_HEADER.matcher(t).matches()) {
                return Format.RTLA_TIMERLAT_HIST;
            }
            if (first == null && !t.isEmpty() && !t.startsWith("#")) {
                first = t;
                firstNo = i + 1;
            }
        }
        if (first == null) {
            throw MeasuredDataException.at(name, lines.size(), "a histogram or samples", null);
        }
        if (first.startsWith("{")) {
            return Format.CYCLICTEST_JSON;
        }
        if (VerboseSamples.LINE.matcher(first).matches()) {
            return Format.CYCLICTEST_VERBOSE;
        }
        if (first.contains(",")) {
            return Format.CSV;
        }
        throw MeasuredDataException.at(name, firstNo,
                "a cyclictest '# Histogram' block, verbose 'thread:cycle:latency', JSON, rtla 'Index …' header"
                        + " or a CSV header 'latency_us,count'", first);
    }

    // ---------------------------------------------------------------- cyclictest -h / -H / --histfile

    private static MeasuredHistogram parseCyclictest(String name, List<String> lines) {
        int i = 0;
        while (!lines.get(i).trim().equals("# Histogram")) {
            String t = lines.get(i).trim();
            if (!(t.isEmpty() || t.startsWith("#") || t.startsWith("T:") || t.startsWith("policy:")
                    || VerboseSamples.LINE.matcher(t).matches())) {
                throw MeasuredDataException.at(name, i + 1,
                        "cyclictest status lines ('T: …', '# …') before '# Histogram'", t);
            }
            i++;
        }
        i++;
        TreeMap<Integer, long[]> rows = new TreeMap<>();
        int cols = -1;
        Map<String, long[]> footer = new TreeMap<>();
        int totalLine = -1;
        for (; i < lines.size(); i++) {
            String t = lines.get(i).trim();
            if (t.isEmpty() || t.startsWith("T:")) {
                continue;
            }
            if (t.startsWith("#")) {
                String body = t.substring(1).trim();
                int colon = body.indexOf(':');
                String key = colon < 0 ? body : body.substring(0, colon).trim();
                if (key.equals("Total") || key.equals("Min Latencies") || key.equals("Avg Latencies")
                        || key.equals("Max Latencies") || key.equals("Histogram Overflows")) {
                    String[] v = body.substring(colon + 1).trim().split("\\s+");
                    long[] vals = new long[v.length];
                    for (int k = 0; k < v.length; k++) {
                        if (!INT.matcher(v[k]).matches()) {
                            throw MeasuredDataException.at(name, i + 1, "integer values after '# " + key + ":'", t);
                        }
                        vals[k] = Long.parseLong(v[k]);
                    }
                    footer.put(key, vals);
                    if (key.equals("Total")) {
                        totalLine = i + 1;
                    }
                }
                continue; // overflow cycle numbers, SMIs, other comments
            }
            if (!footer.isEmpty()) {
                throw MeasuredDataException.at(name, i + 1, "only '#' footer lines after the histogram", t);
            }
            String[] f = t.split("\\s+");
            if (f.length < 2) {
                throw MeasuredDataException.at(name, i + 1, "'index count[<TAB>count…]'", t);
            }
            if (cols < 0) {
                cols = f.length - 1;
            } else if (f.length - 1 != cols) {
                throw MeasuredDataException.at(name, i + 1, cols + " count column(s) after the bucket index", t);
            }
            long[] c = new long[cols];
            for (int k = 0; k < f.length; k++) {
                if (!INT.matcher(f[k]).matches()) {
                    throw MeasuredDataException.at(name, i + 1, "'index count[<TAB>count…]' of unsigned integers", t);
                }
                if (k > 0) {
                    c[k - 1] = Long.parseLong(f[k]);
                }
            }
            int idx = bucket(name, i + 1, Double.parseDouble(f[0]), t);
            if (!rows.isEmpty() && idx <= rows.lastKey()) {
                throw MeasuredDataException.at(name, i + 1, "bucket index > " + rows.lastKey(), t);
            }
            rows.put(idx, c);
        }
        if (rows.isEmpty()) {
            throw MeasuredDataException.at(name, lines.size(), "bucket lines after '# Histogram'", null);
        }
        int nThreads = cols;
        long[] mins = footer.get("Min Latencies");
        if (mins != null && mins.length == cols - 1) {
            nThreads = cols - 1; // -H: last column is the sum over threads
        } else if (mins == null && cols > 2 && lastColumnIsSum(rows, cols)) {
            nThreads = cols - 1;
        }
        int n = rows.lastKey() + 1;
        List<ThreadHistogram> threads = new ArrayList<>();
        for (int th = 0; th < nThreads; th++) {
            long[] counts = new long[n];
            for (Map.Entry<Integer, long[]> e : rows.entrySet()) {
                counts[e.getKey()] = e.getValue()[th];
            }
            long over = value(footer, "Histogram Overflows", th);
            ThreadHistogram h = new ThreadHistogram("T" + th, 1.0, counts, Math.max(0, over),
                    dval(footer, "Min Latencies", th), dval(footer, "Avg Latencies", th),
                    dval(footer, "Max Latencies", th));
            long total = value(footer, "Total", th);
            if (total >= 0 && total != h.inHistogram()) {
                throw MeasuredDataException.at(name, totalLine, "'# Total' equal to the bucket sum "
                        + h.inHistogram() + " of thread " + th, lines.get(totalLine - 1).trim());
            }
            threads.add(h);
        }
        return new MeasuredHistogram(name, Format.CYCLICTEST_HISTOGRAM, threads, List.of(),
                footer.containsKey("Histogram Overflows"));
    }

    private static boolean lastColumnIsSum(TreeMap<Integer, long[]> rows, int cols) {
        boolean any = false;
        for (long[] r : rows.values()) {
            long s = 0;
            for (int k = 0; k < cols - 1; k++) {
                s += r[k];
            }
            if (s != r[cols - 1]) {
                return false;
            }
            any |= s > 0;
        }
        return any;
    }

    private static long value(Map<String, long[]> footer, String key, int th) {
        long[] v = footer.get(key);
        return v == null || th >= v.length ? -1 : v[th];
    }

    private static double dval(Map<String, long[]> footer, String key, int th) {
        long v = value(footer, key, th);
        return v < 0 ? Double.NaN : v;
    }

    // ---------------------------------------------------------------- cyclictest -v

    private static MeasuredHistogram parseVerbose(String name, List<String> lines) {
        VerboseSamples v = new VerboseSamples(name);
        for (int i = 0; i < lines.size(); i++) {
            v.add(lines.get(i), i + 1);
        }
        return v.histogram();
    }

    // ---------------------------------------------------------------- cyclictest --json

    private static MeasuredHistogram parseJson(String name, String text) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (IOException e) {
            // Jackson's message quotes the offending token: say where instead (the file may be anyone's)
            var loc = e instanceof com.fasterxml.jackson.core.JsonProcessingException jp ? jp.getLocation() : null;
            String where = loc != null && loc.getLineNr() > 0 ? loc.getLineNr() + ":" + loc.getColumnNr() : "1";
            throw new MeasuredDataException(name + ":" + where + ": valid JSON; got a JSON syntax error there");
        }
        JsonNode th = root.get("thread");
        if (th == null || !th.isObject() || th.isEmpty()) {
            throw new MeasuredDataException(name + ":1: a JSON object with a non-empty \"thread\" object; got "
                    + (th == null ? "no \"thread\" key" : th.getNodeType()));
        }
        double scale = root.path("resolution_in_ns").asInt(0) != 0 ? 1e-3 : 1.0;
        int n = histogramSize(root.path("cmdline").asText(root.path("cmdline:").asText("")));
        List<ThreadHistogram> threads = new ArrayList<>();
        TreeMap<Integer, JsonNode> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = th.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            try {
                sorted.put(Integer.parseInt(e.getKey()), e.getValue());
            } catch (NumberFormatException ex) {
                throw new MeasuredDataException(name + ":1: thread keys \"0\", \"1\", …; got a key of "
                        + MeasuredDataException.token(e.getKey()));
            }
        }
        for (Map.Entry<Integer, JsonNode> e : sorted.entrySet()) {
            JsonNode t = e.getValue();
            TreeMap<Integer, Long> buckets = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = t.path("histogram").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> b = it.next();
                if (!INT.matcher(b.getKey()).matches() || !b.getValue().canConvertToLong()) {
                    throw new MeasuredDataException(name + ":1: histogram entries \"bucket\": count in thread "
                            + e.getKey() + "; got a key of " + MeasuredDataException.token(b.getKey()) + " with a "
                            + b.getValue().getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " value");
                }
                if (b.getValue().asLong() < 0) {
                    throw new MeasuredDataException(name + ":1: non-negative counts in thread " + e.getKey()
                            + "; got " + b.getValue().asLong() + " in bucket " + b.getKey());
                }
                buckets.put(bucket(name, 1, Double.parseDouble(b.getKey()), b.getKey()), b.getValue().asLong());
            }
            int len = Math.max(n, buckets.isEmpty() ? 0 : buckets.lastKey() + 1);
            long[] counts = new long[len];
            long sum = 0;
            for (Map.Entry<Integer, Long> b : buckets.entrySet()) {
                counts[b.getKey()] = b.getValue();
                sum += b.getValue();
            }
            long cycles = t.has("cycles") ? t.get("cycles").asLong() : sum;
            if (cycles < sum) {
                throw new MeasuredDataException(name + ":1: \"cycles\" of thread " + e.getKey()
                        + " at least the histogram's sum " + sum + "; got " + cycles);
            }
            long over = buckets.isEmpty() ? 0 : Math.max(0, cycles - sum);
            threads.add(new ThreadHistogram(t.has("cpu") ? "T" + e.getKey() + "@cpu" + t.get("cpu").asInt()
                    : "T" + e.getKey(), scale, counts, over, num(t, "min") * scale, num(t, "avg") * scale,
                    num(t, "max") * scale));
        }
        return new MeasuredHistogram(name, Format.CYCLICTEST_JSON, threads, List.of(), true);
    }

    /** A bucket index or a latency in buckets, refused beyond {@link #MAX_BUCKETS} before anything is allocated. */
    static int bucket(String name, int line, double v, String got) {
        if (!(v >= 0 && v < MAX_BUCKETS)) {
            throw MeasuredDataException.at(name, line, "a bucket index or latency in 0.." + (MAX_BUCKETS - 1)
                    + " (at most " + MAX_BUCKETS + " buckets)", got);
        }
        return (int) v;
    }

    private static double num(JsonNode t, String k) {
        return t.has(k) && t.get(k).isNumber() ? t.get(k).asDouble() : Double.NaN;
    }

    static int histogramSize(String cmdline) {
        Matcher m = Pattern.compile("(?:^|\\s)(?:-[hH]\\s*|--histogram[= ]|--histofall[= ])(\\d+)").matcher(cmdline);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }
}
