package org.rtvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeAndOverrideTest {

    private static final Path FULL = TestScenarios.path("full-example.yaml");

    @Test
    void merge_mapsDeepMerged_listsReplaced_locationsKeepTheirFile() {
        Node tree = ScenarioLoader.merge(ScenarioLoader.loadTree(FULL), FULL, List.of());
        Node.MapNode host = (Node.MapNode) ((Node.MapNode) tree).get("host");
        Node.MapNode kernel = (Node.MapNode) host.get("kernel");
        assertTrue(kernel.get("costs").location().file().endsWith("ivybridge-16.yaml"));
        assertTrue(kernel.get("preempt").location().file().endsWith("full-example.yaml"));
        assertEquals(2, ((Node.ListNode) host.get("workload")).size(), "the extending file's list replaces");
        assertTrue(!((Node.MapNode) tree).has("extends"));
    }

    @Test
    void extends_baseValuesSurviveWhereNotOverridden() {
        ScenarioSpec s = ScenarioLoader.loadString("""
                extends: base/ivybridge-16.yaml
                name: child
                host:
                  kernel: {preempt: full}
                """, TestScenarios.dir().resolve("child.yaml").toString(), List.of());
        assertEquals(PreemptModel.FULL, s.host().kernel().preempt());
        assertEquals(250, s.host().kernel().hz(), "from the base");
        assertEquals("base machine", s.description());
        assertEquals(List.of(50.0, 99.0), s.measure().percentiles());
    }

    @Test
    void set_vmByNameAndWorkloadField() {
        ScenarioSpec s = ScenarioLoader.load(FULL, List.of("vms[rt].idle=halt",
                "vms[rt].workload[0].cyclictest.priority=80", "host.kernel.preempt=full",
                "host.kernel.rt_throttling={runtime: 900ms, period: 1s}"));
        assertEquals("halt", s.vms().get(0).idle());
        assertEquals(80, ((WorkloadSpec.CyclictestSpec) s.vms().get(0).workload().get(0)).priority());
        assertEquals(PreemptModel.FULL, s.host().kernel().preempt());
        assertEquals(900_000_000L, s.host().kernel().rtThrottling().runtimeNs());
    }

    @Test
    void set_addsAKeyTheSchemaKnows() {
        ScenarioSpec s = ScenarioLoader.load(FULL, List.of("host.kernel.costs.ipi=2us",
                "host.workload[0].kernel_activity.tasks=5", "hardware.clock_read=30ns"));
        assertEquals(new org.rtvsim.engine.DistSpec.Fixed(2_000), s.host().kernel().costs().ipi());
        assertEquals(5, ((WorkloadSpec.KernelActivitySpec) s.host().workload().get(0)).tasks());
    }

    @Test
    void set_unknownPath_listsNearestKeys() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(FULL, List.of("host.kernel.preemt=full")));
        assertEquals("<command line>", e.file());
        assertTrue(e.getMessage().startsWith("<command line>: --set host.kernel.preemt: unknown key 'preemt'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("nearest keys: preempt"), e.getMessage());
    }

    @Test
    void set_unknownVmName_listsNames() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(FULL, List.of("vms[rtt].idle=halt")));
        assertTrue(e.getMessage().contains("no entry named 'rtt'") && e.getMessage().contains("rt"),
                e.getMessage());
    }

    @Test
    void set_badValue_isReportedAtTheCommandLine() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(FULL, List.of("vms[rt].idle=sleep")));
        assertTrue(e.getMessage().startsWith("<command line>: vms[rt].idle: expected one of poll, halt"),
                e.getMessage());
    }

    @Test
    void set_indexOutOfRange_saysHowManyEntries() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(FULL, List.of("host.workload[5].cyclictest.priority=1")));
        assertTrue(e.getMessage().contains("has 2 entries"), e.getMessage());
    }
}
