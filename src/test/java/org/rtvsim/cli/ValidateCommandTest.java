package org.rtvsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    @TempDir
    Path dir;

    @Test
    void validate_goodScenario_printsOkAndASummary() {
        Path f = Cli.write(dir, "tiny.yaml", Cli.TINY);
        Cli r = Cli.run("validate", f.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        String[] lines = r.out().split("\n");
        assertEquals(2, lines.length, r.out());
        assertEquals("OK: tiny (" + f + ")", lines[0]);
        assertTrue(lines[1].startsWith("4 CPUs, "), lines[1]);
        assertTrue(lines[1].contains("preempt=rt"), lines[1]);
        assertTrue(lines[1].contains("cyclictest (1 thread, fifo 99, interval 1ms)"), lines[1]);
    }

    @Test
    void validate_set_isApplied() {
        Path f = Cli.write(dir, "tiny.yaml", Cli.TINY);
        Cli r = Cli.run("validate", f.toString(), "--set", "host.kernel.preempt=full", "--set", "hardware.cpus=8");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("8 CPUs, "), r.out());
        assertTrue(r.out().contains("preempt=full"), r.out());
    }

    @Test
    void validate_kvmScenario_describesEachGuest() {
        Cli r = Cli.run("validate", "scenarios/kvm-rt-partitioned.yaml", "--set", "vms[rt].cpu_pm=true");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("; 1 VM: rt (8 vCPUs on host CPUs 4-11, fifo 1, idle poll, cpu_pm; guest preempt=rt;"
                + " workloads: cyclictest (6 threads, fifo 95, interval 1ms), emulated_io);"), r.out());
        Cli over = Cli.run("validate", "scenarios/kvm-rt-partitioned.yaml", "--set", "vms[rt].pin=4-5");
        assertTrue(over.out().contains("rt (8 vCPUs on host CPUs 4-5, overcommitted, "), over.out());
    }
}
