package org.rtvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fair-class keys: {@code policy: batch | idle}, {@code nice} and {@code slice} where tasks are declared. */
class FairKeysTest {

    private static ScenarioSpec load(String workload) {
        return ScenarioLoader.loadString("""
                name: fair
                hardware: {cpus: 2}
                host:
                  workload:
                """ + workload, "fair.yaml", List.of());
    }

    @Test
    void periodicTask_bindsPolicyNiceAndSlice() {
        ScenarioSpec s = load("    - periodic: {tasks: [{name: a, period: 10ms, wcet: {fixed: 1ms}, priority: 0, "
                + "policy: batch, nice: -5, slice: 1ms}]}\n");
        var t = ((WorkloadSpec.PeriodicSpec) s.host().workload().get(0)).tasks().get(0);
        assertEquals(SchedPolicy.BATCH, t.policy());
        assertEquals(new FairSpec(-5, 1_000_000L), t.fair());
    }

    @Test
    void periodicTask_niceAndSliceReachTheKernelTask() {
        ScenarioSpec s = load("    - periodic: {tasks: [{name: a, period: 10ms, wcet: {fixed: 1ms}, priority: 0, "
                + "policy: other, nice: 7, slice: 5ms}]}\n");
        var t = org.rtvsim.experiment.ModelBuilder.build(s, 0).host().tasks().stream()
                .filter(x -> x.name().equals("a")).findFirst().orElseThrow();
        assertEquals(7, t.nice());
        assertEquals(5_000_000L, t.customSlice());
    }

    @Test
    void defaults_areNiceZeroAndTheBaseSlice() {
        ScenarioSpec s = load("    - cyclictest: {priority: 0}\n    - kernel_activity: {}\n");
        var c = (WorkloadSpec.CyclictestSpec) s.host().workload().get(0);
        var k = (WorkloadSpec.KernelActivitySpec) s.host().workload().get(1);
        assertEquals(SchedPolicy.OTHER, c.policy());
        assertEquals(FairSpec.DEFAULT, c.fair());
        assertEquals(SchedPolicy.OTHER, k.policy());
        assertEquals(FairSpec.DEFAULT, k.fair());
    }

    @Test
    void kernelActivity_takesIdlePolicyAndNice() {
        ScenarioSpec s = load("    - cyclictest: {}\n    - kernel_activity: {policy: idle, nice: 19}\n");
        var k = (WorkloadSpec.KernelActivitySpec) s.host().workload().get(1);
        assertEquals(SchedPolicy.IDLE, k.policy());
        assertEquals(19, k.fair().nice());
    }

    @Test
    void badValues_nameFileLineKeyAndExpectation() {
        ScenarioException nice = assertThrows(ScenarioException.class,
                () -> load("    - cyclictest: {priority: 0, nice: 20}\n"));
        assertEquals("fair.yaml", nice.file());
        assertEquals(5, nice.line());
        assertTrue(nice.key().endsWith("cyclictest.nice"), nice.key());
        assertTrue(nice.detail().contains("-20..19"), nice.detail());

        ScenarioException slice = assertThrows(ScenarioException.class,
                () -> load("    - cyclictest: {priority: 0, slice: 50us}\n"));
        assertTrue(slice.key().endsWith("cyclictest.slice"), slice.key());
        assertTrue(slice.detail().contains("100us..100ms"), slice.detail());

        ScenarioException rt = assertThrows(ScenarioException.class,
                () -> load("    - cyclictest: {}\n    - kernel_activity: {policy: fifo}\n"));
        assertTrue(rt.detail().contains("fair policy"), rt.detail());

        ScenarioException prio = assertThrows(ScenarioException.class,
                () -> load("    - cyclictest: {policy: idle, priority: 5}\n"));
        assertTrue(prio.detail().contains("expected priority 0 for policy idle"), prio.detail());
    }
}
