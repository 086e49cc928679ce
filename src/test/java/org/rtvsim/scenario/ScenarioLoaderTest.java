package org.rtvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.DistSpec;

class ScenarioLoaderTest {

    private static final String MINIMAL = """
            name: minimal
            host:
              workload:
                - cyclictest: {}
            """;

    @Test
    void load_fullContractExample_bindsEveryKey() {
        ScenarioSpec s = ScenarioLoader.load(TestScenarios.path("full-example.yaml"), List.of());
        assertEquals("rt-kvm-partitioned", s.name());
        assertEquals(42, s.seed());
        assertEquals(60_000_000_000L, s.durationNs());
        assertEquals(16, s.hardware().cpus());
        assertEquals(2_400_000_000L, s.hardware().freqHz());
        assertEquals(60, s.hardware().dramLatencyNs());
        assertEquals("0-5", s.hardware().cat().classes().get("rt").ways());
        assertInstanceOf(DistSpec.Exponential.class, s.hardware().smi().intervalNs());
        assertEquals(90_000, s.hardware().cstates().exitLatencyNs().get("C6"));
        assertEquals(270_000, s.hardware().cstates().targetResidencyNs().get("C6"), "3 x exit latency");
        assertEquals("C1", s.hardware().cstates().maxCstate());
        KernelSpec k = s.host().kernel();
        assertEquals(PreemptModel.RT, k.preempt());
        assertEquals(1000, k.hz(), "the file overrides the base's 250");
        assertEquals(CpuSet.parse("4-15"), k.isolcpus());
        assertEquals(950_000_000L, k.rtThrottling().runtimeNs());
        assertTrue(k.rtKvm().stopTickForFifo());
        assertEquals("1us", k.rtKvm().timerAdvance());
        assertEquals(new DistSpec.Fixed(3_000), k.costs().tick(), "deep-merged from the base");
        assertEquals(2, s.host().workload().size());
        var irq = (WorkloadSpec.DeviceIrqSpec) s.host().workload().get(1);
        assertEquals("host.workload.device_irq[0]", irq.path());
        assertEquals("nvme", irq.name());
        assertEquals(2000.0, irq.rateHz());
        VmSpec vm = s.vms().get(0);
        assertEquals("rt", vm.name());
        assertEquals("poll", vm.idle());
        assertEquals(0, vm.haltPollNs());
        assertEquals(false, vm.qemu().bqlPi());
        assertEquals(org.rtvsim.scenario.SchedPolicy.OTHER, vm.qemu().ioPolicy());
        var ct = (WorkloadSpec.CyclictestSpec) vm.workload().get(0);
        assertEquals("vms[rt].workload.cyclictest[0]", ct.path());
        assertEquals(6, ct.threads());
        assertEquals(95, ct.priority());
        assertEquals(2, s.events().size());
        assertEquals("cpu_hotplug", s.events().get(0).kind());
        assertEquals("20s", s.events().get(0).fields().get("at"));
        assertEquals(List.of(50.0, 99.0, 99.9, 99.99, 99.999), s.measure().percentiles());
        assertEquals(5_000_000, s.measure().trace().windowNs());
        assertEquals(50_000, s.slo().belowNs());
        assertTrue(s.source().endsWith("full-example.yaml"));
    }

    @Test
    void loadString_minimal_appliesDefaults() {
        ScenarioSpec s = ScenarioLoader.loadString(MINIMAL, "minimal.yaml", List.of());
        assertEquals(Defaults.SEED, s.seed());
        assertEquals(10_000_000_000L, s.durationNs());
        assertEquals(100_000_000L, s.warmupNs());
        assertEquals("", s.description());
        assertEquals(4, s.hardware().cpus());
        assertEquals(30L << 20, s.hardware().llc().sizeBytes());
        assertEquals(85, s.hardware().dramLatencyNs());
        assertEquals(133_000, s.hardware().cstates().exitLatencyNs().get("C6"));
        assertEquals(600_000, s.hardware().cstates().targetResidencyNs().get("C6"));
        assertNull(s.hardware().cat());
        assertNull(s.hardware().smi());
        assertNull(s.hardware().clockReadNs());
        KernelSpec k = s.host().kernel();
        assertEquals(PreemptModel.VOLUNTARY, k.preempt());
        assertEquals(new DistSpec.Lognormal(2_200, 0.35, 12_000), k.costs().tick());
        assertEquals(250_000, k.condReschedGapNs());
        assertEquals("adaptive", k.rtKvm().timerAdvance());
        assertTrue(k.irqaffinity().isEmpty());
        var ct = (WorkloadSpec.CyclictestSpec) s.host().workload().get(0);
        assertEquals(1, ct.threads());
        assertEquals(SchedPolicy.OTHER, ct.policy());
        assertEquals(1_000_000, ct.intervalNs());
        assertEquals(0L, ct.latencyTargetNs());
        assertEquals(1_000, s.measure().bucketNs());
        assertEquals(Defaults.PERCENTILES, s.measure().percentiles());
        assertNull(s.measure().trace());
        assertNull(s.slo());
        assertTrue(s.vms().isEmpty());
    }

    @Test
    void cyclictest_cpusWithoutThreads_runsOneThreadPerCpu() {
        ScenarioSpec s = ScenarioLoader.loadString("""
                name: x
                host:
                  workload:
                    - cyclictest: {cpus: "1-3", priority: 95, latency_target: off}
                """, "x.yaml", List.of());
        var ct = (WorkloadSpec.CyclictestSpec) s.host().workload().get(0);
        assertEquals(3, ct.threads());
        assertEquals(SchedPolicy.FIFO, ct.policy());
        assertNull(ct.latencyTargetNs());
    }

    @Test
    void distributions_everyKind_bindInNanoseconds() {
        ScenarioSpec s = ScenarioLoader.loadString("""
                name: d
                hardware:
                  clock_read: 25ns
                host:
                  kernel:
                    rt_throttling: off
                    costs:
                      irq_entry: {uniform: [1us, 4us]}
                      tick: {pareto: {scale: 20us, shape: 1.5, cap: 5ms}}
                      ipi: {mixture: {common: {fixed: 1us}, rare: {exponential: {mean: 50us}}, p: 0.001}}
                  workload:
                    - periodic:
                        tasks:
                          - {name: t1, period: 10ms, wcet: {lognormal: {median: 3us, sigma: 0.6}}, priority: 10}
                    - kernel_activity:
                        think: {exponential: {mean: 10us}}
                        segments:
                          - {kind: spinlock, length: 5us}
                          - {kind: irqoff, length: {fixed: 2us}, probability: 0.1}
                """, "d.yaml", List.of());
        assertEquals(new DistSpec.Fixed(25), s.hardware().clockReadNs());
        assertNull(s.host().kernel().rtThrottling());
        assertEquals(new DistSpec.Uniform(1_000, 4_000), s.host().kernel().costs().irqEntry());
        assertEquals(new DistSpec.Pareto(20_000, 1.5, 5_000_000), s.host().kernel().costs().tick());
        assertEquals(new DistSpec.Mixture(new DistSpec.Fixed(1_000), new DistSpec.Exponential(50_000), 0.001),
                s.host().kernel().costs().ipi());
        var task = ((WorkloadSpec.PeriodicSpec) s.host().workload().get(0)).tasks().get(0);
        assertEquals(10_000_000, task.deadlineNs(), "deadline defaults to the period");
        assertEquals(new DistSpec.Lognormal(3_000, 0.6, 0), task.wcet());
        var ka = (WorkloadSpec.KernelActivitySpec) s.host().workload().get(1);
        assertNull(ka.profile());
        assertEquals(SegmentKind.IRQOFF, ka.segments().get(1).kind());
        assertTrue(Double.isNaN(ka.sleepProbability()));
    }

    @Test
    void empirical_csvRelativeToScenario_valuesInNs() {
        ScenarioSpec s = ScenarioLoader.load(TestScenarios.path("empirical.yaml"), List.of());
        var e = (DistSpec.Empirical) s.host().kernel().costs().tick();
        assertEquals(List.of(1_000.0, 2_000.0, 5_000.0), e.values());
        assertEquals(List.of(100.0, 50.0, 1.0), e.weights());
    }

    @Test
    void kernelActivity_noProfileNorSegments_usesHackbench() {
        ScenarioSpec s = ScenarioLoader.loadString(MINIMAL + "    - kernel_activity: {}\n", "m.yaml", List.of());
        var ka = (WorkloadSpec.KernelActivitySpec) s.host().workload().get(1);
        assertEquals("hackbench", ka.profile());
        assertEquals(2, ka.tasks());
        assertNull(ka.cpus());
    }
}
