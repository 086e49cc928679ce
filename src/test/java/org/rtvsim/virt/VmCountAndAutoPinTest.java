package org.rtvsim.virt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.report.charts.RunCharts;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/** {@code vms[].count} copies and {@code pin: auto} placement from the host's isolated CPUs, for capacity planning. */
class VmCountAndAutoPinTest {

    static ScenarioSpec spec(String... sets) {
        return ScenarioLoader.load(Path.of("scenarios", "kvm-capacity.yaml"), List.of(sets));
    }

    @Test
    void autoPin_takesCpusFromTheIsolatedPool_inOrder_acrossCopies() {
        ScenarioSpec s = spec("vms[rt].count=3");
        assertEquals(List.of("rt", "rt#1", "rt#2"), s.vms().stream().map(v -> v.name()).toList());
        assertArrayEquals(new int[] {4, 5, 6, 7}, s.vms().get(0).placement());
        assertArrayEquals(new int[] {12, 13, 14, 15}, s.vms().get(2).placement());
        assertTrue(s.vms().get(1).pinAuto());
        // copies have their own component paths (streams) and thread names
        assertEquals("vms[rt#1].workload.cyclictest[0]", s.vms().get(1).workload().get(0).path());
    }

    @Test
    void pastThePool_vCpusWrapAround_andTheRunSaysItIsOvercommitted() {
        ScenarioSpec s = spec("vms[rt].count=4");
        assertArrayEquals(new int[] {4, 5, 6, 7}, s.vms().get(3).placement());
        RunResult r = SingleRun.run(s.withDuration(200_000_000L), 0);
        assertEquals(4, r.notes().stream().filter(n -> n.startsWith("overcommitted: host CPU")).count());
        // idle=poll FIFO siblings: one of each pair never runs, its cyclictest is starved and flagged
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith(SingleRun.STARVED) && n.contains("rt#3/T")),
                "" + r.notes());
    }

    @Test
    void copiesOfAGuest_drawTheirRunCharts_withOneSeriesPerGuestThread(@TempDir Path dir) throws IOException {
        // the copies' threads share index and guest CPU (rt/T0 and rt#1/T0 on cpu 2): the legend names must differ
        RunResult r = SingleRun.run(spec("vms[rt].count=2").withDuration(50_000_000L), 0);
        RunCharts.write(r, dir);
        assertTrue(Files.readString(dir.resolve("ccdf.svg")).contains("rt#1/T0 (cpu 2)"));
    }

    @Test
    void countOne_isTheSameGuestAsNoCount() {
        RunResult a = SingleRun.run(spec().withDuration(100_000_000L), 0);
        RunResult b = SingleRun.run(spec("vms[rt].count=1").withDuration(100_000_000L), 0);
        assertEquals(a.threads().get(0).sumNs(), b.threads().get(0).sumNs());
        assertFalse(a.notes().stream().anyMatch(n -> n.startsWith("overcommitted")));
    }
}
