package org.rtvsim.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.rtvsim.measure.ReplicatedResult;
import org.rtvsim.measure.StatisticCI;

/**
 * A sweep's or capacity search's results as data: one row per point × replication × statistic, the
 * point's value of every varied key as a column, then {@code point}, {@code replication}, {@code statistic}
 * and {@code value_us} (the statistic over that replication's samples of all threads pooled, in
 * microseconds, two decimals in the CSV; NaN — an empty CSV cell — when the replication had no samples). Written as CSV by the core
 * and in other formats by {@link TableWriter}s on the class path (Parquet, from the rtvsim-spark module).
 */
public record ResultRows(List<String> keys, List<Row> rows) {
    /** The columns after the varied keys. */
    public static final List<String> FIXED_COLUMNS = List.of("point", "replication", "statistic", "value_us");

    /** One row: the point's key values (in the order of {@code keys}), its index, the replication, a statistic (ns). */
    public record Row(List<String> values, int point, int replication, String statistic, double valueNs) {
        public Row {
            values = List.copyOf(values);
        }
    }

    public ResultRows {
        keys = List.copyOf(keys);
        rows = List.copyOf(rows);
    }

    /** The rows of {@code points}; {@code settings.get(i)} are point i's values in the order of {@code keys}. */
    public static ResultRows of(List<String> keys, List<List<String>> settings, List<ReplicatedResult> points) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            List<StatisticCI> stats = points.get(i).pooled().statistics();
            for (int r = 0; r < points.get(i).replications(); r++) {
                for (StatisticCI s : stats) {
                    rows.add(new Row(settings.get(i), i, r, s.name(), s.valuesNs()[r]));
                }
            }
        }
        return new ResultRows(keys, rows);
    }

    /** Every column name: the keys, then {@link #FIXED_COLUMNS}. */
    public List<String> columns() {
        List<String> out = new ArrayList<>(keys);
        out.addAll(FIXED_COLUMNS);
        return out;
    }

    /** The CSV: a header of {@link #columns()}, then every row; microseconds as in {@code sweep.csv}. */
    public void csv(Appendable out) throws IOException {
        List<String> head = new ArrayList<>();
        columns().forEach(c -> head.add(Table.csv(c)));
        out.append(String.join(",", head)).append('\n');
        for (Row row : rows) {
            List<String> cells = new ArrayList<>();
            row.values().forEach(v -> cells.add(Table.csv(v)));
            cells.add(Integer.toString(row.point()));
            cells.add(Integer.toString(row.replication()));
            cells.add(Table.csv(row.statistic()));
            cells.add(Table.csvUs(row.valueNs()));
            out.append(String.join(",", cells)).append('\n');
        }
    }
}
