package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --cyclictest} and {@code --load} on the command line: both value forms, exit codes, notes, duration. */
class CommandImportCliTest {
    @TempDir
    Path dir;

    private Path tiny() {
        return Cli.write(dir, "tiny.yaml", Cli.TINY);
    }

    @Test
    void validate_optionsStartingWithDash_acceptedInBothForms() {
        String opts = "-m -p 80 -i 200 -t 2 -q -h 400";
        for (String[] args : new String[][] {
            {"validate", "scenarios/baremetal-rt-idle.yaml", "--cyclictest", opts},
            {"validate", "scenarios/baremetal-rt-idle.yaml", "--cyclictest=" + opts},
            {"validate", "scenarios/kvm-small.yaml", "--cyclictest", opts}}) {
            Cli r = Cli.run(args);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().contains("cyclictest (2 threads, fifo 80, interval 200us)"), r.out());
        }
    }

    @Test
    void bogusOption_isExitTwoNamingIt_withoutStackTrace() {
        for (String bad : new String[] {"--bogus", "-Z"}) {
            Cli r = Cli.run("run", tiny().toString(), "--cyclictest", bad);
            assertEquals(2, r.code());
            assertTrue(r.err().startsWith("rtvsim: error: <command line>: --cyclictest: unknown option '" + bad + "'"),
                    r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("at org."), r.err());
        }
        Cli load = Cli.run("run", tiny().toString(), "--load", "stress-ng --bogus 2");
        assertEquals(2, load.code());
        assertTrue(load.err().contains("--load: unknown option '--bogus'"), load.err());
    }

    @Test
    void run_usesTheImportedDuration_unlessDurationIsGiven() {
        Cli r = Cli.run("run", tiny().toString(), "--cyclictest", "-p 90 -i 1000 -l 20 -q -h 50");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("# Total: 000000020"), r.out());
        Cli d = Cli.run("run", tiny().toString(), "--cyclictest", "-p 90 -i 1000 -l 20 -h 50", "--duration", "30ms");
        assertEquals(0, d.code(), d.err());
        assertTrue(d.out().contains("# Total: 000000030"), d.out());
    }

    @Test
    void run_printsNotesOnStderr() {
        Cli r = Cli.run("run", tiny().toString(), "--duration", "20ms", "--cyclictest", "-p 90 -v",
                "--load", "hackbench -g 1 -f 2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("rtvsim: note: cyclictest: -v ignored"), r.err());
        assertTrue(r.err().contains("rtvsim: note: hackbench: 1 groups × 2 × 2 fds = 4 SCHED_OTHER tasks"), r.err());
    }

    @Test
    void hwlatAndTail_printTheNotesToo() {
        Cli h = Cli.run("hwlat", tiny().toString(), "--duration", "20ms", "--load", "hackbench -g 1 -f 2");
        assertEquals(0, h.code(), h.err());
        assertTrue(h.err().contains("rtvsim: note: hackbench: 1 groups × 2 × 2 fds = 4 SCHED_OTHER tasks"), h.err());
        Cli t = Cli.run("tail", tiny().toString(), "--duration", "20ms", "--cyclictest", "-p 90 -v");
        assertTrue(t.err().contains("rtvsim: note: cyclictest: -v ignored"), t.err());
    }

    @Test
    void compareSweepCapacity_applyTheImport() {
        String t = tiny().toString();
        Cli c = Cli.run("compare", t, "--variant", "host.kernel.preempt=full", "--replications", "2", "--duration",
                "20ms", "--cyclictest", "-p 99 -X");
        assertEquals(2, c.code(), "compare reads --cyclictest: " + c.err());
        Cli s = Cli.run("sweep", t, "--vary", "host.kernel.hz=250,1000", "--replications", "2", "--duration", "20ms",
                "--load", "stress-ng --cpu 0 --matrix 1");
        assertEquals(2, s.code(), "sweep reads --load: " + s.err());
        Cli k = Cli.run("capacity", t, "--vary", "host.kernel.hz=250,1000", "--slo", "p99<1ms", "--replications", "2",
                "--duration", "20ms", "--cyclictest", "--bogus");
        assertEquals(2, k.code(), "capacity reads --cyclictest: " + k.err());
        Cli ok = Cli.run("compare", t, "--variant", "host.kernel.preempt=full", "--replications", "2", "--duration",
                "20ms", "--cyclictest", "-p 99 -t 2", "--load", "stress-ng --cpu 1");
        assertEquals(0, ok.code(), ok.err());
        assertEquals(1, ok.err().lines().filter(l -> l.contains("stress-ng --cpu 1")).count(),
                "printed once: " + ok.err());
    }
}
