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
 * then each thread) and percentile, header
 * {@code group,thread,cpu,p,value_us,supported,ci_low_us,ci_high_us,pooled_ci_low_us,pooled_ci_high_us}.
 * {@code value_us} is over the pooled samples. {@code pooled_ci_*} is its distribution-free 95 % interval
 * (order statistics with batch means; the high bound empty when the data give none). {@code ci_*} is the
 * Student-t interval over the replications, and with one replication the same as {@code pooled_ci_*}.
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

    /** An unbounded upper end is an empty cell. */
    private static double high(double ns) {
        return ns == org.rtvsim.measure.QuantileInterval.UNBOUNDED ? Double.NaN : ns;
    }

    /** Writes the CSV. */
    public static void write(ReplicatedResult r, Appendable out) throws IOException {
        out.append("group,thread,cpu,p,value_us,supported,ci_low_us,ci_high_us,pooled_ci_low_us,pooled_ci_high_us\n");
        for (ReplicatedGroup g : r.groups()) {
            for (StatisticCI s : g.statistics()) {
                if (Double.isNaN(s.p())) {
                    continue;
                }
                out.append(Table.csv(g.label())).append(',').append(Integer.toString(g.thread())).append(',')
                        .append(Integer.toString(g.cpu())).append(',').append(s.name().substring(1)).append(',')
                        .append(Table.csvUs(s.pooledNs())).append(',').append(Boolean.toString(s.supported()))
                        .append(',').append(Table.csvUs(s.hasInterval() ? s.lowNs() : s.pooledLowNs()))
                        .append(',').append(Table.csvUs(s.hasInterval() ? s.highNs() : high(s.pooledHighNs())))
                        .append(',').append(Table.csvUs(s.pooledLowNs())).append(',')
                        .append(Table.csvUs(high(s.pooledHighNs()))).append('\n');
            }
        }
    }
}
