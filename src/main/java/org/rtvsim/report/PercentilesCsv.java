package org.rtvsim.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.rtvsim.measure.ReplicatedGroup;
import org.rtvsim.measure.ReplicatedResult;
import org.rtvsim.measure.StatisticCI;

/**
 * Writes {@code percentiles.csv}, values in microseconds: one row per group (all threads pooled,
 * then each thread) and percentile, header {@code group,thread,cpu,p,value_us,supported,ci_low_us,ci_high_us}.
 * {@code value_us} is over the pooled samples; the interval columns are empty with one replication.
 * {@code thread} and {@code cpu} are −1 for the pooled group. {@code \n} line ends.
 */
public final class PercentilesCsv {
    private PercentilesCsv() {
    }

    /** Writes the CSV to {@code path}. */
    public static void write(ReplicatedResult r, Path path) throws IOException {
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            write(r, w);
        }
    }

    /** Writes the CSV. */
    public static void write(ReplicatedResult r, Appendable out) throws IOException {
        out.append("group,thread,cpu,p,value_us,supported,ci_low_us,ci_high_us\n");
        for (ReplicatedGroup g : r.groups()) {
            for (StatisticCI s : g.statistics()) {
                if (Double.isNaN(s.p())) {
                    continue;
                }
                out.append(Table.csv(g.label())).append(',').append(Integer.toString(g.thread())).append(',')
                        .append(Integer.toString(g.cpu())).append(',').append(s.name().substring(1)).append(',')
                        .append(Table.csvUs(s.pooledNs())).append(',').append(Boolean.toString(s.supported()))
                        .append(',').append(Table.csvUs(s.lowNs())).append(',').append(Table.csvUs(s.highNs()))
                        .append('\n');
            }
        }
    }
}
