package org.rtvsim.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.ThreadResult;

/**
 * Writes {@code histogram.csv}: one row per bucket with its lower edge in microseconds and the count
 * of each thread, then an {@code overflow} row with each thread's count beyond the last bucket.
 *
 * <p>Header {@code latency_us,thread0,thread1,...} (threads in result order); {@code \n} line ends.
 */
public final class HistogramCsv {
    private HistogramCsv() {
    }

    /** Writes the CSV to {@code path}. */
    public static void write(RunResult r, Path path) throws IOException {
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            write(r, w);
        }
    }

    /** The CSV as a string. */
    public static String toString(RunResult r) throws IOException {
        StringWriter w = new StringWriter();
        write(r, w);
        return w.toString();
    }

    private static void write(RunResult r, Appendable out) throws IOException {
        List<ThreadResult> threads = r.threads();
        out.append("latency_us");
        for (int j = 0; j < threads.size(); j++) {
            out.append(",thread").append(Integer.toString(j));
        }
        out.append('\n');
        if (threads.isEmpty()) {
            out.append("overflow\n");
            return;
        }
        Format.requireSameLayout(threads);
        ThreadResult first = threads.get(0);
        for (int b = 0; b < first.buckets(); b++) {
            out.append(Format.bucketUs(b, first.bucketNs()));
            for (ThreadResult t : threads) {
                out.append(',').append(Long.toString(t.count(b)));
            }
            out.append('\n');
        }
        out.append("overflow");
        for (ThreadResult t : threads) {
            out.append(',').append(Long.toString(t.overflows()));
        }
        out.append('\n');
    }
}
