package org.rtvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.engine.CpuSet;

/** {@code --cyclictest}: cyclictest 2.x's options and defaults, on bare-metal and guest scenarios. */
class CyclictestImportTest {
    private static final Path IDLE = Path.of("scenarios", "baremetal-rt-idle.yaml");
    private static final Path KVM = Path.of("scenarios", "kvm-small.yaml");

    private static ScenarioLoader.Loaded load(Path file, String opts) {
        return ScenarioLoader.loadImported(file, List.of(), new CommandImport(opts, null));
    }

    private static WorkloadSpec.CyclictestSpec ct(List<WorkloadSpec> ws) {
        return ws.stream().filter(w -> w instanceof WorkloadSpec.CyclictestSpec)
                .map(w -> (WorkloadSpec.CyclictestSpec) w).findFirst().orElseThrow();
    }

    @Test
    void typicalCommandLine_onBareMetal_givesThreadsIntervalFifoNoDistanceAndHistogram() {
        ScenarioLoader.Loaded l = load(IDLE, "-m -p 80 -i 200 -t 2 -q -h 400");
        var c = ct(l.spec().host().workload());
        assertEquals(2, c.threads());
        assertEquals(CpuSet.parse("0-1"), c.cpus());
        assertEquals(200_000, c.intervalNs());
        assertEquals(SchedPolicy.FIFO, c.policy());
        assertEquals(80, c.priority());
        assertEquals(0, c.distanceNs(), "-h forces the distance to 0");
        assertTrue(c.mlock());
        assertEquals(0L, c.latencyTargetNs());
        assertEquals(400, l.spec().measure().buckets());
        assertEquals(1_000, l.spec().measure().bucketNs());
        assertEquals("host.workload.cyclictest[0]", c.path(), "replaced in place");
        assertNull(l.imported().durationNs());
        assertEquals(List.of(), l.imported().notes());
    }

    @Test
    void typicalCommandLine_inGuest_replacesTheGuestsCyclictest() {
        ScenarioSpec s = load(KVM, "-m -p 80 -i 200 -t 2 -q -h 400").spec();
        assertTrue(s.host().workload().stream().noneMatch(w -> w instanceof WorkloadSpec.CyclictestSpec));
        var c = ct(s.vms().get(0).workload());
        assertEquals("vms[rt].workload.cyclictest[0]", c.path());
        assertEquals(2, c.threads());
        assertEquals(200_000, c.intervalNs());
        assertEquals(80, c.priority());
        assertEquals(SchedPolicy.FIFO, c.policy());
        assertEquals(0, c.distanceNs());
        assertEquals(400, s.measure().buckets());
    }

    @Test
    void noPriority_isSchedOther_andDistanceDefaultsTo500us() {
        var c = ct(load(IDLE, "-t 3").spec().host().workload());
        assertEquals(SchedPolicy.OTHER, c.policy());
        assertEquals(0, c.priority());
        assertEquals(500_000, c.distanceNs(), "cyclictest's DEFAULT_DISTANCE without -h");
        assertEquals(1_000_000, c.intervalNs());
        assertTrue(!c.mlock());
    }

    @Test
    void priorityZero_followsCyclictest2_order() {
        // rt-tests 2.x: -p sets SCHED_FIFO, and a real-time policy with priority 0 defaults to threads + 1
        var p0 = ct(load(IDLE, "-p 0 -t 2").spec().host().workload());
        assertEquals(SchedPolicy.FIFO, p0.policy());
        assertEquals(3, p0.priority());
        var other = ct(load(IDLE, "-p 0 --policy other").spec().host().workload());
        assertEquals(SchedPolicy.OTHER, other.policy());
        assertEquals(0, other.priority());
        var rr = ct(load(IDLE, "--policy=rr -p 50").spec().host().workload());
        assertEquals(SchedPolicy.RR, rr.policy());
        var batch = load(IDLE, "--policy batch");
        assertEquals(SchedPolicy.OTHER, ct(batch.spec().host().workload()).policy());
        assertTrue(batch.imported().notes().get(0).contains("SCHED_OTHER"));
    }

    @Test
    void smp_givesOneThreadPerCpuPinned() {
        var c = ct(load(IDLE, "-S -p 99").spec().host().workload());
        assertEquals(4, c.threads());
        assertEquals(CpuSet.parse("0-3"), c.cpus());
        var g = ct(load(KVM, "-S -p 99 -m").spec().vms().get(0).workload());
        assertEquals(2, g.threads(), "the guest's vCPUs");
        var a = ct(load(IDLE, "-a 2-3 -t -p 90").spec().host().workload());
        assertEquals(2, a.threads());
        assertEquals(CpuSet.parse("2-3"), a.cpus());
    }

    @Test
    void durationAndLoops_giveTheImportedDuration() {
        assertEquals(60_000_000_000L, load(IDLE, "-D 1m").imported().durationNs());
        assertEquals(90_000_000_000L, load(IDLE, "--duration=90").imported().durationNs());
        assertEquals(200_000_000L, load(IDLE, "-l 1000 -i 200").imported().durationNs());
        assertEquals(200_000_000L, load(IDLE, "-l1000 -i200 -D 1h").imported().durationNs(), "the shorter wins");
    }

    @Test
    void clusteredAndAttachedOptions_areRead() {
        var c = ct(load(IDLE, "cyclictest -mq -t2 -p99 --interval=250 --laptop").spec().host().workload());
        assertEquals(2, c.threads());
        assertEquals(99, c.priority());
        assertEquals(250_000, c.intervalNs());
        assertTrue(c.mlock());
        assertNull(c.latencyTargetNs(), "--laptop: cpu_dma_latency not written");
        assertEquals(7_000L, ct(load(IDLE, "--latency 7").spec().host().workload()).latencyTargetNs());
    }

    @Test
    void outputOptions_areAcceptedWithANote() {
        ScenarioLoader.Loaded l = load(IDLE, "-v --json=out.json --histfile h.txt -p 90");
        assertEquals(3, l.imported().notes().size());
        assertTrue(l.imported().notes().get(0).contains("-v ignored"));
    }

    @Test
    void unknownOrUnsupportedOption_isAnErrorNamingIt() {
        for (String bad : List.of("--bogus", "-Z", "-x", "--priospread -p 90")) {
            ScenarioException e = assertThrows(ScenarioException.class, () -> load(IDLE, bad));
            assertEquals(ScenarioException.COMMAND_LINE, e.file());
            assertEquals("--cyclictest", e.key());
            String opt = bad.split(" ")[0];
            assertTrue(e.detail().contains("'" + opt + "'"), e.getMessage());
            assertTrue(e.detail().contains("supported: -a/--affinity"), e.getMessage());
        }
    }

    @Test
    void badValues_areErrorsSayingWhatWasExpected() {
        assertTrue(assertThrows(ScenarioException.class, () -> load(IDLE, "-p 120")).detail().contains("0..99"));
        assertTrue(assertThrows(ScenarioException.class, () -> load(IDLE, "-i fast")).detail().contains("-i"));
        assertTrue(assertThrows(ScenarioException.class, () -> load(IDLE, "-D 1x")).detail().contains("'1x'"));
        assertTrue(assertThrows(ScenarioException.class, () -> load(IDLE, "-t 8")).detail().contains("-t <= 4"));
        assertTrue(assertThrows(ScenarioException.class, () -> load(IDLE, "-a 7")).detail().contains("0-3"));
        assertTrue(assertThrows(ScenarioException.class, () -> load(IDLE, "-p")).detail().contains("needs a value"));
    }

    @Test
    void scenarioWithoutCyclictest_getsOneInTheHostWorkload() {
        String yaml = """
                name: periodic-only
                host:
                  workload:
                    - periodic: {tasks: [{name: a, period: 1ms, wcet: 100us, priority: 10}]}
                """;
        ScenarioSpec s = ScenarioLoader.loadString(yaml, "p.yaml", List.of(), new CommandImport("-p 90", null));
        assertEquals(2, s.host().workload().size());
        assertEquals("host.workload.periodic[0]", s.host().workload().get(0).path());
        assertEquals(90, ct(s.host().workload()).priority());
    }

    @Test
    void severalCyclictests_areAnError() {
        String yaml = """
                name: two
                host:
                  workload:
                    - cyclictest: {}
                    - cyclictest: {cpus: "1"}
                """;
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.loadString(yaml, "t.yaml",
                List.of(), new CommandImport("-p 90", null)));
        assertTrue(e.detail().contains("host.workload[0], host.workload[1]"), e.getMessage());
    }

    @Test
    void setOverrides_applyAfterTheImport_andFaultProbabilitiesAreKept() {
        String yaml = """
                name: faults
                host:
                  workload:
                    - cyclictest: {minor_fault_probability: 0.5}
                """;
        ScenarioSpec s = ScenarioLoader.loadString(yaml, "f.yaml", List.of("host.workload[0].cyclictest.priority=70"),
                new CommandImport("-p 90", null));
        var c = ct(s.host().workload());
        assertEquals(70, c.priority());
        assertEquals(0.5, c.minorFaultProbability());
    }
}
