package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input ends with exit code 2 and one line {@code rtvsim: error: ...} on stderr
 * naming the file, the line where there is one, the key and what was expected — never a stack trace.
 */
class BadInputTest {
    @TempDir
    Path dir;

    private static void assertBadInput(Cli r, String... parts) {
        assertEquals(2, r.code(), () -> "exit code; stderr: " + r.err());
        assertTrue(r.err().startsWith("rtvsim: error: "), r.err());
        assertTrue(r.err().endsWith("\n"), r.err());
        assertEquals(1, r.err().lines().count(), () -> "one line expected: " + r.err());
        assertFalse(r.err().contains("at org."), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        for (String p : parts) {
            assertTrue(r.err().contains(p), () -> "'" + p + "' not in: " + r.err());
        }
        assertEquals("", r.out());
    }

    private Cli runYaml(String yaml, String... extra) {
        return Cli.runOn("run", Cli.write(dir, "bad.yaml", yaml), extra);
    }

    @Test
    void run_unknownKey_namesFileLineKeyAndSuggestion() {
        Cli r = runYaml("""
                name: x
                host:
                  kernel:
                    preemt: rt
                  workload: [{cyclictest: {}}]
                """);
        assertBadInput(r, "bad.yaml:4:5: host.kernel.preemt: unknown key 'preemt'; did you mean 'preempt'?");
    }

    @Test
    void run_wrongUnit_namesTheValidUnits() {
        Cli r = runYaml("""
                name: x
                host:
                  workload:
                    - cyclictest: {interval: 1mx}
                """);
        assertBadInput(r, "bad.yaml:4:", "host.workload[0].cyclictest.interval", "ns, us, ms, s, min or h", "1mx");
    }

    @Test
    void run_bareNumberDuration_asksForAUnit() {
        Cli r = runYaml("""
                name: x
                duration: 60
                host: {workload: [{cyclictest: {}}]}
                """);
        assertBadInput(r, "bad.yaml:2:11: duration: bare number 60", "with a unit");
    }

    @Test
    void run_cpuListOutOfRange_namesTheValidRange() {
        Cli r = runYaml("""
                name: x
                host:
                  workload:
                    - kernel_activity: {cpus: "0-9"}
                    - cyclictest: {}
                """);
        assertBadInput(r, "bad.yaml:4:", "host.workload[0].kernel_activity.cpus", "expected CPUs in 0-3", "0-9");
    }

    @Test
    void run_negativeDistributionParameter_mustBePositive() {
        Cli r = runYaml("""
                name: x
                host:
                  kernel:
                    costs:
                      tick: {lognormal: {median: -3us, sigma: 0.5}}
                  workload: [{cyclictest: {}}]
                """);
        assertBadInput(r, "bad.yaml:5:", "host.kernel.costs.tick.lognormal.median", "positive", "-3us");
    }

    @Test
    void run_yamlSyntaxError_givesLineAndColumn() {
        Cli r = runYaml("name: x\n b: [\nc: 2\n");
        assertBadInput(r, "bad.yaml:2:3: ", "YAML syntax error");
    }

    @Test
    void run_missingFile_namesThePath() {
        Cli r = Cli.run("run", dir.resolve("no-such.yaml").toString());
        assertBadInput(r, "no-such.yaml", "file not found");
    }

    @Test
    void validate_missingFile_namesThePath() {
        Cli r = Cli.run("validate", dir.resolve("no-such.yaml").toString());
        assertBadInput(r, "no-such.yaml", "file not found");
    }

    @Test
    void run_unknownSetPath_listsTheNearestKeys() {
        Cli r = runYaml(Cli.TINY, "--set", "host.kernel.preemt=full");
        assertBadInput(r, "<command line>: --set host.kernel.preemt: unknown key 'preemt'", "preempt");
    }

    @Test
    void run_setWithoutEquals_asksForKeyValue() {
        Cli r = runYaml(Cli.TINY, "--set", "host.kernel.preempt");
        assertBadInput(r, "--set", "expected KEY=VALUE", "'host.kernel.preempt'", "rtvsim run --help");
    }

    @Test
    void validate_setWithoutEquals_asksForKeyValue() {
        Path f = Cli.write(dir, "tiny.yaml", Cli.TINY);
        Cli r = Cli.run("validate", f.toString(), "--set", "seed");
        assertBadInput(r, "--set", "expected KEY=VALUE", "'seed'");
    }

    @Test
    void run_badSetValue_namesTheKey() {
        Cli r = runYaml(Cli.TINY, "--set", "host.kernel.preempt=fulll");
        assertBadInput(r, "<command line>", "host.kernel.preempt", "'fulll'", "did you mean 'full'");
    }

    @Test
    void run_badDuration_namesTheFlagAndTheUnits() {
        Cli r = runYaml(Cli.TINY, "--duration", "2x");
        assertBadInput(r, "--duration", "ns, us, ms, s, min or h", "2x");
    }

    @Test
    void run_bareNumberDurationFlag_asksForAUnit() {
        Cli r = runYaml(Cli.TINY, "--duration", "60");
        assertBadInput(r, "--duration", "bare number 60", "with a unit");
    }

    @Test
    void run_zeroDuration_mustBePositive() {
        Cli r = runYaml(Cli.TINY, "--duration", "0s");
        assertBadInput(r, "--duration", "positive");
    }

    @Test
    void run_seedNotANumber_namesTheFlag() {
        Cli r = runYaml(Cli.TINY, "--seed", "abc");
        assertBadInput(r, "--seed", "'abc'");
    }

    @Test
    void run_unknownOption_pointsToHelp() {
        Cli r = runYaml(Cli.TINY, "--bogus");
        assertBadInput(r, "Unknown option", "'--bogus'", "rtvsim run --help");
    }

    @Test
    void unknownTopLevelOption_pointsToHelp() {
        assertBadInput(Cli.run("--bogus"), "Unknown option", "'--bogus'", "rtvsim --help");
    }

    @Test
    void run_missingFileArgument_namesFile() {
        assertBadInput(Cli.run("run"), "Missing required parameter", "FILE", "rtvsim run --help");
    }

    @Test
    void noCommand_namesTheCommands() {
        assertBadInput(Cli.run(), "run, compare, sweep, capacity, merge, trace, timerlat, osnoise, hwlat, tail, calibrate, validate, measure or init");
    }

    @Test
    void run_outIsAnExistingFile_refusesAndKeepsTheFile() throws Exception {
        Path scenario = Cli.write(dir, "tiny.yaml", Cli.TINY);
        Path file = Files.writeString(dir.resolve("results"), "the user's data\n");
        Cli r = Cli.run("run", scenario.toString(), "--out", file.toString());
        assertBadInput(r, "--out", "results", "not a directory");
        assertEquals("the user's data\n", Files.readString(file));
    }

    @Test
    void validate_unmodelledFeature_isBadInputWithTheKey() {
        Path f = Cli.write(dir, "ev.yaml", """
                name: x
                host: {workload: [{cyclictest: {}}]}
                events:
                  - page_faults: {rate: 10hz}
                """);
        Cli r = Cli.run("validate", f.toString());
        assertBadInput(r, "ev.yaml", "events", "does not simulate");
    }
}
