package org.rtvsim.probe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The footer of a cyclictest histogram block ({@code # Total}, {@code # Min/Avg/Max Latencies},
 * {@code # Histogram Overflows}) and its number of bucket lines: enough for the summary in {@code measurement.json}
 * without the calibrate layer's full reader. Threads are counted from {@code # Min Latencies}, so {@code -H}'s sum
 * column is not a thread.
 */
public record HistogramSummary(int buckets, List<Thread> threads) {

    /** One thread: samples = in histogram + overflows; latencies in µs as printed (avg truncated by cyclictest). */
    public record Thread(int thread, long samples, long inHistogram, Long minUs, Long avgUs, Long maxUs,
            Long overflows) {
    }

    public long samples() {
        return threads.stream().mapToLong(Thread::samples).sum();
    }

    public long overflows() {
        return threads.stream().mapToLong(t -> t.overflows() == null ? 0 : t.overflows()).sum();
    }

    /** Whether {@code text} holds a {@code # Histogram} line. */
    public static boolean hasHistogram(String text) {
        return text.lines().anyMatch(l -> l.trim().equals("# Histogram"));
    }

    /** Summarises the block in {@code text}; empty thread list when the footer is missing. */
    public static HistogramSummary parse(String text) {
        boolean in = false;
        int buckets = 0;
        Map<String, long[]> footer = new TreeMap<>();
        for (String raw : text.split("\r?\n")) {
            String t = raw.trim();
            if (t.equals("# Histogram")) {
                in = true;
                continue;
            }
            if (!in) {
                continue;
            }
            if (t.matches("\\d+\\s+.*")) {
                buckets++;
            } else if (t.startsWith("#") && t.contains(":")) {
                String key = t.substring(1, t.indexOf(':')).trim();
                String[] v = t.substring(t.indexOf(':') + 1).trim().split("\\s+");
                if (v.length > 0 && v[0].matches("\\d+")) {
                    long[] vals = new long[v.length];
                    int n = 0;
                    for (String s : v) {
                        if (!s.matches("\\d+")) {
                            break;
                        }
                        vals[n++] = Long.parseLong(s);
                    }
                    footer.put(key, java.util.Arrays.copyOf(vals, n));
                }
            }
        }
        List<Thread> threads = new ArrayList<>();
        long[] mins = footer.get("Min Latencies");
        int n = mins == null ? 0 : mins.length;
        for (int i = 0; i < n; i++) {
            long total = get(footer, "Total", i) == null ? 0 : get(footer, "Total", i);
            Long over = get(footer, "Histogram Overflows", i);
            threads.add(new Thread(i, total + (over == null ? 0 : over), total, get(footer, "Min Latencies", i),
                    get(footer, "Avg Latencies", i), get(footer, "Max Latencies", i), over));
        }
        return new HistogramSummary(buckets, threads);
    }

    private static Long get(Map<String, long[]> f, String key, int i) {
        long[] v = f.get(key);
        return v == null || i >= v.length ? null : v[i];
    }
}
