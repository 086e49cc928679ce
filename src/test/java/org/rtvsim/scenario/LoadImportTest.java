package org.rtvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.engine.DistSpec;

/** {@code --load}: hackbench and stress-ng as workload entries of the kernel cyclictest runs in. */
class LoadImportTest {
    private static final Path HACKBENCH = Path.of("scenarios", "baremetal-rt-hackbench.yaml");
    private static final Path IDLE = Path.of("scenarios", "baremetal-rt-idle.yaml");
    private static final Path KVM = Path.of("scenarios", "kvm-small.yaml");

    private static ScenarioLoader.Loaded load(Path file, String cmd) {
        return ScenarioLoader.loadImported(file, List.of(), new CommandImport(null, cmd));
    }

    private static List<WorkloadSpec.KernelActivitySpec> activities(List<WorkloadSpec> ws) {
        return ws.stream().filter(w -> w instanceof WorkloadSpec.KernelActivitySpec)
                .map(w -> (WorkloadSpec.KernelActivitySpec) w).toList();
    }

    @Test
    void hackbenchDefaults_are400TasksOfTheHackbenchProfileOverAllCpus() {
        ScenarioLoader.Loaded l = load(IDLE, "hackbench");
        var a = activities(l.spec().host().workload());
        assertEquals(1, a.size());
        assertEquals("hackbench", a.get(0).profile());
        assertEquals(100, a.get(0).tasks(), "10 groups x 2 x 20 fds over 4 CPUs");
        assertEquals(CpuSet.parse("0-3"), a.get(0).cpus());
        assertTrue(l.imported().notes().stream().anyMatch(n -> n.contains("ends after about a second")));
    }

    @Test
    void loopedHackbench_withTaskset_spreadsTheRemainderOverTheFirstCpus() {
        ScenarioLoader.Loaded l = load(IDLE, "while true; do taskset -c 1-3 hackbench -g 1 -f 4 -l 1000; done");
        var a = activities(l.spec().host().workload());
        assertEquals(2, a.size(), "8 tasks over 3 CPUs: 3, 3 and 2");
        assertEquals(CpuSet.parse("1-2"), a.get(0).cpus());
        assertEquals(3, a.get(0).tasks());
        assertEquals(CpuSet.parse("3"), a.get(1).cpus());
        assertEquals(2, a.get(1).tasks());
        assertTrue(l.imported().notes().stream().noneMatch(n -> n.contains("ends after about a second")));
    }

    @Test
    void addingALoad_keepsTheStreamPathsOfExistingWorkloads() {
        List<String> before = load(HACKBENCH, null).spec().host().workload().stream().map(WorkloadSpec::path).toList();
        List<WorkloadSpec> after = load(HACKBENCH, "stress-ng --cpu 2 --vm 1 --io 1").spec().host().workload();
        assertEquals(before, after.subList(0, before.size()).stream().map(WorkloadSpec::path).toList());
        assertEquals("host.workload.kernel_activity[1]", after.get(before.size()).path());
        assertEquals("host.workload.cache_hog[0]", after.get(before.size() + 1).path());
    }

    @Test
    void stressNg_mapsEachStressor() {
        List<WorkloadSpec> ws = load(IDLE, "stress-ng --cpu 0 --vm 2 --vm-bytes 1g --io 1 --hdd 1 --sock 1 "
                + "--timer 1 --timer-freq 10000 --timeout 60s --metrics-brief").spec().host().workload();
        var a = activities(ws);
        assertEquals(5, a.size());
        var cpu = a.get(0);
        assertEquals(4, cpu.cpus().size(), "N = 0: one worker per CPU");
        assertEquals(SegmentKind.USER, cpu.segments().get(0).kind());
        assertEquals("io", a.get(1).profile());
        assertEquals("io", a.get(2).profile());
        assertEquals("hackbench", a.get(3).profile());
        assertEquals(CpuSet.parse("0-1"), a.get(3).cpus(), "--sock 1: a client and a server");
        var timer = a.get(4);
        assertEquals(new DistSpec.Fixed(100_000), timer.sleep(), "10 kHz");
        assertEquals(1.0, timer.sleepProbability());
        var hog = ws.stream().filter(w -> w instanceof WorkloadSpec.CacheHogSpec)
                .map(w -> (WorkloadSpec.CacheHogSpec) w).findFirst().orElseThrow();
        assertEquals(20e9, hog.bandwidthBytesPerS(), "10 GB/s per worker");
        assertEquals(2L << 30, hog.footprintBytes());
        assertEquals(CpuSet.parse("0-1"), hog.cpus());
    }

    @Test
    void loadInAGuest_goesToTheGuestsHousekeepingCpus() {
        ScenarioSpec s = load(KVM, "stress-ng --cpu 0").spec();
        var a = activities(s.vms().get(0).workload());
        assertEquals(1, a.size());
        assertEquals(CpuSet.parse("0"), a.get(0).cpus(), "guest isolcpus 1");
        assertEquals(2, a.get(0).tasks(), "N = 0: one per vCPU, both on the housekeeping vCPU");
        assertEquals(1, activities(s.host().workload()).size(), "the host's own hackbench only");
    }

    @Test
    void unknownProgramOrOption_isAnErrorNamingIt() {
        ScenarioException p = assertThrows(ScenarioException.class, () -> load(IDLE, "perf bench sched messaging"));
        assertEquals("--load", p.key());
        assertTrue(p.detail().contains("'perf'") && p.detail().contains("hackbench, stress-ng"), p.getMessage());
        ScenarioException o = assertThrows(ScenarioException.class, () -> load(IDLE, "stress-ng --matrix 2"));
        assertTrue(o.detail().contains("'--matrix'") && o.detail().contains("--cpu"), o.getMessage());
        ScenarioException h = assertThrows(ScenarioException.class, () -> load(IDLE, "hackbench -Q"));
        assertTrue(h.detail().contains("'-Q'"), h.getMessage());
        ScenarioException v = assertThrows(ScenarioException.class,
                () -> load(IDLE, "stress-ng --vm 1 --vm-bytes 50%"));
        assertTrue(v.detail().contains("50%"), v.getMessage());
    }

    @Test
    void importedScenariosBuildTheirModel() {
        for (String cmd : List.of("hackbench -g 2", "stress-ng --cpu 4 --vm 2 --timer 1 --timer-freq 1000")) {
            ScenarioSpec s = ScenarioLoader.load(IDLE, List.of("duration=20ms", "warmup=1ms"),
                    new CommandImport("-S -p 95 -i 200 -h 100", cmd));
            assertTrue(org.rtvsim.experiment.SingleRun.run(s, 0).threads().get(0).samples() > 0, cmd);
        }
    }
}
