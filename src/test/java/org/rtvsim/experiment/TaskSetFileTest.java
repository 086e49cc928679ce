package org.rtvsim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.rtvsim.scenario.PreemptModel;
import org.rtvsim.scenario.WorkloadSpec;

class TaskSetFileTest {
    private static final String GOOD = """
            {"schema": "rt-taskset/v1", "name": "two", "time_unit": "us", "duration": 24000, "cpus": 1,
             "tasks": [{"name": "a", "period": 4000, "wcet": 1000, "deadline": 3000, "offset": 0, "priority": 2, "cpu": 0},
                       {"name": "b", "period": 6000, "wcet": 2000, "priority": 1, "cpu": 0}],
             "expected_wcrt": {"a": 1000, "b": 3000}}
            """;

    private static IllegalArgumentException bad(String json) {
        return assertThrows(IllegalArgumentException.class, () -> TaskSetFile.parse(json, "bad.json"));
    }

    @Test
    void toScenario_validFile_buildsTextbookScenario() {
        TaskSetFile f = TaskSetFile.parse(GOOD, "two.json");
        var spec = f.toScenario();
        assertEquals(24_000_000L, spec.durationNs());
        assertEquals(0, spec.warmupNs());
        assertEquals(PreemptModel.FULL, spec.host().kernel().preempt());
        var p = (WorkloadSpec.PeriodicSpec) spec.host().workload().get(0);
        assertEquals(3_000_000L, p.tasks().get(0).deadlineNs());
        assertEquals(6_000_000L, p.tasks().get(1).deadlineNs(), "deadline defaults to the period");
        assertEquals(2, p.tasks().get(0).priority(), "priorities in 1..99 are kept");
        assertEquals(3_000_000L, f.expectedWcrtNs().get("b"));
    }

    @Test
    void parse_priorityAbove99_mapsByRankPerCpu() {
        TaskSetFile f = TaskSetFile.parse(GOOD.replace("\"priority\": 2", "\"priority\": 500"), "x.json");
        assertEquals(2, f.tasks().get(0).mappedPriority());
        assertEquals(1, f.tasks().get(1).mappedPriority());
    }

    @Test
    void parse_missingField_namesFileAndField() {
        var e = bad(GOOD.replace("\"period\": 6000, ", ""));
        assertTrue(e.getMessage().startsWith("bad.json: tasks[1].period: missing"), e.getMessage());
    }

    @Test
    void parse_wrongType_namesFileAndField() {
        var e = bad(GOOD.replace("\"wcet\": 1000", "\"wcet\": \"1ms\""));
        assertTrue(e.getMessage().startsWith("bad.json: tasks[0].wcet: expected an integer"), e.getMessage());
    }

    @Test
    void parse_cpuOutOfRange_namesFileAndField() {
        var e = bad(GOOD.replace("\"cpu\": 0}]", "\"cpu\": 3}]"));
        assertTrue(e.getMessage().startsWith("bad.json: tasks[1].cpu: expected an integer in 0..0"), e.getMessage());
    }

    @Test
    void parse_wrongSchema_namesFileAndField() {
        var e = bad(GOOD.replace("rt-taskset/v1", "rt-taskset/v9"));
        assertTrue(e.getMessage().startsWith("bad.json: schema:"), e.getMessage());
    }

    @Test
    void parse_expectedWcrtOfUnknownTask_namesFileAndField() {
        var e = bad(GOOD.replace("\"b\": 3000", "\"c\": 3000"));
        assertTrue(e.getMessage().startsWith("bad.json: expected_wcrt.c:"), e.getMessage());
    }

    @Test
    void parse_notJson_namesFile() {
        var e = bad("{\"schema\": ");
        assertTrue(e.getMessage().startsWith("bad.json:1:12: not valid JSON"), e.getMessage());
    }

    @Test
    void read_missingFile_namesFile() {
        var e = assertThrows(IllegalArgumentException.class, () -> TaskSetFile.read(Path.of("no/such.json")));
        assertTrue(e.getMessage().startsWith("no/such.json: cannot read"), e.getMessage());
    }
}
