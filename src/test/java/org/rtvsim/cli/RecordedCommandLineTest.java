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
 * A measurement.json says how it was measured: {@code compare --measured} and {@code calibrate} apply its cyclictest
 * command line to the scenario unless {@code --cyclictest} is given.
 */
class RecordedCommandLineTest {
    @TempDir
    Path dir;

    Path measurement(String options) throws IOException {
        Path scenario = Cli.write(dir, "small.yaml", CalibrateCommandTest.SMALL);
        Cli r = Cli.run("run", scenario.toString(), "--cyclictest", options, "--duration", "600ms", "--quiet", "--out",
                dir.resolve("run").toString());
        assertEquals(0, r.code(), r.err());
        Path m = Files.createDirectories(dir.resolve("m"));
        Files.copy(dir.resolve("run/cyclictest.txt"), m.resolve("histogram.txt"));
        String args = "\"" + String.join("\", \"", options.split(" ")) + "\"";
        Files.writeString(m.resolve("measurement.json"), """
                {"format": "rtvsim-measurement/v1",
                 "cyclictest": {"options": "%s", "user_args": [%s], "command": ["cyclictest", %s]},
                 "histogram": {"file": "histogram.txt"}}
                """.formatted(options, args, args));
        return m.resolve("measurement.json");
    }

    @Test
    void compareMeasured_runsTheRecordedCommandLine() throws IOException {
        Path m = measurement("-m -p 99 -i 300 -t 1 -a 1 -h 200");
        Cli r = Cli.run("compare", "--measured", m.toString(), dir.resolve("small.yaml").toString(), "--quiet",
                "--out", dir.resolve("cmp").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(dir.resolve("cmp/measured-compare.json").toFile());
        String text = j.toString();
        // 2000 samples at 300 us take 600 ms; at the scenario's own 100 us they would take 200 ms
        assertTrue(text.contains("600000000") || text.contains("\"600ms\"") || text.contains("600 ms"), text);
    }

    @Test
    void calibrate_namesTheConditionAfterItsDirectory_andRecordsItsCommandLine() throws IOException {
        Path m = measurement("-m -p 99 -i 300 -t 1 -a 1 -h 200");
        Cli r = Cli.run("calibrate", "--measured", m.toString(), "--scenario", dir.resolve("small.yaml").toString(),
                "--fit", "host.kernel.costs.context_switch.lognormal.median=0.5us..3us", "--budget", "30s", "--quiet",
                "--out", dir.resolve("fit").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode fit = new ObjectMapper().readTree(dir.resolve("fit/fit.json").toFile());
        assertEquals("m", fit.at("/conditions/0/name").asText());
        assertEquals("-m -p 99 -i 300 -t 1 -a 1 -h 200", fit.at("/conditions/0/cyclictest").asText());
        assertEquals(600_000_000L, fit.at("/conditions/0/durationNs").asLong());
    }
}
