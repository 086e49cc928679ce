package org.rtvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Model-build errors point at the user's line: the binder records where each section was written. */
class LocationsTest {
    private static final String YAML = """
            name: t
            duration: 10ms
            hardware: {cpus: 2}
            host:
              kernel: {preempt: rt}
              workload:
                - kernel_activity: {cpus: "1", think: {exponential: {mean: 1ms}}}
                - cyclictest: {threads: 1, priority: 99}
            """;

    @Test
    void keyPaths_resolveToTheirLine_orTheNearestWrittenAncestor() {
        ScenarioSpec s = ScenarioLoader.loadString(YAML, "t.yaml", java.util.List.of());
        assertEquals(8, s.locations().of("host.workload.cyclictest[0]").line());
        assertEquals(7, s.locations().of("host.workload.kernel_activity[0]").line());
        assertEquals(7, s.locations().of("host.workload.kernel_activity[0].no_such_key").line());
        assertEquals(5, s.locations().of("host.kernel.costs.tick").line());
        assertEquals(0, s.locations().of("vms[x]").line());
        ScenarioException e = s.error("host.workload.cyclictest[0]", "wrong");
        assertEquals("t.yaml:8:19: host.workload.cyclictest[0]: wrong", e.getMessage());
    }
}
