package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rtvsim calibrate}: the round trip (a "measurement" made by rtvsim itself with known parameter values and
 * another seed is calibrated from perturbed values; the fit recovers them within its reported uncertainty), the
 * calibrated scenario runs, and bad input is exit code 2 with one clear line.
 */
class CalibrateCommandTest {
    /** One cyclictest thread every 100 µs on an idle PREEMPT_RT CPU: 20 000 samples in 2 s, ~50 ms per run. */
    static final String SMALL = """
            name: small
            seed: 1
            duration: 2s
            warmup: 10ms
            hardware: {cpus: 2}
            host:
              kernel:
                preempt: rt
                costs:
                  context_switch: {lognormal: {median: 1.1us, sigma: 0.3}}
                  return_to_user: {lognormal: {median: 0.6us, sigma: 0.6}}
              workload:
                - cyclictest: {threads: 1, cpus: "1", priority: 99, policy: fifo, interval: 100us, mlock: true}
            measure:
              histogram: {bucket: 1us, buckets: 200}
            """;
    static final String MEDIAN = "host.kernel.costs.context_switch.lognormal.median";
    static final String SIGMA = "host.kernel.costs.return_to_user.lognormal.sigma";

    @TempDir
    Path dir;
    Path scenario;
    Path measured;

    @BeforeEach
    void measure() {
        scenario = Cli.write(dir, "small.yaml", SMALL);
        // the "measurement": known values 1.8 us and 0.8, another seed than the calibration's
        Cli r = Cli.run("run", scenario.toString(), "--seed", "7", "--set", MEDIAN + "=1.8us", "--set", SIGMA + "=0.8",
                "--quiet", "--out", dir.resolve("meas").toString());
        assertEquals(0, r.code(), r.err());
        measured = dir.resolve("meas").resolve("cyclictest.txt");
    }

    @Test
    void roundTrip_recoversKnownValues_withinTheReportedUncertainty() throws IOException {
        Path out = dir.resolve("fit");
        Cli r = Cli.run("calibrate", "--measured", measured.toString(), "--scenario", scenario.toString(),
                "--fit", MEDIAN + "=0.5us..3us", "--fit", SIGMA + "=0.2..1.2", "--out", out.toString(), "--budget", "5m");
        assertEquals(0, r.code(), r.err());
        JsonNode fit = new ObjectMapper().readTree(out.resolve("fit.json").toFile());
        assertEquals("curvature", fit.at("/uncertainty/method").asText());
        double[] truth = {1.8, 0.8};
        for (int i = 0; i < 2; i++) {
            JsonNode p = fit.at("/parameters/" + i);
            double value = p.get("number").asDouble();
            double u = p.get("uncertainty").asDouble();
            assertTrue(u > 0 && u < 0.5 * (i == 0 ? 2.5 : 1.0), p.toString());
            assertTrue(Math.abs(value - truth[i]) <= u, () -> p.get("path").asText() + " = " + value + " ± " + u
                    + " does not cover " + truth[p.get("path").asText().endsWith("sigma") ? 1 : 0]);
        }
        assertEquals(20_000, fit.at("/simulation/samples").asLong());
        assertTrue(fit.at("/distances/tailLogRms").asDouble() < 0.1, fit.at("/distances").toString());
        assertTrue(r.out().contains("p99.9"), r.out());
        for (String f : new String[] {"fit.md", "fit-ccdf.png", "fit-ccdf.svg", "calibrated.yaml"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        String yaml = Files.readString(out.resolve("calibrated.yaml"));
        assertTrue(yaml.contains("extends: ../small.yaml"), yaml);
        Cli run = Cli.run("run", out.resolve("calibrated.yaml").toString(), "--duration", "100ms", "--quiet");
        assertEquals(0, run.code(), run.err());
    }

    @Test
    void calibratedScenario_keepsAListEntryWhole() throws IOException {
        Path out = dir.resolve("fit");
        Cli r = Cli.run("calibrate", "--measured", measured.toString(), "--scenario", scenario.toString(),
                "--fit", "host.workload[0].cyclictest.priority=90..99", "--out", out.toString(), "--budget", "20s",
                "--duration", "200ms", "--quiet");
        assertEquals(0, r.code(), r.err());
        String yaml = Files.readString(out.resolve("calibrated.yaml"));
        assertTrue(yaml.contains("  workload:\n    - cyclictest:\n"), yaml);
        assertTrue(yaml.contains("interval: 100us"), yaml);
        JsonNode fit = new ObjectMapper().readTree(out.resolve("fit.json").toFile());
        double prio = fit.at("/parameters/0/number").asDouble();
        assertEquals(Math.rint(prio), prio, "an integer key is fitted in whole numbers");
        assertEquals(0, Cli.run("run", out.resolve("calibrated.yaml").toString(), "--duration", "50ms", "--quiet")
                .code());
    }

    private Cli calibrate(String... extra) {
        String[] base = {"calibrate", "--measured", measured.toString(), "--scenario", scenario.toString(),
            "--out", dir.resolve("o").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }


    @Test
    void unknownPath_suggestsTheNearestKeys() {
        Cli.assertBadInput(calibrate("--fit", "host.kernel.costs.context_swich.lognormal.median=1us..2us"),
                "context_swich", "context_switch");
    }

    @Test
    void malformedRange_isBadInput() {
        Cli.assertBadInput(calibrate("--fit", MEDIAN + "=1us-4us"), "--fit " + MEDIAN, "is not A..B");
        Cli.assertBadInput(calibrate("--fit", MEDIAN + "=1us..2ms"), "mixes units");
        Cli.assertBadInput(calibrate("--fit", MEDIAN), "expected PATH=LO..HI");
    }

    @Test
    void emptyRange_isBadInput() {
        Cli.assertBadInput(calibrate("--fit", MEDIAN + "=4us..1us"), "needs LO < HI");
        Cli.assertBadInput(calibrate("--fit", MEDIAN + "=2us..2us"), "needs LO < HI");
    }

    @Test
    void valueTheKeyRejects_isBadInput() {
        Cli.assertBadInput(calibrate("--fit", SIGMA + "=-1..1"), SIGMA);
    }

    @Test
    void unreadableMeasurement_isBadInput() throws IOException {
        Path missing = dir.resolve("nope.txt");
        Cli.assertBadInput(Cli.run("calibrate", "--measured", missing.toString(), "--scenario", scenario.toString(),
                "--fit", MEDIAN + "=1us..2us", "--out", dir.resolve("o").toString()), "nope.txt", "no such file");
        Path bad = Files.writeString(dir.resolve("bad.csv"), "latency_us,count\n1,10\nx,y\n");
        Cli.assertBadInput(Cli.run("calibrate", "--measured", bad.toString(), "--scenario", scenario.toString(),
                "--fit", MEDIAN + "=1us..2us", "--out", dir.resolve("o").toString()), "bad.csv:3");
    }

    @Test
    void badBudget_isBadInput() {
        Cli.assertBadInput(calibrate("--fit", MEDIAN + "=1us..2us", "--budget", "5 parsecs"), "--budget",
                "expected a wall-time budget");
    }

    @Test
    void threadOutOfRange_isBadInput() {
        Cli.assertBadInput(calibrate("--fit", MEDIAN + "=1us..2us", "--thread", "3"), "--thread 3", "has 1 thread");
    }

    @Test
    void missingFit_isBadInput() {
        Cli.assertBadInput(calibrate(), "--fit");
    }
}
