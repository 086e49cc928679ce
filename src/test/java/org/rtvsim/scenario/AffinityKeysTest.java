package org.rtvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.rtvsim.engine.CpuSet;
import org.rtvsim.experiment.ModelBuilder;

/** The affinity-mask keys: {@code periodic.tasks[].cpus}, {@code kernel_activity.affinity}, {@code io_thread.cpus}. */
class AffinityKeysTest {

    private static ScenarioSpec load(String workload) {
        return ScenarioLoader.loadString("""
                name: affinity
                hardware: {cpus: 4}
                host:
                  workload:
                """ + workload, "affinity.yaml", List.of());
    }

    private static org.rtvsim.kernel.Task task(ScenarioSpec s, String name) {
        return ModelBuilder.build(s, 0).host().tasks().stream().filter(x -> x.name().startsWith(name))
                .findFirst().orElseThrow();
    }

    @Test
    void periodicTask_cpusIsItsMask_andItStartsOnTheFirst() {
        ScenarioSpec s = load("    - periodic: {tasks: [{name: a, period: 10ms, wcet: {fixed: 1ms}, priority: 5, "
                + "cpus: \"1-3\"}]}\n");
        var spec = ((WorkloadSpec.PeriodicSpec) s.host().workload().get(0)).tasks().get(0);
        assertEquals(CpuSet.parse("1-3"), spec.mask());
        assertEquals(1, spec.cpu());
        var t = task(s, "a");
        assertTrue(t.migratable());
        assertEquals(1, t.cpu().id());
        assertTrue(t.allowed(3) && !t.allowed(0));
    }

    @Test
    void withoutAMask_tasksStayPinned() {
        ScenarioSpec s = load("    - periodic: {tasks: [{name: a, period: 10ms, wcet: {fixed: 1ms}, priority: 5, "
                + "cpu: 2}]}\n    - kernel_activity: {cpus: \"0-1\", tasks: 1}\n");
        assertNull(((WorkloadSpec.PeriodicSpec) s.host().workload().get(0)).tasks().get(0).mask());
        assertFalse(task(s, "a").migratable());
        assertFalse(task(s, "hackbench").migratable());
    }

    @Test
    void kernelActivity_affinityIsEveryTasksMask() {
        ScenarioSpec s = load("    - cyclictest: {}\n    - kernel_activity: {cpus: \"0-1\", tasks: 1, affinity: \"0-3\"}\n");
        var k = (WorkloadSpec.KernelActivitySpec) s.host().workload().get(1);
        assertEquals(CpuSet.parse("0-3"), k.affinity());
        var t = task(s, "hackbench/1");
        assertTrue(t.migratable());
        assertEquals(1, t.cpu().id());
    }

    @Test
    void badMasks_nameFileLineKeyAndExpectation() {
        ScenarioException outside = assertThrows(ScenarioException.class,
                () -> load("    - periodic: {tasks: [{name: a, period: 10ms, wcet: {fixed: 1ms}, priority: 5, "
                        + "cpu: 0, cpus: \"1-2\"}]}\n"));
        assertEquals("affinity.yaml", outside.file());
        assertEquals(5, outside.line());
        assertTrue(outside.key().endsWith("tasks[0].cpu"), outside.key());
        assertTrue(outside.detail().contains("cpus \"1-2\""), outside.detail());

        ScenarioException range = assertThrows(ScenarioException.class,
                () -> load("    - periodic: {tasks: [{name: a, period: 10ms, wcet: {fixed: 1ms}, priority: 5, "
                        + "cpus: \"2-7\"}]}\n"));
        assertTrue(range.key().endsWith("tasks[0].cpus"), range.key());

        ScenarioException notAll = assertThrows(ScenarioException.class,
                () -> load("    - cyclictest: {}\n    - kernel_activity: {cpus: \"0-1\", affinity: \"1-3\"}\n"));
        assertTrue(notAll.key().endsWith("kernel_activity.affinity"), notAll.key());
        assertTrue(notAll.detail().contains("every CPU of cpus \"0-1\""), notAll.detail());

        ScenarioException alone = assertThrows(ScenarioException.class,
                () -> load("    - cyclictest: {}\n    - kernel_activity: {affinity: \"1-3\"}\n"));
        assertTrue(alone.detail().contains("expected cpus"), alone.detail());
    }
}
