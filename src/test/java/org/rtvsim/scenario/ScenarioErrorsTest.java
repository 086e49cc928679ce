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
}
