package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rtvsim compare --measured}: predictions checked against a measurement, and its bad input. */
class CompareMeasuredTest {
    @TempDir
    Path dir;

    @Test
    void compareMeasured_printsTheTableAndWritesReportJsonAndChart() throws IOException {
        Path scenario = Cli.write(dir, "small.yaml", CalibrateCommandTest.SMALL);
        Cli m = Cli.run("run", scenario.toString(), "--seed", "7", "--quiet", "--out", dir.resolve("meas").toString());
        assertEquals(0, m.code(), m.err());
        Path out = dir.resolve("cmp");
        Cli r = Cli.run("compare", "--measured", dir.resolve("meas/cyclictest.txt").toString(), scenario.toString(),
                "--variant", "slow:" + CalibrateCommandTest.MEDIAN + "=3us", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("## small: seed 1, 2s simulated, 20000 samples"), r.out());
        assertTrue(r.out().contains("## slow:"), r.out());
        assertTrue(r.out().contains("Kolmogorov-Smirnov"), r.out());
        JsonNode j = new ObjectMapper().readTree(out.resolve("measured-compare.json").toFile());
        double same = j.at("/entries/0/distances/tailLogRms").asDouble();
        double slow = j.at("/entries/1/distances/tailLogRms").asDouble();
        assertTrue(same < 0.05 && slow > 3 * same, same + " vs " + slow);
        assertTrue(Files.isRegularFile(out.resolve("measured-ccdf.png")));
        assertTrue(Files.readString(out.resolve("measured-compare.md")).contains("| p99.9 |"));
    }

    @Test
    void compareMeasured_badInput_isExit2() {
        Cli.assertBadInput(Cli.run("compare", "--measured", dir.resolve("none.txt").toString(),
                "scenarios/baremetal-rt-idle.yaml"), "none.txt", "no such file");
        Cli.assertBadInput(Cli.run("compare", "--measured",
                "src/test/resources/org/rtvsim/measured/guest_before_tuning_hist.csv", "--thread", "5",
                "scenarios/baremetal-rt-idle.yaml"), "--thread 5");
    }
}
