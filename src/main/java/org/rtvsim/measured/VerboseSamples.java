package org.rtvsim.measured;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.rtvsim.measured.MeasuredHistogram.Format;

/**
 * cyclictest {@code -v} samples ({@code thread:cycle:latency_us} lines) accumulated one line at a time into
 * per-thread 1-µs histograms, so that a file of any length is read in memory bounded by the histogram (at most
 * {@link MeasuredReader#MAX_BUCKETS} counts per thread), never by the number of samples.
 */
final class VerboseSamples {
    static final Pattern LINE = Pattern.compile("\\s*(\\d+):\\s*(\\d+):\\s*(-?\\d+)(?:[:\\s]\\s*-?\\d+)?\\s*");
    /** Threads a samples file may name: cyclictest's own thread numbers stay far below (assumption). */
    static final int MAX_THREADS = 4096;

    private final String name;
    private final TreeMap<Integer, Acc> per = new TreeMap<>();

    private static final class Acc {
        long[] counts = new long[64];
        long n;
        long min = Long.MAX_VALUE;
        long max;
        double sum;
    }

    VerboseSamples(String name) {
        this.name = name;
    }

    /** One line of the file ({@code no} 1-based); comments, status and blank lines are skipped. */
    void add(String line, int no) {
        String t = line.trim();
        if (t.isEmpty() || t.startsWith("#") || t.startsWith("T:") || t.startsWith("policy:")) {
            return;
        }
        Matcher m = LINE.matcher(t);
        if (!m.matches()) {
            throw MeasuredDataException.at(name, no, "'thread:cycle:latency_us'", t);
        }
        if (m.group(3).length() > 12 || m.group(1).length() > 6) {
            throw MeasuredDataException.at(name, no, "a thread number below 1000000 and a latency in 0.."
                    + (MeasuredReader.MAX_BUCKETS - 1) + " µs", t);
        }
        long lat = Long.parseLong(m.group(3));
        if (lat < 0) {
            throw MeasuredDataException.at(name, no, "a latency ≥ 0", t);
        }
        if (lat >= MeasuredReader.MAX_BUCKETS) {
            throw new MeasuredDataException(name + ":" + no + ": latency " + lat + " µs too large for a 1-µs "
                    + "histogram of at most " + MeasuredReader.MAX_BUCKETS + " buckets");
        }
        int thread = Integer.parseInt(m.group(1));
        Acc a = per.get(thread);
        if (a == null) {
            if (per.size() >= MAX_THREADS) {
                throw MeasuredDataException.at(name, no, "at most " + MAX_THREADS + " distinct thread numbers", t);
            }
            a = new Acc();
            per.put(thread, a);
        }
        if (lat >= a.counts.length) {
            a.counts = java.util.Arrays.copyOf(a.counts, (int) Math.min(MeasuredReader.MAX_BUCKETS,
                    Math.max(lat + 1, 2L * a.counts.length)));
        }
        a.counts[(int) lat]++;
        a.n++;
        a.min = Math.min(a.min, lat);
        a.max = Math.max(a.max, lat);
        a.sum += lat;
    }

    MeasuredHistogram histogram() {
        List<ThreadHistogram> threads = new ArrayList<>();
        for (Map.Entry<Integer, Acc> e : per.entrySet()) {
            Acc a = e.getValue();
            threads.add(new ThreadHistogram("T" + e.getKey(), 1.0, java.util.Arrays.copyOf(a.counts, (int) a.max + 1),
                    0, a.min, a.sum / a.n, a.max));
        }
        return new MeasuredHistogram(name, Format.CYCLICTEST_VERBOSE, threads, List.of(), true);
    }
}
