package org.rtvsim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.cli.Main;

/**
 * The acceptance of issue 22: a sweep gives byte-identical {@code sweep.csv} (and {@code sweep-rows.csv}) on the
 * local engine, on Spark {@code local[2]} and as {@code --part 1/2} + {@code --part 2/2} + {@code merge}, and so
 * does a replicated compare ({@code compare.csv}, {@code compare.json}, stdout); the Parquet rows are readable by
 * Spark and match the CSV's; bad engines and masters are exit-2 errors. One Spark context ({@code local[2]})
 * serves the whole class: the engine uses an active context as under spark-submit, so Spark starts once.
 */
class SparkSweepTest {
    private static SparkSession session;

    @BeforeAll
    static void startSpark() {
        session = SparkSession.builder().master("local[2]").appName("rtvsim-test")
                .config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        session.stop();
    }

    /** 4 CPUs, 20 ms measured: each run takes milliseconds. */
    private static final String TINY = """
            name: tiny
            duration: 20ms
            warmup: 5ms
            hardware: {cpus: 4}
            host:
              kernel: {preempt: rt}
              workload:
                - cyclictest: {threads: 1, priority: 99}
            """;

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.run(args, o, e);
        }
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String[] sweep(String... extra) throws IOException {
        Path f = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        List<String> a = new ArrayList<>(List.of("sweep", f.toString(), "--vary", "host.kernel.hz=100,1000",
                "--replications", "3", "--quiet"));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }

    @Test
    void sweep_localSparkAndMergedParts_sameCsvBytes_andParquetRows() throws IOException {
        Run local = cli(sweep("--out", dir.resolve("local").toString()));
        assertEquals(0, local.code(), local.err());
        Run spark = cli(sweep("--engine", "spark", "--master", "local[2]", "--out", dir.resolve("spark").toString()));
        assertEquals(0, spark.code(), spark.err());
        assertEquals(0, cli(sweep("--part", "1/2", "--out", dir.resolve("p1").toString())).code());
        assertEquals(0, cli(sweep("--part", "2/2", "--engine", "spark", "--master", "local[2]", "--out",
                dir.resolve("p2").toString())).code());
        Run merged = cli("merge", dir.resolve("p1").toString(), dir.resolve("p2").toString(), "--out",
                dir.resolve("merged").toString(), "--quiet");
        assertEquals(0, merged.code(), merged.err());
        for (String other : List.of("spark", "merged")) {
            for (String f : List.of("sweep.csv", "sweep-rows.csv", "sweep-rows.parquet")) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("local").resolve(f)),
                        Files.readAllBytes(dir.resolve(other).resolve(f)), other + "/" + f);
            }
        }

        List<String> csv = Files.readAllLines(dir.resolve("local/sweep-rows.csv"));
        Dataset<Row> rows = session.read().parquet(dir.resolve("local/sweep-rows.parquet").toString());
        assertEquals(List.of("host.kernel.hz", "point", "replication", "statistic", "value_us"),
                List.of(rows.columns()));
        assertEquals(csv.size() - 1, rows.count());
        Row first = rows.orderBy("point", "replication").first();
        assertEquals("100", first.getString(0));
        String[] cells = csv.get(1).split(",");
        assertEquals(Double.parseDouble(cells[4]), rows.filter("point = 0 and replication = 0 and statistic = '"
                + cells[3] + "'").first().getDouble(4), 0.005);
    }

    @Test
    void compare_localSparkAndMergedParts_sameFilesAndStdout() throws IOException {
        Path f = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        String[] base = {"compare", f.toString(), "--variant", "host.kernel.hz=100", "--replications", "3"};
        Run local = cli(concat(base, "--out", dir.resolve("local").toString()));
        assertEquals(0, local.code(), local.err());
        int jobs = session.sparkContext().statusTracker().getJobIdsForGroup(null).length;
        Run spark = cli(concat(base, "--engine", "spark", "--master", "local[2]", "--out",
                dir.resolve("spark").toString()));
        assertEquals(0, spark.code(), spark.err());
        assertEquals(jobs + 1, session.sparkContext().statusTracker().getJobIdsForGroup(null).length,
                "the compare ran as one Spark job");
        assertEquals(0, cli(concat(base, "--part", "1/2", "--engine", "spark", "--out", dir.resolve("p1").toString()))
                .code());
        assertEquals(0, cli(concat(base, "--part", "2/2", "--out", dir.resolve("p2").toString())).code());
        Run merged = cli("merge", dir.resolve("p2").toString(), dir.resolve("p1").toString(), "--out",
                dir.resolve("merged").toString());
        assertEquals(0, merged.code(), merged.err());
        assertTrue(local.out().contains("host.kernel.hz=100"), local.out());
        assertEquals(local.out(), spark.out());
        assertEquals(local.out(), merged.out());
        for (String other : List.of("spark", "merged")) {
            for (String name : List.of("compare.csv", "compare.json")) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("local").resolve(name)),
                        Files.readAllBytes(dir.resolve(other).resolve(name)), other + "/" + name);
            }
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void badMasters_exit2_quickly() throws IOException {
        Run bogus = cli(sweep("--engine", "spark", "--master", "yarn-ish"));
        assertEquals(2, bogus.code(), bogus.err());
        assertTrue(bogus.err().contains("expected local[N]"), bogus.err());
        long t0 = System.nanoTime();
        Run down = cli(sweep("--engine", "spark", "--master", "spark://127.0.0.1:1"));
        assertEquals(2, down.code(), down.err());
        assertTrue(down.err().contains("cannot reach 127.0.0.1:1"), down.err());
        assertEquals(2, cli(sweep("--engine", "spark", "--master", "k8s://https://127.0.0.1:1")).code());
        assertEquals(2, cli(sweep("--engine", "spark", "--master", "local[0]")).code());
        assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "unreachable masters fail within the connect timeout");
    }
}
