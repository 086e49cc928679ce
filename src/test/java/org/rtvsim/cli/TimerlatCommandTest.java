package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimerlatCommandTest {
    @TempDir
    Path dir;

    private String tiny() {
        return Cli.write(dir, "tiny.yaml", Cli.TINY).toString();
    }

    @Test
    void timerlat_top_printsRtlasTableAndTheAnalysis() {
        Cli r = Cli.run("timerlat", tiny());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("CPU COUNT      |      cur       min       avg       max |      cur       min"), r.out());
        assertTrue(r.out().contains("  0 #50        |"), r.out());
        assertTrue(r.out().contains("## CPU 0 hit stop tracing, analyzing it ##\n  IRQ handler delay:"), r.out());
        assertTrue(r.out().contains("  Thread latency: "), r.out());
    }

    @Test
    void timerlat_hist_honoursBucketSizeAndEntries() {
        Cli r = Cli.run("timerlat", tiny(), "hist", "-b", "2", "-E", "10", "--no-aa");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("# RTLA timerlat histogram\n# Time unit is microseconds (us)\n"
                + "# Duration:   0 00:00:00\nIndex   IRQ-000   Thr-000\n0   "), r.out());
        assertTrue(r.out().contains("\ncount:       50        50 \n"), r.out());
        assertTrue(!r.out().contains("hit stop tracing"), r.out());
    }

    @Test
    void timerlat_modeAfterTheOptions_isStillTheMode() {
        Cli r = Cli.run("timerlat", tiny(), "-b", "2", "-E", "10", "--no-aa", "hist");
        assertEquals(Cli.run("timerlat", tiny(), "hist", "-b", "2", "-E", "10", "--no-aa"), r);
        assertTrue(r.out().startsWith("# RTLA timerlat histogram\n"), r.out());
    }

    @Test
    void timerlat_unknownMode_namesTheCommandAndTheModes() {
        Cli.assertBadInput(Cli.run("timerlat", tiny(), "sideways"),
                "timerlat MODE: expected top or hist; got 'sideways'");
    }

    @Test
    void timerlat_badInput_exits2() {
        for (List<String> args : List.of(List.of("sideways"), List.of("hist", "-b", "0"), List.of("hist", "-E", "5"),
                List.of("hist", "-b", "1000000"))) {
            Cli r = Cli.runOn("timerlat", Path.of(tiny()), args.toArray(String[]::new));
            assertEquals(2, r.code(), args + ": " + r.err());
            assertTrue(r.err().startsWith("rtvsim: "), r.err());
        }
    }

    @Test
    void run_jsonAndSamples_writeTheFilesBesideTheUsualOutput() throws Exception {
        Path json = dir.resolve("r.json");
        Path csv = dir.resolve("s.csv");
        Cli r = Cli.run("run", tiny(), "--json", json.toString(), "--samples", csv.toString(), "--samples-max", "7");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("# Histogram\n"), "stdout is not a terminal here: the block comes first");
        String j = Files.readString(json, StandardCharsets.UTF_8);
        assertTrue(j.startsWith("{\n  \"file_version\": 1,\n  \"cmdline:\": \"rtvsim run "), j);
        assertTrue(j.contains("\"num_threads\": 1,\n  \"resolution_in_ns\": 0,\n  \"thread\": {\n    \"0\": {\n"), j);
        assertTrue(j.contains("\"cycles\": 50,"), j);
        List<String> rows = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("thread,cpu,wakeup_ns,latency_ns,irq_latency_ns,top_component", rows.get(0));
        assertEquals(8, rows.size());
        assertTrue(rows.get(1).matches("T0,0,\\d+,\\d+,\\d+,.+"), rows.get(1));
        assertTrue(r.err().contains("wrote the first 7 of 50 samples"), r.err());
    }

    @Test
    void run_fileOptions_refuseReplicationsAndBadTargets() {
        Cli rep = Cli.run("run", tiny(), "--replications", "2", "--json", dir.resolve("x.json").toString());
        assertEquals(2, rep.code(), rep.err());
        assertTrue(rep.err().contains("--json describes one run"), rep.err());
        Cli isDir = Cli.run("run", tiny(), "--samples", dir.toString());
        assertEquals(2, isDir.code(), isDir.err());
        assertTrue(isDir.err().contains("is a directory"), isDir.err());
        Cli max = Cli.run("run", tiny(), "--samples", dir.resolve("s.csv").toString(), "--samples-max", "0");
        assertEquals(2, max.code(), max.err());
        // the core alone has no Parquet writer (the rtvsim-spark module has; its ParquetSamplesTest)
        Cli parquet = Cli.run("run", tiny(), "--samples", dir.resolve("s.parquet").toString());
        Cli.assertBadInput(parquet, "--samples", "s.parquet", "rtvsim-spark module");
        assertFalse(java.nio.file.Files.exists(dir.resolve("s.parquet")));
    }
}
