package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.measure.Verdict;

/**
 * SLO and capacity verdicts through the CLI entry point: exit codes 0 meets, 1 misses, 4 inconclusive; the
 * --plan advisor; zero samples as bad input in every command that runs a scenario.
 */
class VerdictCommandsTest {
    @TempDir
    Path dir;

    private String tiny() {
        return Cli.write(dir, "tiny.yaml", Cli.TINY).toString();
    }

    @Test
    void run_slo_meetsMissesOrInconclusive() {
        assertEquals(Errors.OK, Cli.run("run", tiny(), "--slo", "p50<1s").code());
        Cli missed = Cli.run("run", tiny(), "--slo", "p50<1ns");
        assertEquals(Errors.SLO_MISSED, missed.code(), missed.err());
        assertTrue(missed.err().startsWith("rtvsim: SLO missed: p50 = "), missed.err());
        // 50 samples give p99.9 no upper bound: whatever the limit above the value, the data do not decide it
        Cli across = Cli.run("run", tiny(), "--slo", "p99.9<1s");
        assertEquals(Errors.INCONCLUSIVE, across.code(), across.err());
        assertTrue(across.err().startsWith("rtvsim: SLO inconclusive: p99.9 = "), across.err());
        assertTrue(across.err().contains("run longer or more replications (estimated at least "), across.err());
        assertTrue(across.out().contains("SLO p99.9 < 1000000.00 us: INCONCLUSIVE (p99.9 = "), across.out());
    }

    @Test
    void run_replicatedSlo_judgedOnTheIntervalOverReplications() {
        Cli r = Cli.run("run", tiny(), "--replications", "3", "--slo", "p50<1ns");
        assertEquals(Errors.SLO_MISSED, r.code(), r.err());
        assertTrue(r.out().contains("over all replications pooled: MISSED"), r.out());
        assertTrue(r.out().contains(" over replications)"), r.out());
    }

    @Test
    void run_sloOnMinAvgOrMax_isBadInput() {
        Cli r = Cli.run("run", tiny(), "--slo", "max<5us");
        assertEquals(Errors.BAD_INPUT, r.code());
        assertTrue(r.err().contains("run judges a percentile"), r.err());
    }

    @Test
    void run_plan_givesTheBinomialCountAndTimeWithoutRunning() {
        Cli r = Cli.run("run", tiny(), "--slo", "p99.99<50us", "--plan");
        assertEquals(Errors.OK, r.code(), r.err());
        long n = Verdict.samplesForUpperBound(99.99, 0.95);
        assertTrue(r.out().contains(Verdict.count(n) + " samples: the 95 % order-statistic interval of p99.99"),
                r.out());
        assertTrue(r.out().contains("100,000 samples: ten samples above p99.99"), r.out());
        // one cyclictest thread at the default 1 ms interval: 1,000 samples per second, 100 s for 100,000
        assertTrue(r.out().contains("1,000 samples per simulated second (1 measuring thread"), r.out());
        assertTrue(r.out().contains("100s simulated"), r.out());
        assertTrue(r.out().contains("not enough; give --duration 100s"), r.out());
        assertFalse(r.out().contains("# Histogram"), r.out());
        Cli confident = Cli.run("run", tiny(), "--slo", "p99.99<50us", "--plan", "--confidence", "0.99");
        assertTrue(confident.out().contains(Verdict.count(Verdict.samplesForUpperBound(99.99, 0.99)) + " samples"),
                confident.out());
        Cli none = Cli.run("run", tiny(), "--plan");
        assertEquals(Errors.BAD_INPUT, none.code());
        assertTrue(none.err().contains("--plan needs an objective"), none.err());
    }

    @Test
    void zeroSamples_isBadInputEverywhere() {
        String f = tiny();
        for (Cli r : new Cli[] {
            Cli.run("run", f, "--duration", "1us"),
            Cli.run("run", f, "--duration", "1us", "--replications", "2"),
            Cli.run("compare", f, "--variant", "host.kernel.hz=100", "--duration", "1us", "--replications", "2"),
            Cli.run("sweep", f, "--vary", "host.kernel.hz=100,250", "--duration", "1us", "--replications", "2"),
            Cli.run("capacity", f, "--vary", "host.kernel.hz=100..300:100", "--slo", "p99<1ms", "--duration", "1us",
                    "--replications", "2")}) {
            assertEquals(Errors.BAD_INPUT, r.code(), r.err());
            assertTrue(r.err().contains("no latency samples: the measured duration 1us is shorter than the measuring "
                    + "interval 1ms"), r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void capacity_inconclusiveSmallestValue_exitsFour() {
        Cli r = Cli.run("capacity", tiny(), "--vary", "host.kernel.hz=100..300:100", "--slo", "p99.9<1s",
                "--replications", "1");
        assertEquals(Errors.INCONCLUSIVE, r.code(), r.err());
        assertTrue(r.out().contains("inconclusive: run longer or more replications (estimated at least "), r.out());
        assertTrue(r.out().contains("Inconclusive: no value is known to meet p99.9 < 1s"), r.out());
    }

    @Test
    void capacity_help_namesVmCountsAndExitCodes() {
        Cli r = Cli.run("capacity", "--help");
        assertFalse(r.out().contains("not simulated yet"), r.out());
        assertTrue(r.out().contains("vms[rt].count"), r.out());
        assertTrue(r.out().contains("4 no conclusive answer"), r.out());
    }

    @Test
    void compare_printsEachEntrysSloVerdict() {
        Path f = Cli.write(dir, "slo.yaml", Cli.TINY + "slo: {percentile: 50, below: 1s}\n");
        Cli r = Cli.run("compare", f.toString(), "--variant", "hz:host.kernel.hz=100", "--replications", "2");
        assertEquals(Errors.OK, r.code(), r.err());
        assertTrue(r.out().contains("\nSLO p50 < 1s, tiny: meets\nSLO p50 < 1s, hz: meets\n"), r.out());
    }
}
