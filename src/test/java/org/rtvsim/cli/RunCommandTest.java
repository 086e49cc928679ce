package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rtvsim run} on a scenario that simulates 60 ms: output layout, overrides, files and the SLO exit code. */
class RunCommandTest {
    @TempDir
    Path dir;

    private Path tiny() {
        return Cli.write(dir, "tiny.yaml", Cli.TINY);
    }

    @Test
    void run_tinyScenario_printsCyclictestBlockThenSummary() {
        Cli r = Cli.run("run", tiny().toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("# Histogram\n000000 "), r.out());
        assertTrue(r.out().contains("\n# Histogram Overflows: 00000\n"), r.out());
        assertTrue(r.out().contains("# rtvsim: scenario tiny"), r.out());
        assertTrue(r.out().contains("\n  p99 "), r.out());
        assertFalse(r.out().contains("Stats:"), r.out());
    }

    @Test
    void run_outDir_writesTheThreeFilesAndTheSameCyclictestBlock() throws Exception {
        Path out = dir.resolve("new/results");
        Cli r = Cli.run("run", tiny().toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        String cyclictest = Files.readString(out.resolve("cyclictest.txt"));
        assertTrue(cyclictest.startsWith("# Histogram\n"), cyclictest);
        assertTrue(r.out().startsWith(cyclictest + "\n# rtvsim: scenario tiny"), r.out());
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"scenario\""));
        assertTrue(Files.size(out.resolve("histogram.csv")) > 0);
    }

    @Test
    void run_outDirWithOtherFiles_leavesThemAlone() throws Exception {
        Path out = Files.createDirectories(dir.resolve("results"));
        Path mine = Files.writeString(out.resolve("notes.txt"), "keep me\n");
        Cli r = Cli.run("run", tiny().toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("keep me\n", Files.readString(mine));
        assertTrue(Files.exists(out.resolve("summary.json")));
    }

    @Test
    void run_quiet_printsNothing() {
        Cli r = Cli.run("run", tiny().toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertEquals("", r.err());
    }

    @Test
    void run_seedAndDuration_overrideTheScenario() {
        Cli r = Cli.run("run", tiny().toString(), "--seed", "7", "--duration", "20ms");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("seed 7, duration 20ms"), r.out());
        assertTrue(r.out().contains("# Total: 000000020\n"), r.out());
    }

    @Test
    void run_set_overridesAValue() {
        Cli r = Cli.run("run", tiny().toString(), "--set", "host.workload[0].cyclictest.priority=80");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("prio 80"), r.out());
    }

    @Test
    void run_sameSeed_sameOutput() {
        String a = Cli.run("run", tiny().toString()).out();
        String b = Cli.run("run", tiny().toString()).out();
        assertEquals(a, b);
    }

    @Test
    void run_stats_addsEventsPerSecondAndSimulatedWallRatio() {
        Cli r = Cli.run("run", tiny().toString(), "--stats");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains(" events, "), r.out());
        assertTrue(r.out().contains(" events/s, simulated/wall ratio "), r.out());
    }

    @Test
    void run_sloMissed_exitsOneWithAVerdictLine() {
        Path f = Cli.write(dir, "slo.yaml", Cli.TINY + "slo: {percentile: 50, below: 1ns}\n");
        Cli r = Cli.run("run", f.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("rtvsim: SLO missed: p50 = "), r.err());
        assertTrue(r.out().contains("MISSED"), r.out());
    }

    @Test
    void run_sloMet_exitsZero() {
        Path f = Cli.write(dir, "slo.yaml", Cli.TINY + "slo: {percentile: 50, below: 1s}\n");
        Cli r = Cli.run("run", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
    }
}
