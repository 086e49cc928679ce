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

/**
 * {@code calibrate} with several {@code --measured} conditions, each with its own {@code --cyclictest}, fitting the
 * scenario's {@code uncertain:} parameters when no {@code --fit} is given; the per-condition output and the
 * not-identified verdict reach the text, {@code fit.json} and {@code fit.md}.
 */
class CalibrateJointCliTest {
    static final String MEDIAN = "host.kernel.costs.context_switch.lognormal.median";

    @TempDir
    Path dir;

    @Test
    void twoConditions_fitTheDeclaredUncertainParameters() throws IOException {
        Path scenario = Cli.write(dir, "small.yaml", CalibrateCommandTest.SMALL + """
                uncertain:
                  - {path: %s, range: 0.5us..3us, why: CPU generation}
                  - {path: host.kernel.costs.irq_entry.lognormal.median, range: 0.1us..0.2us,
                     prior: {lognormal: {median: 0.15us, sigma: 0.2}}}
                """.formatted(MEDIAN) + """
                """);
        // the machine: costs.irq_entry written out so that uncertain: can name it
        Files.writeString(scenario, Files.readString(scenario).replace("    costs:\n",
                "    costs:\n      irq_entry: {lognormal: {median: 0.15us, sigma: 0.2}}\n"));
        String fast = "-m -p 99 -i 100 -t 1 -a 1 -h 200 -q";
        String slow = "-m -p 99 -i 300 -t 1 -a 1 -h 200 -q";
        for (String[] c : new String[][] {{"fast", fast}, {"slow", slow}}) {
            Cli r = Cli.run("run", scenario.toString(), "--seed", "7", "--set", MEDIAN + "=1.8us", "--cyclictest", c[1],
                    "--duration", "2s", "--quiet", "--out", dir.resolve(c[0]).toString());
            assertEquals(0, r.code(), r.err());
        }
        Path out = dir.resolve("fit");
        Cli r = Cli.run("calibrate", "--scenario", scenario.toString(), "--out", out.toString(),
                "--measured", dir.resolve("fast/cyclictest.txt").toString(), "--cyclictest", fast,
                "--measured", dir.resolve("slow/cyclictest.txt").toString(), "--cyclictest=" + slow);
        assertEquals(0, r.code(), r.err());
        JsonNode fit = new ObjectMapper().readTree(out.resolve("fit.json").toFile());
        assertEquals(2, fit.at("/conditions").size());
        assertEquals(slow, fit.at("/conditions/1/cyclictest").asText());
        assertEquals(MEDIAN, fit.at("/parameters/0/path").asText());
        double v = fit.at("/parameters/0/number").asDouble();
        double u = fit.at("/parameters/0/uncertainty").asDouble();
        assertTrue(Math.abs(v - 1.8) <= Math.max(u, 0.1), v + " ± " + u);
        assertTrue(fit.at("/parameters/0/identified").asBoolean(), fit.at("/parameters/0").toString());
        // irq entry cost in 0.1..0.2 us moves a 1 us-bucket histogram too little to be told apart
        JsonNode irq = fit.at("/parameters/1");
        assertTrue(irq.has("prior"), irq.toString());
        assertTrue(r.out().contains("(slow.txt)") || r.out().contains("cyclictest.txt"), r.out());
        // the verdict on the fit as a whole: the model that made the data matches it within sampling noise
        assertTrue(r.out().contains("Goodness of fit: "), r.out());
        assertTrue(fit.at("/goodnessOfFit/noiseFloors").isNumber(), fit.toString());
        assertEquals(fit.at("/goodnessOfFit/noiseFloors").asDouble() > 4, fit.at("/goodnessOfFit/misfit").asBoolean());
        String md = Files.readString(out.resolve("fit.md"));
        assertTrue(md.contains("## Measured vs simulated: "), md);
        assertTrue(md.contains("lognormal(median 0.15"), md);
    }

    @Test
    void noFitAndNoUncertain_isBadInput() {
        Path scenario = Cli.write(dir, "small.yaml", CalibrateCommandTest.SMALL);
        Cli r = Cli.run("run", scenario.toString(), "--duration", "200ms", "--quiet", "--out", dir.resolve("m").toString());
        assertEquals(0, r.code(), r.err());
        Cli.assertBadInput(Cli.run("calibrate", "--scenario", scenario.toString(), "--out",
                dir.resolve("o").toString(), "--measured", dir.resolve("m/cyclictest.txt").toString()),
                "nothing to fit", "uncertain");
    }

    @Test
    void aBogusCyclictestOption_ofACondition_isBadInput() {
        Path scenario = Cli.write(dir, "small.yaml", CalibrateCommandTest.SMALL);
        Cli r = Cli.run("run", scenario.toString(), "--duration", "200ms", "--quiet", "--out", dir.resolve("m").toString());
        assertEquals(0, r.code(), r.err());
        Cli.assertBadInput(Cli.run("calibrate", "--scenario", scenario.toString(), "--out",
                dir.resolve("o").toString(), "--fit", MEDIAN + "=1us..2us",
                "--measured", dir.resolve("m/cyclictest.txt").toString(), "--cyclictest", "-m --bogus"), "--bogus");
    }
}
