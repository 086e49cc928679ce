package org.rtvsim.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.rtvsim.experiment.SingleRun;
import org.rtvsim.measure.RunResult;
import org.rtvsim.measure.TaskResult;
import org.rtvsim.scenario.ScenarioLoader;
import org.rtvsim.scenario.ScenarioSpec;

/**
 * Golden schedules for the preemption-model table: one CPU with no kernel overheads, a SCHED_OTHER
 * task looping over a single 300 µs segment of one kind, and a FIFO-99 task (10 µs of work)
 * released once, 100 µs into the first segment. The RT task's response time is exactly 10 µs when it
 * preempts at once, 210 µs when it must wait for the segment's end, and 160 µs under
 * {@code voluntary}, where a might_resched point comes 250 µs (the cond_resched gap) into kernel code.
 */
class PreemptionModelGoldenTest {

    private static RunResult run(String preempt, String kind) {
        String yaml = """
                name: golden
                duration: 1ms
                warmup: 0ns
                hardware: {cpus: 1}
                host:
                  kernel: {preempt: %s, overheads: none, cond_resched_gap: 250us}
                  workload:
                    - periodic:
                        tasks:
                          - {name: rt, period: 1ms, offset: 100us, wcet: {fixed: 10us}, priority: 99, cpu: 0}
                    - kernel_activity:
                        cpus: "0"
                        tasks: 1
                        think: {fixed: 0ns}
                        segments: [{kind: %s, length: {fixed: 300us}}]
                measure: {attribution: false}
                """.formatted(preempt, kind);
        ScenarioSpec spec = ScenarioLoader.loadString(yaml, "golden.yaml", List.of());
        return SingleRun.run(spec, 0);
    }

    @ParameterizedTest(name = "{0} / {1}: max response {2} us")
    @CsvSource({
            "none,      user,         10",
            "none,      kernel,       210",
            "none,      spinlock,     210",
            "none,      raw_spinlock, 210",
            "none,      irqoff,       210",
            "voluntary, user,         10",
            "voluntary, kernel,       160",
            "voluntary, spinlock,     210",
            "voluntary, raw_spinlock, 210",
            "full,      kernel,       10",
            "full,      spinlock,     210",
            "full,      softirq,      210",
            "full,      raw_spinlock, 210",
            "full,      irqoff,       210",
            "lazy,      kernel,       10",
            "lazy,      spinlock,     210",
            "rt,        kernel,       10",
            "rt,        spinlock,     10",
            "rt,        softirq,      10",
            "rt,        raw_spinlock, 210",
            "rt,        irqoff,       210"})
    void rtWakeup_duringSegmentOfKind_waitsAsTheModelSays(String preempt, String kind, long expectedUs) {
        RunResult r = run(preempt, kind);
        TaskResult rt = r.tasks().get(0);
        assertEquals(1, rt.jobs(), "jobs");
        assertEquals(expectedUs * 1000, rt.maxNs(), "worst response time (ns)");
    }
}
