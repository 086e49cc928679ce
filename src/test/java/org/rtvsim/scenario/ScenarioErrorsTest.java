package org.rtvsim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad scenarios: each message names file, line, column, key and what was expected. */
class ScenarioErrorsTest {

    private static ScenarioException fail(String yaml) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.loadString(yaml, "bad.yaml", List.of()));
    }

    private static void assertContains(ScenarioException e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "'" + p + "' not in: " + e.getMessage());
        }
    }

    @Test
    void unknownKey_suggestsTheNearestKnownKey() {
        ScenarioException e = fail("""
                name: x
                host:
                  kernel:
                    preemt: rt
                  workload: [{cyclictest: {}}]
                """);
        assertEquals("bad.yaml:4:5: host.kernel.preemt: unknown key 'preemt'; did you mean 'preempt'?",
                e.getMessage());
    }

    @Test
    void wrongUnit_namesUnitAndLocation() {
        ScenarioException e = fail("""
                name: x
                host:
                  workload:
                    - cyclictest: {interval: 1mx}
                """);
        assertEquals(4, e.line());
        assertContains(e, "bad.yaml:4:", "host.workload[0].cyclictest.interval", "'mx'", "ns, us, ms, s, min or h");
    }

    @Test
    void bareNumberDuration_asksForAUnit() {
        ScenarioException e = fail("""
                name: x
                duration: 60
                host: {workload: [{cyclictest: {}}]}
                """);
        assertEquals("bad.yaml:2:11: duration: bare number 60 for a duration; write it with a unit, e.g. \"60us\"",
                e.getMessage());
    }

    @Test
    void cpuListOutOfRange_namesHardwareCpus() {
        ScenarioException e = fail("""
                name: x
                host:
                  workload:
                    - kernel_activity: {cpus: "0-9"}
                    - cyclictest: {}
                """);
        assertContains(e, "bad.yaml:4:", "host.workload[0].kernel_activity.cpus", "expected CPUs in 0-3",
                "hardware.cpus is 4", "\"0-9\"");
    }

    @Test
    void cpuListOutOfRange_inKernelKey() {
        ScenarioException e = fail("""
                name: x
                host:
                  kernel: {isolcpus: "2-4"}
                  workload: [{cyclictest: {}}]
                """);
        assertContains(e, "bad.yaml:3:", "host.kernel.isolcpus", "0-3");
    }

    @Test
    void negativeDistributionParameter_mustBePositive() {
        ScenarioException e = fail("""
                name: x
                host:
                  kernel:
                    costs:
                      tick: {lognormal: {median: -3us, sigma: 0.5}}
                  workload: [{cyclictest: {}}]
                """);
        assertContains(e, "bad.yaml:5:", "host.kernel.costs.tick.lognormal.median", "positive", "-3us");
    }

    @Test
    void zeroShape_mustBePositive() {
        ScenarioException e = fail("""
                name: x
                hardware:
                  smi: {interval: {exponential: {mean: 10s}}, duration: {pareto: {scale: 20us, shape: 0}}}
                host: {workload: [{cyclictest: {}}]}
                """);
        assertContains(e, "bad.yaml:3:", "hardware.smi.duration.pareto.shape", "positive");
    }

    @Test
    void enumValue_listsTheValidOnes() {
        ScenarioException e = fail("""
                name: x
                host:
                  kernel: {preempt: fulll}
                  workload: [{cyclictest: {}}]
                """);
        assertContains(e, "bad.yaml:3:", "host.kernel.preempt", "none, voluntary, full, lazy, rt", "'fulll'",
                "did you mean 'full'");
    }

    @Test
    void missingName_isAnError() {
        ScenarioException e = fail("host: {workload: [{cyclictest: {}}]}\n");
        assertContains(e, "bad.yaml:1:1: name: missing required key 'name'");
    }

    @Test
    void noMeasuringWorkload_isAnError() {
        ScenarioException e = fail("""
                name: x
                host:
                  workload: [{kernel_activity: {}}]
                """);
        assertContains(e, "bad.yaml:3:", "host.workload", "cyclictest, periodic or lock_sharing");
    }

    @Test
    void threadsMoreThanCpus_isAnError() {
        ScenarioException e = fail("""
                name: x
                host: {workload: [{cyclictest: {threads: 3, cpus: "0-1"}}]}
                """);
        assertContains(e, "host.workload[0].cyclictest.threads", "at most 2");
    }

    @Test
    void vmWithoutPin_isAnError() {
        ScenarioException e = fail("""
                name: x
                vms:
                  - {name: rt, vcpus: 4, workload: [{cyclictest: {}}]}
                """);
        assertContains(e, "bad.yaml:3:", "vms[rt].pin");
    }

    @Test
    void missingFile_namesThePath() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(Path.of("no/such/scenario.yaml"), List.of()));
        assertContains(e, "no/such/scenario.yaml", "file not found");
    }

    @Test
    void yamlSyntaxError_reportsJacksonsLineAndColumn() {
        ScenarioException e = fail("name: x\n b: [\nc: 2\n");
        assertContains(e, "bad.yaml:2:3: ", "YAML syntax error", "mapping values are not allowed");
    }

    @Test
    void badCsvRow_errorUsesTheCsvLineNumber() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(TestScenarios.path("empirical-bad.yaml"), List.of()));
        assertContains(e, "bad.csv:3:", "host.kernel.costs.tick.empirical", "not a number");
    }

    @Test
    void extendsCycle_namesTheChain() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(TestScenarios.path("cycle-a.yaml"), List.of()));
        assertContains(e, "cycle-b.yaml:1:", "extends", "cycle-a.yaml -> cycle-b.yaml -> cycle-a.yaml");
    }

    @Test
    void unknownWorkloadKind_suggests() {
        ScenarioException e = fail("""
                name: x
                host: {workload: [{cyclictst: {}}]}
                """);
        assertContains(e, "host.workload[0].cyclictst", "did you mean 'cyclictest'");
    }

    /** The list keys of periodic tasks and custom kernel activity: not a list, empty, or entries out of order. */
    @Test
    void listKeys_nameTheKeyAndWhatTheListHolds() {
        String periodic = """
                name: x
                host:
                  workload:
                    - periodic:
                        tasks: %s
                """;
        String task = "[{name: t, period: 10ms, wcet: {fixed: 1ms}, priority: 50, %s}]";
        assertEquals("bad.yaml:5:16: host.workload[0].periodic.tasks: expected a non-empty list of tasks {name, "
                + "period, wcet, priority}; got '5'", fail(periodic.formatted("5")).getMessage());
        assertContains(fail(periodic.formatted("[]")), "bad.yaml:5:16: host.workload[0].periodic.tasks: expected a "
                + "non-empty list of tasks {name, period, wcet, priority}; got");
        assertContains(fail(periodic.formatted(task.formatted("phases: []"))), "bad.yaml:5:",
                "host.workload[0].periodic.tasks[0].phases: expected a non-empty list of phases {jobs, period, wcet,"
                        + " deadline, locks}; got");
        assertContains(fail(periodic.formatted(task.formatted("locks: 3"))), "bad.yaml:5:",
                "host.workload[0].periodic.tasks[0].locks: expected a list of {lock, offset, length}; got");
        assertContains(fail(periodic.formatted(task.formatted("phases: [{sync: x}]"))), "bad.yaml:5:",
                "host.workload[0].periodic.tasks[0].phases[0].sync: expected a list of {at, op, name}; got");
        assertContains(fail(periodic.formatted(task.formatted("phases: [{sync: [{at: 2ms, op: signal, name: a}, "
                + "{at: 1ms, op: signal, name: a}]}]"))), "bad.yaml:5:124: host.workload[0].periodic.tasks[0].phases[0]"
                + ".sync[1].at: expected sync points in job order (at >= 2ms, the previous one's)");
        assertContains(fail(periodic.formatted(task.formatted("locks: [{lock: m, offset: 0us, length: 2ms}, "
                + "{lock: m, offset: 1ms, length: 2ms}]"))), "bad.yaml:5:120: host.workload[0].periodic.tasks[0].locks[1]: "
                + "expected sections on m that do not overlap (a lock is not taken twice by one task); this one "
                + "overlaps locks[0]");
        assertContains(fail("""
                name: x
                host:
                  workload:
                    - kernel_activity: {think: {fixed: 1us}, segments: []}
                """), "bad.yaml:4:", "host.workload[0].kernel_activity.segments: expected a non-empty list of "
                + "{kind, length, probability}; got");
    }
}
