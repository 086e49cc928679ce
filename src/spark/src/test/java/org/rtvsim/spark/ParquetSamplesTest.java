package org.rtvsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.io.LocalInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.cli.Main;

/** {@code run --samples FILE.parquet} holds exactly the rows of {@code --samples FILE.csv}, and its bytes repeat. */
class ParquetSamplesTest {
    private static final String TINY = """
            name: tiny
            duration: 30ms
            warmup: 5ms
            hardware: {cpus: 2}
            host:
              kernel: {preempt: rt}
              workload:
                - kernel_activity: {profile: hackbench}
                - cyclictest: {threads: 2, priority: 99, interval: 500us}
            """;

    @TempDir
    Path dir;

    private static int cli(String... args) {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (PrintStream o = new PrintStream(sink, true, StandardCharsets.UTF_8)) {
            return Main.run(args, o, o);
        }
    }

    @Test
    void parquetSamples_sameRowsAsCsv_sameBytesTwice() throws IOException {
        Path s = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        assertEquals(0, cli("run", s.toString(), "--quiet", "--samples", dir.resolve("a.csv").toString(),
                "--samples-max", "50"));
        assertEquals(0, cli("run", s.toString(), "--quiet", "--samples", dir.resolve("a.parquet").toString(),
                "--samples-max", "50"));
        assertEquals(0, cli("run", s.toString(), "--quiet", "--samples", dir.resolve("b.parquet").toString(),
                "--samples-max", "50"));
        List<String> csv = Files.readAllLines(dir.resolve("a.csv"));
        List<String> fromParquet = new ArrayList<>();
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(dir.resolve("a.parquet")))) {
            MessageType schema = r.getFooter().getFileMetaData().getSchema();
            List<Group> groups = new ArrayList<>();
            for (PageReadStore pages = r.readNextRowGroup(); pages != null; pages = r.readNextRowGroup()) {
                RecordReader<Group> rr = new ColumnIOFactory().getColumnIO(schema)
                        .getRecordReader(pages, new GroupRecordConverter(schema));
                for (long i = 0; i < pages.getRowCount(); i++) {
                    groups.add(rr.read());
                }
            }
            for (Group g : groups) {
                fromParquet.add(g.getString("thread", 0) + "," + g.getInteger("cpu", 0) + ","
                        + g.getLong("wakeup_ns", 0) + "," + g.getLong("latency_ns", 0) + ","
                        + (g.getFieldRepetitionCount("irq_latency_ns") > 0 ? g.getLong("irq_latency_ns", 0) : "")
                        + "," + (g.getFieldRepetitionCount("top_component") > 0
                        ? quote(g.getString("top_component", 0)) : ""));
            }
        }
        assertEquals(50, fromParquet.size());
        assertEquals(csv.subList(1, csv.size()), fromParquet);
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(dir.resolve("a.parquet")),
                Files.readAllBytes(dir.resolve("b.parquet"))));
    }

    private static String quote(String s) {
        return s.indexOf(',') < 0 && s.indexOf('"') < 0 ? s : '"' + s.replace("\"", "\"\"") + '"';
    }
}
