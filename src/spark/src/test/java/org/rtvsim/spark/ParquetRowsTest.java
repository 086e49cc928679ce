package org.rtvsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.report.ResultRows;

/** The Parquet file's schema, rows and the one-encoding-per-chunk rule that keeps its bytes deterministic. */
class ParquetRowsTest {
    @TempDir
    Path dir;

    @Test
    void write_columnsRowsAndOneEncodingPerChunk() throws IOException {
        ResultRows rows = new ResultRows(List.of("host.kernel.hz"), List.of(
                new ResultRows.Row(List.of("100"), 0, 0, "max", 12_345.0),
                new ResultRows.Row(List.of("100"), 0, 1, "max", Double.NaN)));
        Path f = dir.resolve("rows.parquet");
        new ParquetRows().write(rows, f);
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(f))) {
            assertEquals(List.of("host.kernel.hz", "point", "replication", "statistic", "value_us"),
                    r.getFileMetaData().getSchema().getFields().stream().map(t -> t.getName()).toList());
            assertEquals(2, r.getRecordCount());
            for (BlockMetaData b : r.getFooter().getBlocks()) {
                for (ColumnChunkMetaData c : b.getColumns()) {
                    assertEquals(1, c.getEncodings().size(), c.getPath() + " " + c.getEncodings());
                }
            }
        }
    }
}
