package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rtvsim tail}: a GPD fit to a run's pooled samples, its return levels and charts. */
class TailCommandTest {
    @TempDir
    Path dir;

    @Test
    void tail_runsTheScenario_printsReturnLevels_andWritesCharts() {
        Path out = dir.resolve("tail");
        Cli r = Cli.run("tail", "scenarios/baremetal-rt-idle.yaml", "--duration", "3s", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1e-09") || r.out().contains("1e-9"), r.out());
        assertTrue(Files.isRegularFile(out.resolve("tail-mean-excess.png")), "mean-excess chart");
        assertTrue(Files.isRegularFile(out.resolve("tail-return-levels.png")), "return-level chart");
    }

    @Test
    void tail_badThresholdPercentile_isBadInput() {
        Cli r = Cli.run("tail", "scenarios/baremetal-rt-idle.yaml", "--threshold-percentile", "120");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("rtvsim: error: "), r.err());
    }

    @Test
    void tail_badBootstrap_isBadInput() {
        Cli r = Cli.run("tail", "scenarios/baremetal-rt-idle.yaml", "--bootstrap", "-1");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().startsWith("rtvsim: error: --bootstrap -1"), r.err());
    }

    @Test
    void tail_measured_fitsAMeasurementWithCensoredOverflows() {
        Cli r = Cli.run("tail", "--measured", "src/test/resources/org/rtvsim/measured/guest_before_tuning_hist.csv");
        assertEquals(0, r.code(), r.err());
        // 604 overflows: the reported max (1475 us) is one of them, known exactly; the other 603 are censored
        assertTrue(r.out().contains("603 censored), max 1475.000 us"), r.out());
        assertTrue(r.out().contains("not credible"), "the heavy pre-tuning tail is flagged: " + r.out());
    }

    @Test
    void tail_measured_malformedFile_isBadInputWithTheLine() throws java.io.IOException {
        Path bad = Files.writeString(dir.resolve("bad.csv"), "latency_us,count\n1,10\nx,y\n");
        Cli r = Cli.run("tail", "--measured", bad.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("bad.csv:3"), r.err());
    }
}
