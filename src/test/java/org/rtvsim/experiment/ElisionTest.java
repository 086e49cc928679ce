package org.rtvsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.TraceRecorder;
import org.rtvsim.report.CyclictestText;
import org.rtvsim.report.SummaryJson;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * {@code measure.scope: latency} leaves out load (kernel_activity, device_irq, emulated_io) that cannot reach a
 * measured CPU ({@link Elision}): the measured results are byte-identical to the full run's, and every coupling
 * of the class comment keeps the load in.
 */
class ElisionTest {
    private static final String NOT_SIMULATED = "not simulated (measure.scope: latency)";

    /**
     * Bare metal, 4 CPUs: hackbench on CPUs 0-1, cyclictest on CPUs 2-3, a device on {@code nic} CPUs; the
     * {@code %s} are isolcpus, extra keys of the activity, the device's CPUs and the scope.
     */
    private static final String BARE = """
            name: bare
            seed: 5
            duration: 200ms
            warmup: 10ms
            hardware: {cpus: 4}
            host:
              kernel: {preempt: rt, isolcpus: "%s"}
              workload:
                - kernel_activity: {cpus: "0-1", profile: hackbench%s}
                - device_irq: {name: nic, cpus: "%s", rate: 3khz}
                - cyclictest: {threads: 2, cpus: "2-3", priority: 99, interval: 500us}
            measure: {scope: %s}
            """;

    private static ScenarioSpec bare(String isolcpus, String activityExtra, String scope) {
        return bare(isolcpus, activityExtra, "0-1", scope);
    }

    private static ScenarioSpec bare(String isolcpus, String activityExtra, String nicCpus, String scope) {
        return ScenarioLoader.loadString(BARE.formatted(isolcpus, activityExtra, nicCpus, scope), "bare.yaml",
                List.of());
    }

    private static ScenarioSpec partitioned(String scope, String... sets) {
        List<String> all = new java.util.ArrayList<>(List.of("duration=200ms", "measure.scope=" + scope));
        all.addAll(List.of(sets));
        return ScenarioLoader.load(Path.of("scenarios/kvm-rt-partitioned.yaml"), all);
    }

    /** The run's measured results: summary.json less notes, longest waits and stats, and cyclictest's block. */
    static String measured(RunResult r) {
        try {
            ObjectNode o = (ObjectNode) new ObjectMapper().readTree(SummaryJson.toString(r, false));
            o.remove(List.of("notes", "longest_waits", "stats"));
            StringBuilder sb = new StringBuilder(o.toString());
            CyclictestText.write(r, sb, true);
            return sb.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean elided(RunResult r) {
        return r.notes().stream().anyMatch(n -> n.startsWith(NOT_SIMULATED));
    }

    @Test
    void partitionedGuest_hostHackbenchLeftOut_measuredResultsIdentical() {
        RunResult all = SingleRun.run(partitioned("everything"), 0);
        RunResult latency = SingleRun.run(partitioned("latency"), 0);
        assertFalse(elided(all));
        assertTrue(elided(latency), latency.notes().toString());
        assertTrue(latency.notes().stream().anyMatch(n -> n.contains("hackbench on host CPUs 0-3")
                && n.contains("nvme interrupts on host CPUs 0-3") && n.contains("emulated I/O on vms[rt] CPUs 0-1")),
                latency.notes().toString());
        assertEquals(measured(all), measured(latency));
        assertTrue(latency.events() * 5 < all.events(), latency.events() + " vs " + all.events());
    }

    @Test
    void isolatedMeasuredCpus_leftOut_andIdentical() {
        RunResult all = SingleRun.run(bare("2-3", "", "everything"), 0);
        RunResult latency = SingleRun.run(bare("2-3", "", "latency"), 0);
        assertTrue(elided(latency));
        assertTrue(latency.notes().stream().anyMatch(n -> n.contains("nic interrupts on host CPUs 0-1")),
                latency.notes().toString());
        assertEquals(measured(all), measured(latency));
    }

    @Test
    void deviceOnLoadAndMeasuredCpus_keepsBoth() {
        // its handler lengths come from one stream, drawn in the order its CPUs handle the interrupts
        RunResult r = SingleRun.run(bare("2-3", "", "0-3", "latency"), 0);
        assertFalse(elided(r), r.notes().toString());
    }

    @Test
    void deviceOnlyOnUnmeasuredCpus_leftOutWithoutTheActivity() {
        // the activity on CPUs 1-2 shares measured CPU 2; the device's CPU 0 (isolated) reaches no measured CPU
        String yaml = """
                name: device-alone
                seed: 3
                duration: 200ms
                warmup: 10ms
                hardware: {cpus: 4}
                host:
                  kernel: {preempt: rt, isolcpus: "0,2-3"}
                  workload:
                    - kernel_activity: {cpus: "1-2", profile: hackbench}
                    - device_irq: {name: nic, cpus: "0", rate: 3khz}
                    - cyclictest: {threads: 2, cpus: "2-3", priority: 99, interval: 500us}
                measure: {scope: %s}
                """;
        RunResult all = SingleRun.run(ScenarioLoader.loadString(yaml.formatted("everything"), "d.yaml", List.of()), 0);
        RunResult latency = SingleRun.run(ScenarioLoader.loadString(yaml.formatted("latency"), "d.yaml", List.of()), 0);
        assertTrue(latency.notes().stream().anyMatch(n -> n.contains("nic interrupts on host CPUs 0")
                && !n.contains("hackbench")), latency.notes().toString());
        assertEquals(measured(all), measured(latency));
        assertTrue(latency.events() < all.events());
    }

    @Test
    void sameSchedDomain_keepsTheLoad() {
        // no isolcpus: CPUs 0-3 are one sched domain, whose balancing couples them
        assertFalse(elided(SingleRun.run(bare("", "", "latency"), 0)));
    }

    @Test
    void affinityMaskReachingAMeasuredCpu_keepsTheLoad() {
        assertFalse(elided(SingleRun.run(bare("2-3", ", affinity: \"0-2\"", "latency"), 0)));
    }

    @Test
    void bqlOfAMeasuredVcpu_keepsTheLoad() {
        // the guest's emulated I/O on a measured CPU takes the BQL, which the I/O thread on CPUs 0-3 holds
        RunResult r = SingleRun.run(partitioned("latency", "vms[rt].workload[1].emulated_io.cpus=0-2"), 0);
        assertFalse(elided(r), r.notes().toString());
    }

    @Test
    void vcpuThreadOnTheLoadsCpus_keepsTheLoad() {
        RunResult r = SingleRun.run(partitioned("latency", "host.workload[0].kernel_activity.cpus=0-3,8"), 0);
        assertFalse(elided(r));
    }

    @Test
    void globalCouplings_keepTheLoad() {
        // a cache hog shares the LLC with the measured CPUs; a system event reaches every CPU
        assertFalse(elided(SingleRun.run(partitioned("latency", "host.workload=[{kernel_activity: {cpus: \"0-3\", profile: hackbench}}, {cache_hog: {cpus: \"1\", bandwidth: 10GB/s, footprint: 64MiB}}]"), 0)));
        assertFalse(elided(SingleRun.run(partitioned("latency",
                "events=[{tlb_shootdown: {at: 50ms, cpus: \"0-3\"}}]"), 0)));
    }

    @Test
    void trace_simulatesEverythingUnlessItFollowsTheScope() {
        ScenarioSpec s = partitioned("latency");
        RunResult plain = SingleRun.run(s, 0, null, new TraceRecorder(50_000_000, 51_000_000));
        RunResult scoped = SingleRun.run(s, 0, null,
                new TraceRecorder(50_000_000, 51_000_000).followingMeasureScope());
        assertFalse(elided(plain));
        assertTrue(elided(scoped));
    }

    @Test
    void scope_badValue_namesTheKey() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.rtvsim.scenario.ScenarioException.class,
                () -> bare("2-3", "", "fast"));
        assertTrue(e.getMessage().contains("scope") && e.getMessage().contains("latency"), e.getMessage());
    }
}
